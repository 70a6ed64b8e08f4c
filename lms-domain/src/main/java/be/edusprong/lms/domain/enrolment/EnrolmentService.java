package be.edusprong.lms.domain.enrolment;

import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Enrolling learners in modules. Open modules can be started any day (policy text, Speerpunt 3):
 * enrolling needs no approval and no start date.
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {
  @Inject EntityManager em;
  @Inject CatalogueService catalogue;
  @Inject Clock clock;

  /**
   * Enrols a learner in a published module; enrolling again returns the existing enrolment (a
   * withdrawn one becomes active again).
   *
   * @throws DomainException {@code error.enrolment.notLearner} when the account has no learner
   *     role, {@code error.module.unknown} when no such published module exists
   */
  public Enrolment enrol(long learnerId, String moduleCode) {
    UserAccount learner = em.find(UserAccount.class, learnerId);
    if (learner == null || !learner.hasRole(Role.LEARNER)) {
      throw new DomainException(
          "error.enrolment.notLearner", "account " + learnerId + " is no learner");
    }
    CourseModule module = catalogue.require(moduleCode);
    Optional<Enrolment> existing = find(learnerId, module.getId());
    if (existing.isPresent()) {
      if (existing.get().getStatus() == EnrolmentStatus.WITHDRAWN) {
        existing.get().reactivate();
      }
      return existing.get();
    }
    Enrolment enrolment = new Enrolment(learner, module, clock.instant());
    em.persist(enrolment);
    return enrolment;
  }

  /** The enrolment of a learner in a module, if any. */
  public Optional<Enrolment> find(long learnerId, long moduleId) {
    return em.createQuery(
            "SELECT e FROM Enrolment e WHERE e.learner.id = :l AND e.module.id = :m",
            Enrolment.class)
        .setParameter("l", learnerId)
        .setParameter("m", moduleId)
        .getResultStream()
        .findFirst();
  }

  /** A learner's enrolments that are not withdrawn, newest first. */
  public List<Enrolment> enrolmentsOf(long learnerId) {
    return em.createQuery(
            "SELECT e FROM Enrolment e JOIN FETCH e.module WHERE e.learner.id = :l"
                + " AND e.status <> :w ORDER BY e.enrolledAt DESC",
            Enrolment.class)
        .setParameter("l", learnerId)
        .setParameter("w", EnrolmentStatus.WITHDRAWN)
        .getResultList();
  }

  /** All enrolments in the modules of a centre, by module then learner name. */
  public List<Enrolment> enrolmentsInCentre(long centreId) {
    return em.createQuery(
            "SELECT e FROM Enrolment e JOIN FETCH e.module m JOIN FETCH e.learner l"
                + " WHERE l.centre.id = :c ORDER BY m.titleNl, l.displayName",
            Enrolment.class)
        .setParameter("c", centreId)
        .getResultList();
  }
}
