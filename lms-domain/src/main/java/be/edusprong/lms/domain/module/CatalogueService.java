package be.edusprong.lms.domain.module;

import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of published modules: what the public sees first (opleidingskompas, Speerpunt 1 of
 * the policy text) and what learners enrol in.
 */
@ApplicationScoped
public class CatalogueService {
  @Inject EntityManager em;

  /**
   * Published modules, in catalogue order: open modules for cursisten first, then Digisprong
   * modules for school teams; within each, by level, then title.
   *
   * @param areaCode DigComp area code ({@code 1}-{@code 5}) a module must cover a competence of, or
   *     null for all
   * @param level DigComp proficiency level (1-8) the module aims at, or null for all
   */
  public List<CourseModule> published(String areaCode, Integer level) {
    List<CourseModule> all =
        em.createQuery(
                "SELECT m FROM CourseModule m WHERE m.published = TRUE"
                    + " ORDER BY m.kind DESC, m.proficiencyLevel, m.titleNl",
                CourseModule.class)
            .getResultList();
    return all.stream()
        .filter(m -> level == null || m.getProficiencyLevel() == level)
        .filter(
            m ->
                areaCode == null
                    || areaCode.isBlank()
                    || m.getCompetenceCodes().stream()
                        .anyMatch(c -> c.startsWith(areaCode.trim() + ".")))
        .toList();
  }

  /** The published module with this code, if any. */
  public Optional<CourseModule> byCode(String code) {
    return em.createQuery(
            "SELECT m FROM CourseModule m WHERE m.code = :c AND m.published = TRUE",
            CourseModule.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  /**
   * The module with this code.
   *
   * @throws DomainException {@code error.module.unknown} when there is none
   */
  public CourseModule require(String code) {
    return byCode(code)
        .orElseThrow(
            () -> new DomainException("error.module.unknown", "no module '" + code + "'", code));
  }

  /**
   * A unit of a module.
   *
   * @throws DomainException {@code error.unit.unknown} when the module has no such unit
   */
  public LearningUnit requireUnit(String moduleCode, String unitCode) {
    return require(moduleCode)
        .unit(unitCode)
        .orElseThrow(
            () ->
                new DomainException(
                    "error.unit.unknown",
                    "no unit '" + unitCode + "' in '" + moduleCode + "'",
                    unitCode));
  }

  /** The practice question with this id. */
  public Optional<PracticeItem> item(long itemId) {
    return Optional.ofNullable(em.find(PracticeItem.class, itemId));
  }
}
