package be.edusprong.lms.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.content.ContentLoader;
import be.edusprong.lms.domain.content.ContentLoader.LoadReport;
import be.edusprong.lms.domain.content.ContentPackage;
import be.edusprong.lms.domain.content.ContentPackage.ModulePackage;
import be.edusprong.lms.domain.content.ContentPackage.UnitPackage;
import be.edusprong.lms.domain.content.ContentPackageReader;
import be.edusprong.lms.domain.content.ContentSource;
import be.edusprong.lms.domain.enrolment.EnrolmentService;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.progress.ProgressService;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start-up and content loading against MariaDB: Flyway's schema, the shipped modules and the
 * DigComp framework, and that loading is idempotent and updates a new version in place.
 *
 * <p>Ordered: the first two tests look at the state start-up left; the last one changes a module
 * and loads the shipped package again at the end, so the database is as start-up left it.
 */
@ExtendWith({MariaDbExtension.class, ArquillianExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentLoadingIT {
  private static final List<String> CONTENT_TABLES =
      List.of(
          "centre",
          "competence_area",
          "competence",
          "proficiency_level",
          "course_module",
          "module_competence",
          "learning_unit",
          "unit_competence",
          "practice_item");

  @Deployment
  static WebArchive deployment() {
    return Deployments.lmsWar(ContentLoadingIT.class);
  }

  @Inject ContentLoader loader;
  @Inject CatalogueService catalogue;
  @Inject AccountService accounts;
  @Inject EnrolmentService enrolments;
  @Inject ProgressService progress;

  @Test
  @Order(1)
  void startUpMigratesTheSchemaAndPublishesTheShippedModules() {
    assertEquals(
        1,
        Sql.number(
            "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '1' AND success = 1"));

    Set<String> shipped =
        shippedContent().modules().stream().map(ModulePackage::code).collect(Collectors.toSet());
    List<CourseModule> published = catalogue.published(null, null);
    assertEquals(4, published.size());
    assertEquals(
        shipped, published.stream().map(CourseModule::getCode).collect(Collectors.toSet()));

    List<List<Object>> unitsPerModule =
        Sql.rows(
            "SELECT m.code, COUNT(u.id) FROM course_module m"
                + " LEFT JOIN learning_unit u ON u.module_id = m.id"
                + " WHERE m.published GROUP BY m.code");
    assertEquals(4, unitsPerModule.size());
    for (List<Object> row : unitsPerModule) {
      assertTrue(((Number) row.get(1)).intValue() >= 4, "units of " + row.get(0));
    }
    List<List<Object>> itemsPerUnit =
        Sql.rows(
            "SELECT u.code, COUNT(i.id) FROM learning_unit u"
                + " LEFT JOIN practice_item i ON i.unit_id = u.id GROUP BY u.id, u.code");
    assertTrue(itemsPerUnit.size() >= 16, "units: " + itemsPerUnit.size());
    for (List<Object> row : itemsPerUnit) {
      assertTrue(((Number) row.get(1)).intValue() >= 5, "practice items of " + row.get(0));
    }

    assertEquals(5, Sql.count("competence_area"));
    assertEquals(21, Sql.count("competence"));
    assertEquals(8, Sql.count("proficiency_level"));
  }

  @Test
  @Order(2)
  void loadingTheSamePackageAgainChangesNothing() {
    Map<String, Long> before = rowCounts();
    List<List<Object>> unitsBefore =
        Sql.rows("SELECT id, body_html FROM learning_unit ORDER BY id");
    List<List<Object>> itemsBefore =
        Sql.rows("SELECT id, gift_source FROM practice_item ORDER BY id");

    LoadReport report = loader.load(shippedContent());

    assertEquals(new LoadReport(0, 0, 4), report);
    assertEquals(before, rowCounts());
    assertEquals(unitsBefore, Sql.rows("SELECT id, body_html FROM learning_unit ORDER BY id"));
    assertEquals(itemsBefore, Sql.rows("SELECT id, gift_source FROM practice_item ORDER BY id"));
  }

  @Test
  @Order(3)
  void aNewVersionUpdatesTheModuleInPlaceAndKeepsLearnersAnswers() {
    ContentPackage shipped = shippedContent();
    ModulePackage module = shipped.modules().get(0);
    UnitPackage unit = module.units().get(0);

    // A learner's answer to the unit's first question, which the update must leave attached.
    UserAccount learner =
        accounts.create(
            Centres.DEFAULT_CENTRE_CODE,
            "it-content-" + UUID.randomUUID().toString().substring(0, 8),
            "Cursist Inhoud",
            "een-lang-wachtwoord",
            EnumSet.of(Role.LEARNER));
    enrolments.enrol(learner.getId(), module.code());
    long itemId =
        Sql.number(
            "SELECT i.id FROM practice_item i JOIN learning_unit u ON u.id = i.unit_id"
                + " JOIN course_module m ON m.id = u.module_id"
                + " WHERE m.code = ? AND u.code = ? AND i.identifier = ?",
            module.code(),
            unit.code(),
            unit.items().get(0).identifier());
    progress.answer(learner.getId(), itemId, Responses.correct(unit.items().get(0)));

    String unitIds =
        "SELECT u.code, u.id FROM learning_unit u JOIN course_module m ON m.id = u.module_id"
            + " WHERE m.code = ? ORDER BY u.code";
    String itemIds =
        "SELECT u.code, i.identifier, i.id FROM practice_item i"
            + " JOIN learning_unit u ON u.id = i.unit_id JOIN course_module m ON m.id = u.module_id"
            + " WHERE m.code = ? ORDER BY u.code, i.identifier";
    List<List<Object>> unitsBefore = Sql.rows(unitIds, module.code());
    List<List<Object>> itemsBefore = Sql.rows(itemIds, module.code());
    Map<String, Long> countsBefore = rowCounts();

    String newBody = "<p>Bijgewerkt voor de integratietest.</p>\n" + unit.bodyHtml();
    ContentPackage next = withChangedFirstUnit(shipped, module.version() + 1, newBody);
    try {
      LoadReport report = loader.load(next);

      assertEquals(new LoadReport(0, 1, 3), report);
      assertEquals(
          module.version() + 1,
          Sql.number("SELECT content_version FROM course_module WHERE code = ?", module.code()));
      assertEquals(newBody, bodyOf(module.code(), unit.code()));
      assertEquals(unitsBefore, Sql.rows(unitIds, module.code()));
      assertEquals(itemsBefore, Sql.rows(itemIds, module.code()));
      assertEquals(countsBefore, rowCounts());
      assertEquals(
          1,
          Sql.number(
              "SELECT COUNT(*) FROM practice_answer WHERE learner_id = ? AND item_id = ?",
              learner.getId(),
              itemId));
    } finally {
      loader.load(shipped); // back to what start-up loaded, for the tests that follow
    }
    assertEquals(unit.bodyHtml(), bodyOf(module.code(), unit.code()));
    assertEquals(unitsBefore, Sql.rows(unitIds, module.code()));
  }

  private static ContentPackage shippedContent() {
    return new ContentPackageReader(
            ContentSource.classpath(ContentLoadingIT.class.getClassLoader()))
        .read();
  }

  // The package with its first module at `version` and that module's first unit text replaced.
  private static ContentPackage withChangedFirstUnit(
      ContentPackage content, int version, String bodyHtml) {
    ModulePackage m = content.modules().get(0);
    UnitPackage u = m.units().get(0);
    List<UnitPackage> units = new ArrayList<>(m.units());
    units.set(
        0, new UnitPackage(u.code(), u.title(), bodyHtml, u.minutes(), u.competences(), u.items()));
    List<ModulePackage> modules = new ArrayList<>(content.modules());
    modules.set(
        0,
        new ModulePackage(
            m.code(),
            version,
            m.kind(),
            m.title(),
            m.summary(),
            m.level(),
            m.estimatedMinutes(),
            m.competences(),
            units));
    return new ContentPackage(content.digComp(), modules);
  }

  private static String bodyOf(String moduleCode, String unitCode) {
    return Sql.text(
        "SELECT u.body_html FROM learning_unit u JOIN course_module m ON m.id = u.module_id"
            + " WHERE m.code = ? AND u.code = ?",
        moduleCode,
        unitCode);
  }

  private static Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    CONTENT_TABLES.forEach(t -> counts.put(t, Sql.count(t)));
    return counts;
  }
}
