package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every main page, with real data on it, is checked three ways:
 *
 * <ul>
 *   <li>accessibility: axe-core finds no serious or critical violation of WCAG 2.0/2.1 A or AA;
 *   <li>phone size: at 360x640 the page does not scroll sideways (what it looks like there is saved
 *       in {@code target/browser/phone-*.png});
 *   <li>screenshots: the catalogue, dashboard, unit and coach pages are saved at desktop size in
 *       {@code docs/screenshots/} (system property {@code lms.screenshots.dir}), every run.
 * </ul>
 *
 * The cursist works in {@value #MODULE} (not the journey's module): enrols, answers the first
 * unit's questions (then the first single-choice one wrongly, so both kinds of feedback are on the
 * page).
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageQualityIT {
  static final String MODULE = "veilig-online";

  private Browser browser;
  private Path screenshots;

  @BeforeAll
  void setUp(Browser browser) {
    this.browser = browser;
    this.screenshots = Path.of(System.getProperty("lms.screenshots.dir", "../docs/screenshots"));
  }

  @Test
  @Order(1)
  void catalogue() {
    browser.open("index.xhtml");
    browser.find("article.module-card");
    check("catalogue", "");
  }

  @Test
  @Order(2)
  void login() {
    browser.open("login.xhtml");
    check("login", null);
  }

  @Test
  @Order(3)
  void unitWithFeedback() {
    browser.login("cursist", "cursist-demo");
    browser.open("module.xhtml?code=" + MODULE);
    String firstUnit = Content.unitCodes(MODULE).get(0);
    if (!browser.findAll("#enrol\\:enrol").isEmpty()) {
      browser.click(browser.find("#enrol\\:enrol"));
      browser.until("first unit", ExpectedConditions.urlContains("cursist/unit.xhtml"));
    } else {
      browser.open("cursist/unit.xhtml?module=" + MODULE + "&unit=" + firstUnit);
    }
    UnitPractice practice = new UnitPractice(browser, MODULE, firstUnit);
    List<UnitPractice.Question> questions = practice.questions();
    for (UnitPractice.Question q : questions) {
      practice.answerCorrectly(q);
    }
    browser.find(".unit-completed");
    UnitPractice.Question single =
        questions.stream().filter(q -> q.type().equals("CHOICE_SINGLE")).findFirst().orElseThrow();
    assertTrue(
        practice.answerWrongly(single).getAttribute("class").contains("bad"),
        "wrong answer gets the 'wrong' feedback");
    check("unit", "#practice");
  }

  @Test
  @Order(4)
  void modulePage() {
    browser.open("module.xhtml?code=" + MODULE);
    browser.find("#module-progress");
    check("module", null);
  }

  @Test
  @Order(5)
  void dashboard() {
    browser.open("cursist/dashboard.xhtml");
    browser.find("article.enrolment[data-module='" + MODULE + "']");
    check("dashboard", "");
  }

  @Test
  @Order(6)
  void coachPage() {
    browser.logout();
    browser.login("trajectbegeleider", "trajectbegeleider-demo");
    browser.open("coach/cursisten.xhtml");
    browser.find("tr.learner[data-learner='cursist'] li.module-progress");
    check("coach", "");
  }

  @Test
  @Order(7)
  void notFoundPage() {
    browser.open("bestaat-niet.xhtml");
    assertEquals("Pagina niet gevonden", browser.heading());
    check("404", null);
  }

  private void check(String page, String screenshotFrom) {
    PageCheck.check(browser, screenshots, page, screenshotFrom);
  }
}
