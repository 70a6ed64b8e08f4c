package be.edusprong.lms.domain.content;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.centre.Centre;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.competence.Competence;
import be.edusprong.lms.domain.competence.CompetenceArea;
import be.edusprong.lms.domain.competence.ProficiencyLevel;
import be.edusprong.lms.domain.content.ContentPackage.ModulePackage;
import be.edusprong.lms.domain.content.ContentPackage.UnitPackage;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.module.LearningUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Loads a validated {@link ContentPackage} into the database, in one transaction.
 *
 * <p>Idempotent: the DigComp framework is upserted; a module whose {@code version} equals the
 * stored one is left alone; a new version updates the module in place, keeping units (matched by
 * code) and practice questions (matched by identifier) so that learners' answers and completions
 * stay attached; units and questions that disappeared are removed.
 */
@ApplicationScoped
@Transactional
public class ContentLoader {
  private static final Logger LOG = Logger.getLogger(ContentLoader.class.getName());

  @Inject EntityManager em;
  @Inject Centres centres;

  /** What a load did. */
  public record LoadReport(int created, int updated, int unchanged) {}

  /**
   * Loads the content into the default centre.
   *
   * @return how many modules were created, updated and left unchanged
   */
  public LoadReport load(ContentPackage content) {
    loadDigComp(content.digComp());
    Centre centre = centres.ensureDefault();
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (ModulePackage p : content.modules()) {
      CourseModule module =
          em.createQuery(
                  "SELECT m FROM CourseModule m WHERE m.centre.id = :c AND m.code = :code",
                  CourseModule.class)
              .setParameter("c", centre.getId())
              .setParameter("code", p.code())
              .getResultStream()
              .findFirst()
              .orElse(null);
      if (module == null) {
        module = new CourseModule(centre, p.code());
        apply(module, p);
        em.persist(module);
        created++;
      } else if (module.getContentVersion() == p.version()) {
        unchanged++;
      } else {
        apply(module, p);
        updated++;
      }
    }
    LOG.info(
        () ->
            "content loaded: "
                + content.modules().size()
                + " modules (created, updated, unchanged)");
    return new LoadReport(created, updated, unchanged);
  }

  private void apply(CourseModule module, ModulePackage p) {
    module.describe(
        p.version(),
        p.kind(),
        p.title(),
        p.summary(),
        p.level(),
        p.estimatedMinutes(),
        new LinkedHashSet<>(p.competences()));
    Set<String> unitCodes = new HashSet<>();
    int position = 1;
    for (UnitPackage u : p.units()) {
      unitCodes.add(u.code());
      LearningUnit unit = module.unit(u.code()).orElse(null);
      if (unit == null) {
        unit = module.addUnit(u.code());
      }
      unit.describe(
          position++, u.title(), u.bodyHtml(), u.minutes(), new HashSet<>(u.competences()));
      Set<String> identifiers = new HashSet<>();
      int itemPosition = 1;
      for (Item item : u.items()) {
        identifiers.add(item.identifier());
        unit.putItem(
            item.identifier(),
            itemPosition++,
            item.type().name(),
            item.title() == null || item.title().isBlank() ? item.identifier() : item.title(),
            item.sourceText());
      }
      unit.retainItems(identifiers);
    }
    module.retainUnits(unitCodes);
  }

  private void loadDigComp(ContentPackage.DigComp digComp) {
    for (ContentPackage.Level l : digComp.levels()) {
      ProficiencyLevel existing = em.find(ProficiencyLevel.class, l.level());
      if (existing == null) {
        em.persist(new ProficiencyLevel(l.level(), l.group(), l.name()));
      }
    }
    for (ContentPackage.Area a : digComp.areas()) {
      if (em.find(CompetenceArea.class, a.code()) == null) {
        em.persist(new CompetenceArea(a.code(), a.name()));
      }
    }
    em.flush();
    for (ContentPackage.CompetenceRow c : digComp.competences()) {
      if (em.find(Competence.class, c.code()) == null) {
        em.persist(new Competence(c.code(), c.areaCode(), c.name()));
      }
    }
    em.flush();
  }
}
