package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.domain.account.DemoAccounts;
import be.edusprong.lms.domain.account.DemoAccounts.DemoAccount;
import be.edusprong.lms.domain.account.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo teacher follows a sitting (issue 3, points 4 to 6): the demo cursist takes a fresh
 * assessment through the delivery API while the teacher watches it in the monitor (which refreshes
 * by itself when the attempt is handed in), opens the attempt's integrity log, grades the essay in
 * the grading queue (the attempt then gets its total) and opens the item analysis with its CSV.
 * Every page gets {@link PageCheck}.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TeacherSittingIT {
  private static final String ESSAY = "Beste Koen,\nik ben morgen afwezig.\nGroeten, Sara";

  private Browser browser;
  private Platform platform;
  private Path screenshots;
  private long assessmentId;
  private String title;
  private String newcomer;
  private String attemptId;
  private String token;
  private Learner learner;

  @BeforeAll
  void setUp(Browser browser, Platform platform) throws Exception {
    this.browser = browser;
    this.platform = platform;
    this.screenshots = Path.of(System.getProperty("lms.screenshots.dir", "../docs/screenshots"));
    createAssessment();
    learner = new Learner(platform.baseUrl());
    DemoAccount cursist = demo(Role.LEARNER);
    learner.login(cursist.username(), cursist.password());
    JsonObject attempt =
        learner.json("POST", "assessments/" + assessmentId + "/attempts", "{}", null, 201);
    attemptId = attempt.getString("id");
    token =
        learner
            .json("POST", "attempts/" + attemptId + "/delivery", "{\"takeover\":false}", null, 200)
            .getString("token");
    learner.save(attemptId, token, "ts-keuze", "{\"choice\":\"A\"}");
    learner.save(
        attemptId,
        token,
        "ts-opstel",
        Json.createObjectBuilder().add("text", ESSAY).build().toString());
  }

  @Test
  @Order(1)
  void theTeacherSeesTheRunningSittingInTheMonitor() throws Exception {
    DemoAccount teacher = demo(Role.TEACHER);
    browser.login(teacher.username(), teacher.password());
    browser.click(browser.find("#nav-teacher-exams"));
    assertEquals("Toetsen van het centrum", browser.heading());
    WebElement row = browser.find("#teacher-exams tr[data-assessment='" + assessmentId + "']");
    assertTrue(row.getText().contains(title), row.getText());
    assertEquals("1", row.findElements(By.tagName("td")).get(1).getText(), "running");
    PageCheck.check(browser, screenshots, "teacher-exams", "");

    browser.click(row.findElement(By.cssSelector("a.monitor-link")));
    // Pause the automatic refresh while reading the table, so no element goes stale under us.
    browser.click(browser.find("#live"));
    WebElement attempt = browser.find("#monitor-table tr[data-attempt='" + attemptId + "']");
    String learnerName = demo(Role.LEARNER).displayName();
    assertTrue(attempt.getText().contains(learnerName), attempt.getText());
    assertEquals("bezig", attempt.findElement(By.cssSelector(".status")).getText());
    assertEquals("2 van 2", attempt.findElement(By.cssSelector(".answered")).getText());
    String left = attempt.findElement(By.cssSelector(".time-left")).getText();
    assertTrue(left.matches("(30:00|29:[0-5]\\d)"), "time left by the server: " + left);
    PageCheck.check(browser, screenshots, "teacher-monitor", "");

    browser.click(browser.find("#monitor-table tr[data-attempt='" + attemptId + "'] .log-button"));
    browser.until(
        "the log is open", d -> !browser.findAll("#log-table tr[data-kind='START']").isEmpty());
    assertTrue(
        browser.find("#log-heading").getText().contains(learnerName),
        browser.find("#log-heading").getText());
    assertTrue(
        browser.find("#log-table tr[data-kind='START']").getText().contains("gestart"),
        "Dutch label of the start");

    // The learner hands in; the monitor, refreshing again, shows it by itself (every 10 s), and
    // the open log stays.
    browser.click(browser.find("#live"));
    learner.json("POST", "attempts/" + attemptId + "/submit", null, token, 200);
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
        .withMessage("the monitor refreshes to 'ingediend'")
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                "SUBMITTED"
                    .equals(
                        browser
                            .find("#monitor-table tr[data-attempt='" + attemptId + "']")
                            .getAttribute("data-status")));
    browser.click(browser.find("#live"));
    WebElement submitted = browser.find("#monitor-table tr[data-attempt='" + attemptId + "']");
    assertEquals("ingediend", submitted.findElement(By.cssSelector(".status")).getText());
    assertTrue(
        submitted.findElement(By.cssSelector(".score")).getText().contains("wacht op verbetering"));
    assertTrue(browser.findAll("#log-heading").size() == 1, "the open log stayed");

    // Before a joint start: an attempt is prepared for the learner who has none yet.
    browser.click(browser.find("#prepare\\:prepare-all"));
    String message = browser.find("#messages").getText();
    assertTrue(message.matches("(?s).*[1-9]\\d* poging\\(en\\) voorbereid\\..*"), message);
    browser.click(browser.find("#live"));
    WebElement prepared =
        browser.findAll("#monitor-table tbody tr").stream()
            .filter(r -> r.getText().contains(newcomer))
            .findFirst()
            .orElseThrow(() -> new AssertionError(newcomer + " is not in the monitor"));
    assertEquals("PREPARED", prepared.getAttribute("data-status"));
    assertEquals("voorbereid", prepared.findElement(By.cssSelector(".status")).getText());
    assertEquals("0 van 2", prepared.findElement(By.cssSelector(".answered")).getText());
  }

  @Test
  @Order(2)
  void theTeacherGradesTheEssayInTheQueue() {
    browser.open("leraar/verbeteren.xhtml");
    assertEquals("Verbeterwachtrij", browser.heading());
    WebElement task =
        browser.find(
            "section.grading-task[data-attempt='" + attemptId + "'][data-question='ts-opstel']");
    // The answer keeps its line breaks and is shown as text.
    assertEquals(ESSAY, task.findElement(By.cssSelector(".answer")).getText());
    PageCheck.check(browser, screenshots, "teacher-grading", "");

    task.findElement(By.cssSelector("input.points")).sendKeys("1,5");
    task.findElement(By.cssSelector("textarea.comment")).sendKeys("Kort en duidelijk.");
    browser.click(task.findElement(By.cssSelector("input[type=submit]")));
    String message = browser.find("#messages").getText();
    assertTrue(
        message.contains("Totaal van de poging: 2,5 op 3") || message.contains("2.5 op 3"),
        message);
    assertTrue(
        browser.findAll("section.grading-task[data-attempt='" + attemptId + "']").isEmpty(),
        "the task left the queue");
  }

  @Test
  @Order(3)
  void theTeacherOpensTheAnalysis() {
    browser.open("leraar/toetsen.xhtml");
    WebElement row = browser.find("#teacher-exams tr[data-assessment='" + assessmentId + "']");
    browser.click(row.findElement(By.cssSelector("a.analysis-link")));
    assertTrue(browser.heading().startsWith("Analyse"), browser.heading());
    assertTrue(browser.find("#analysis-counts").getText().contains(": 1."));
    WebElement choice = browser.find("#analysis-table tr[data-question='ts-keuze']");
    assertEquals("1.00", choice.findElement(By.cssSelector(".facility .value")).getText());
    assertTrue(
        choice.findElement(By.cssSelector("li[data-choice='A']")).getText().endsWith(": 1"),
        choice.getText());
    assertTrue(
        choice.findElement(By.cssSelector("li[data-choice='B']")).getText().endsWith(": 0"),
        choice.getText());
    assertEquals(
        "0.75",
        browser.find("#analysis-table tr[data-question='ts-opstel'] .facility .value").getText());
    // One attempt: alpha cannot be computed, and the page says why.
    assertEquals(
        "niet te berekenen (daarvoor zijn minstens 2 pogingen nodig (nu 1))",
        browser.find("#alpha").getText());
    PageCheck.check(browser, screenshots, "teacher-analysis", "");

    String csv =
        (String)
            browser
                .driver()
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('csv').href).then(r => r.text())"
                        + ".then(done, e => done('error ' + e));");
    assertTrue(csv.startsWith("item,n,max,mean_score,facility"), csv);
    assertTrue(
        csv.lines().anyMatch(l -> l.startsWith("ts-keuze,1,1.0000,1.0000,1.0000,,")),
        "facility 1 of the choice question: " + csv);
    assertTrue(csv.contains("n,k,max_total,mean_total"), "the summary follows: " + csv);
  }

  @Test
  @Order(4)
  void theTeacherCorrectsAQuestionAndTheAttemptIsRegraded() {
    browser.click(browser.find("#analysis-table tr[data-question='ts-keuze'] a.correct-link"));
    WebElement source = browser.find("#regrade\\:source");
    assertTrue(source.getAttribute("value").contains("{=Brussel ~Gent ~Luik}"));
    // A wrong key on purpose: Gent becomes the right answer, so Sara's Brussel now earns nothing.
    source.clear();
    source.sendKeys(
        "// [id:ts-keuze]\n::Hoofdstad::Wat is de hoofdstad van België? {~Brussel =Gent ~Luik}");
    browser.click(browser.find("#regrade\\:regrade-button"));
    String message = browser.find("#messages").getText();
    assertTrue(message.contains("1 poging(en) kregen een ander totaal"), message);
    assertEquals(
        "0.00",
        browser.find("#analysis-table tr[data-question='ts-keuze'] .facility .value").getText(),
        "the analysis follows the new scores");
  }

  private static DemoAccount demo(Role role) {
    return DemoAccounts.ALL.stream().filter(a -> a.role() == role).findFirst().orElseThrow();
  }

  // No authoring page yet: the assessment goes straight into the platform's database, as in
  // CrashIT. One choice question and one essay, 30 minutes, one attempt.
  private void createAssessment() throws Exception {
    title = "Leraarstoets " + System.nanoTime();
    try (Connection c = platform.database()) {
      long centre;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM centre WHERE code = 'cvo-edusprong'")) {
        rs.next();
        centre = rs.getLong(1);
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO assessment (centre_id, title, time_limit_seconds, max_attempts,"
                  + " created_at) VALUES (?, ?, 1800, 1, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        p.setLong(1, centre);
        p.setString(2, title);
        p.setTimestamp(3, Timestamp.from(Instant.now()));
        p.executeUpdate();
        try (ResultSet keys = p.getGeneratedKeys()) {
          keys.next();
          assessmentId = keys.getLong(1);
        }
      }
      // A learner of the centre without an attempt, for "Pogingen voorbereiden" (no login).
      newcomer = "Nieuwe Cursist " + System.nanoTime();
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO user_account (centre_id, username, display_name, password_hash,"
                  + " created_at) VALUES (?, ?, ?, 'no-login', ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        p.setLong(1, centre);
        p.setString(2, "nieuw-" + System.nanoTime());
        p.setString(3, newcomer);
        p.setTimestamp(4, Timestamp.from(Instant.now()));
        p.executeUpdate();
        try (ResultSet keys = p.getGeneratedKeys();
            PreparedStatement role =
                c.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, 'LEARNER')")) {
          keys.next();
          role.setLong(1, keys.getLong(1));
          role.executeUpdate();
        }
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO assessment_section (assessment_id, position, draw_count, shuffle)"
                  + " VALUES (?, 1, 2, FALSE)")) {
        p.setLong(1, assessmentId);
        p.executeUpdate();
      }
      List<String> sources =
          List.of(
              "// [id:ts-keuze]\n::Hoofdstad::Wat is de hoofdstad van België?"
                  + " {=Brussel ~Gent ~Luik}",
              "// [id:ts-opstel]\n::Afwezig melden::Schrijf je lesgever een korte e-mail dat je"
                  + " morgen afwezig bent. {}");
      for (int i = 0; i < sources.size(); i++) {
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO assessment_item (assessment_id, position, identifier, source,"
                    + " section, points) VALUES (?, ?, ?, ?, 1, ?)")) {
          p.setLong(1, assessmentId);
          p.setInt(2, i + 1);
          p.setString(3, i == 0 ? "ts-keuze" : "ts-opstel");
          p.setString(4, sources.get(i));
          p.setBigDecimal(5, new java.math.BigDecimal(i == 0 ? "1" : "2"));
          p.executeUpdate();
        }
      }
    }
  }

  /** The demo cursist on the delivery API, with a cookie jar. */
  private static final class Learner {
    private final String base;
    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Learner(String baseUrl) {
      this.base = baseUrl + "api/v1/";
    }

    void login(String username, String password) throws Exception {
      json(
          "POST",
          "session",
          Json.createObjectBuilder()
              .add("username", username)
              .add("password", password)
              .build()
              .toString(),
          null,
          200);
    }

    void save(String attempt, String token, String item, String body) throws Exception {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "attempts/" + attempt + "/responses/" + item))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/json")
                  .header("X-Delivery-Token", token)
                  .header("X-Response-Version", "1")
                  .PUT(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), "save " + item + ": " + r.body());
    }

    JsonObject json(String method, String path, String body, String token, int status)
        throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        b.header("X-Delivery-Token", token);
      }
      if (body != null) {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
      try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
        return reader.readObject();
      }
    }
  }
}
