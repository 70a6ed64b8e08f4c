package be.edusprong.lms.domain.centre;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Finding and creating centres. */
@ApplicationScoped
@Transactional
public class Centres {
  /** The centre the shipped open modules belong to, created at first start. */
  public static final String DEFAULT_CENTRE_CODE = "cvo-edusprong";

  /** Its display name. */
  public static final String DEFAULT_CENTRE_NAME = "CVO Edusprong";

  @Inject EntityManager em;

  /** The centre with this code, if any. */
  public Optional<Centre> byCode(String code) {
    return em.createQuery("SELECT c FROM Centre c WHERE c.code = :c", Centre.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  /** The default centre, created when missing. */
  public Centre ensureDefault() {
    return byCode(DEFAULT_CENTRE_CODE)
        .orElseGet(
            () -> {
              Centre centre = new Centre(DEFAULT_CENTRE_CODE, DEFAULT_CENTRE_NAME, CentreKind.CVO);
              em.persist(centre);
              em.flush();
              return centre;
            });
  }
}
