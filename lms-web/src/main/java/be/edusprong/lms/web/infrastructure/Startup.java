package be.edusprong.lms.web.infrastructure;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.DemoAccounts;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.content.ContentLoader;
import be.edusprong.lms.domain.content.ContentPackage;
import be.edusprong.lms.domain.content.ContentPackageReader;
import be.edusprong.lms.domain.content.ContentSource;
import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.Review;
import be.edusprong.lms.domain.delivery.SigningKeys;
import be.edusprong.lms.domain.exemption.ExemptionService;
import be.edusprong.lms.domain.shared.Resources;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database up to date before anything else uses it, then loads the content and the
 * accounts that must exist.
 *
 * <ol>
 *   <li>Flyway applies the migrations in {@code db/migration} (lms-domain).
 *   <li>The content packages in the {@code lms-content} jar are read, validated and loaded
 *       (idempotent: an unchanged version is left alone).
 *   <li>Demo mode ({@code LMS_DEMO=true}, set by the launcher when no {@code LMS_DB_URL} was given)
 *       creates the demo accounts of {@link DemoAccounts}. Otherwise, when no administrator exists
 *       yet, {@code LMS_ADMIN_USERNAME} and {@code LMS_ADMIN_PASSWORD} create the first one; there
 *       is never a default password.
 * </ol>
 *
 * The data source is defined here from the environment: {@code LMS_DB_URL} (a {@code
 * jdbc:mariadb://} URL), {@code LMS_DB_USER}, {@code LMS_DB_PASSWORD}.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/lms",
    className = "org.mariadb.jdbc.MariaDbDataSource",
    url = "${ENV=LMS_DB_URL}",
    user = "${ENV=LMS_DB_USER}",
    password = "${ENV=LMS_DB_PASSWORD}",
    minPoolSize = 2,
    maxPoolSize = 64,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data"
    })
@PersistenceContext(name = Resources.PERSISTENCE_CONTEXT, unitName = "lms")
@Singleton
@jakarta.ejb.Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Startup {
  private static final Logger LOG = Logger.getLogger(Startup.class.getName());

  @Resource(lookup = "java:app/jdbc/lms")
  DataSource dataSource;

  @Inject ContentLoader contentLoader;
  @Inject AccountService accounts;
  @Inject Centres centres;
  @Inject AssessmentService assessments;
  @Inject ExemptionService exemptions;
  @Inject SigningKeys signingKeys;

  /** The GIFT file of the demo exam, on the class path. */
  static final String DEMO_ASSESSMENT = "demo/oefentoets-e-mail-en-videobellen.gift";

  /** The demo exam's title. */
  static final String DEMO_ASSESSMENT_TITLE = "Oefentoets: e-mail en videobellen";

  /** The GIFT file of the demo exemption test, on the class path. */
  static final String DEMO_EXEMPTION_TEST = "demo/vrijstellingsproef-e-mail-en-videobellen.gift";

  /** The demo exemption test's title. */
  static final String DEMO_EXEMPTION_TEST_TITLE = "Vrijstellingsproef: e-mail en videobellen";

  /** The module whose exemption test it is. */
  static final String DEMO_EXEMPTION_MODULE = "e-mail-en-videobellen";

  // Flyway manages its own transactions: the migration must not run inside a container one.
  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void start() {
    migrate();
    ContentPackage content =
        new ContentPackageReader(ContentSource.classpath(Startup.class.getClassLoader())).read();
    ContentLoader.LoadReport report = contentLoader.load(content);
    LOG.info(
        "content: "
            + report.created()
            + " created, "
            + report.updated()
            + " updated, "
            + report.unchanged()
            + " unchanged");
    ensureAccounts(System.getenv());
    // The receipt signing key exists before the first save, so the first learners of a new
    // platform do not race to create it.
    LOG.info("receipt signing key " + signingKeys.publicKeyBase64().substring(0, 16) + "...");
  }

  private void migrate() {
    var result =
        Flyway.configure(Startup.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info("database schema at version " + result.targetSchemaVersion);
  }

  void ensureAccounts(Map<String, String> env) {
    centres.ensureDefault();
    if ("true".equalsIgnoreCase(env.get("LMS_DEMO"))) {
      createDemoAccounts();
      return;
    }
    if (accounts.anyAdministrator()) {
      return;
    }
    String username = env.get("LMS_ADMIN_USERNAME");
    String password = env.get("LMS_ADMIN_PASSWORD");
    if (username == null || password == null) {
      LOG.warning(
          "no administrator exists: set LMS_ADMIN_USERNAME and LMS_ADMIN_PASSWORD and restart to"
              + " create the first one");
      return;
    }
    accounts.create(
        Centres.DEFAULT_CENTRE_CODE, username, "Beheerder", password, EnumSet.of(Role.ADMIN));
    LOG.info("first administrator '" + username + "' created");
  }

  private void createDemoAccounts() {
    for (DemoAccounts.DemoAccount demo : DemoAccounts.ALL) {
      if (accounts.findByUsername(demo.username()).isEmpty()) {
        accounts.create(
            Centres.DEFAULT_CENTRE_CODE,
            demo.username(),
            demo.displayName(),
            demo.password(),
            EnumSet.of(demo.role()));
      }
    }
    long learner = accounts.findByUsername("cursist").orElseThrow().getId();
    long coach = accounts.findByUsername("trajectbegeleider").orElseThrow().getId();
    accounts.assignCoach(learner, coach);
    createDemoAssessment();
    LOG.info("demo accounts ready");
  }

  /**
   * The demo exams, created once: a practice assessment for the module "E-mail en videobellen" (20
   * minutes, two attempts) from {@value #DEMO_ASSESSMENT}, and that module's exemption test (15
   * minutes, one attempt, pass mark 70%, confirmed by staff) from {@value #DEMO_EXEMPTION_TEST}.
   */
  private void createDemoAssessment() {
    if (assessments.forLearner(accounts.findByUsername("cursist").orElseThrow().getId()).stream()
        .anyMatch(a -> a.assessment().getTitle().equals(DEMO_ASSESSMENT_TITLE))) {
      return;
    }
    assessments.create(
        Centres.DEFAULT_CENTRE_CODE,
        DEMO_ASSESSMENT_TITLE,
        Duration.ofMinutes(20),
        null,
        null,
        2,
        demoQuestions(DEMO_ASSESSMENT));
    Assessment test =
        assessments.create(
            Centres.DEFAULT_CENTRE_CODE,
            DEMO_EXEMPTION_TEST_TITLE,
            Duration.ofMinutes(15),
            null,
            null,
            1,
            demoQuestions(DEMO_EXEMPTION_TEST));
    assessments.configureAccess(test.getId(), null, null, BigDecimal.valueOf(70), Review.SCORE);
    exemptions.setExemptionTest(
        DEMO_EXEMPTION_MODULE,
        test.getId(),
        false,
        accounts.findByUsername("leraar").orElseThrow().getId());
  }

  private static List<String> demoQuestions(String resource) {
    String text;
    try (InputStream in = Startup.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new GiftParser().parseStrict(text, resource).stream().map(Item::sourceText).toList();
  }
}
