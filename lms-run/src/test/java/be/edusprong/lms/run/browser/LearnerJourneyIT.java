package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The main journey, in one browser and in order: the demo cursist logs in, finds an open module in
 * the catalogue, enrols, works through the first unit's practice questions (right answers from the
 * unit's .gift file), sees the unit completed and the progress on the dashboard, and logs out; then
 * the demo trajectbegeleider sees that progress and the last activity on the caseload page.
 *
 * <p>The module is {@value #MODULE}, which no other test class enrols in, so its progress here is
 * exactly one unit out of all of them.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearnerJourneyIT {
  static final String MODULE = "e-mail-en-videobellen";

  private Browser browser;
  private List<String> units;

  @BeforeAll
  void setUp(Browser browser) {
    this.browser = browser;
    this.units = Content.unitCodes(MODULE);
  }

  @Test
  @Order(1)
  void cursistLogsInAndLandsOnTheDashboard() {
    browser.login("cursist", "cursist-demo");

    assertTrue(browser.currentUrl().contains("/cursist/dashboard.xhtml"), browser.currentUrl());
    assertEquals("Mijn modules", browser.heading());
    assertTrue(
        browser.findAll("article.enrolment[data-module='" + MODULE + "']").isEmpty(),
        "not enrolled in " + MODULE + " yet (fresh database)");
  }

  @Test
  @Order(2)
  void catalogueOffersTheOpenModule() {
    browser.open("index.xhtml");
    assertEquals("Ons aanbod: open modules", browser.heading());

    WebElement card = browser.find("article.module-card[data-module='" + MODULE + "']");
    assertEquals("E-mail en videobellen", card.findElement(By.tagName("h2")).getText());
    assertTrue(card.getText().contains("Open module"), card.getText());

    browser.click(card.findElement(By.linkText("Bekijk de module")));
    browser.until("module page", ExpectedConditions.urlContains("module.xhtml?code=" + MODULE));
    assertEquals("E-mail en videobellen", browser.heading());
  }

  @Test
  @Order(3)
  void enrollingOpensTheFirstUnit() {
    browser.click(browser.find("#enrol\\:enrol"));

    browser.until(
        "first unit after enrolling", ExpectedConditions.urlContains("cursist/unit.xhtml"));
    String url = browser.currentUrl();
    assertTrue(url.contains("module=" + MODULE) && url.contains("unit=" + units.get(0)), url);
    assertEquals("Een e-mailadres en je inbox", browser.heading());
    assertTrue(
        browser.bodyText().contains("Leereenheid 1 van " + units.size()), "unit position shown");
  }

  @Test
  @Order(4)
  void answeringAllPracticeQuestionsCompletesTheUnit() {
    UnitPractice practice = new UnitPractice(browser, MODULE, units.get(0));
    List<UnitPractice.Question> questions = practice.questions();
    assertEquals(practice.questionsInFile(), questions.size(), "questions on the page");
    assertTrue(browser.findAll(".unit-completed").isEmpty(), "not completed before answering");

    for (int i = 0; i < questions.size(); i++) {
      UnitPractice.Question q = questions.get(i);
      WebElement feedback = practice.answerCorrectly(q);
      assertTrue(
          feedback.getAttribute("class").contains("ok"),
          q.title() + ": expected the 'right' feedback, got: " + feedback.getText());
      assertTrue(feedback.getText().startsWith("Juist"), q.title() + ": " + feedback.getText());
      String count = browser.find(".answered-count").getText();
      assertEquals((i + 1) + " van " + questions.size() + " vragen beantwoord", count);
      if (i < questions.size() - 1) {
        assertTrue(browser.findAll(".unit-completed").isEmpty(), "completed too early");
      }
    }

    WebElement completed = browser.find(".unit-completed");
    assertEquals("Je hebt deze leereenheid voltooid.", completed.getText());
  }

  @Test
  @Order(5)
  void dashboardShowsTheProgress() {
    browser.click(browser.find("#nav-dashboard"));
    browser.until("dashboard", ExpectedConditions.urlContains("cursist/dashboard.xhtml"));

    int expected = 100 / units.size(); // one unit done, rounded down as the platform does
    WebElement card = browser.find("article.enrolment[data-module='" + MODULE + "']");
    assertEquals(String.valueOf(expected), card.getAttribute("data-percent"));
    assertTrue(card.getText().contains(expected + "%"), card.getText());
    assertTrue(
        card.getText().contains("1 van " + units.size() + " leereenheden voltooid"),
        card.getText());
    WebElement bar = card.findElement(By.cssSelector("[role=progressbar]"));
    assertEquals(String.valueOf(expected), bar.getAttribute("aria-valuenow"));
  }

  @Test
  @Order(6)
  void cursistLogsOut() {
    browser.logout();

    browser.open("cursist/dashboard.xhtml");
    browser.until(
        "the login page for a protected page", ExpectedConditions.urlContains("login.xhtml"));
    assertEquals("Aanmelden", browser.heading());
  }

  @Test
  @Order(7)
  void coachSeesTheProgressAndLastActivity() {
    LocalDateTime before = LocalDateTime.now(ZoneId.of("Europe/Brussels")).minusMinutes(30);
    browser.login("trajectbegeleider", "trajectbegeleider-demo");

    assertTrue(browser.currentUrl().contains("/coach/cursisten.xhtml"), browser.currentUrl());
    assertEquals("Mijn cursisten", browser.heading());
    WebElement row = browser.find("tr.learner[data-learner='cursist']");
    assertTrue(row.getText().contains("Sara Peeters"), row.getText());

    WebElement module =
        row.findElement(By.cssSelector("li.module-progress[data-module='" + MODULE + "']"));
    assertEquals(String.valueOf(100 / units.size()), module.getAttribute("data-percent"));
    assertTrue(module.getText().contains("(1/" + units.size() + ")"), module.getText());

    String lastActivity = row.findElement(By.cssSelector("td.last-activity")).getText().strip();
    LocalDateTime last =
        LocalDateTime.parse(lastActivity, DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
    LocalDateTime now = LocalDateTime.now(ZoneId.of("Europe/Brussels"));
    assertTrue(
        !last.isBefore(before) && !last.isAfter(now.plus(Duration.ofMinutes(1))),
        "last activity " + lastActivity + " is during this test (now " + now + ")");
  }
}
