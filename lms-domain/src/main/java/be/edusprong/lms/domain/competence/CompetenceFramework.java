package be.edusprong.lms.domain.competence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Read access to the DigComp 2.2 framework as loaded from {@code content/digcomp}. */
@ApplicationScoped
public class CompetenceFramework {
  @Inject EntityManager em;

  /** The five areas, by code. */
  public List<CompetenceArea> areas() {
    return em.createQuery("SELECT a FROM CompetenceArea a ORDER BY a.code", CompetenceArea.class)
        .getResultList();
  }

  /** The 21 competences, by code. */
  public List<Competence> competences() {
    return em.createQuery("SELECT c FROM Competence c ORDER BY c.code", Competence.class)
        .getResultList();
  }

  /** The eight proficiency levels, lowest first. */
  public List<ProficiencyLevel> levels() {
    return em.createQuery(
            "SELECT l FROM ProficiencyLevel l ORDER BY l.level", ProficiencyLevel.class)
        .getResultList();
  }
}
