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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Recognition of prior learning (issue 3, point 7), in the demo: the cursist takes the exemption
 * test of "E-mail en videobellen" from the module page and passes; the exemption is proposed; the
 * trajectbegeleider confirms it on the exemptions page; the module page then says the cursist is
 * exempted, and the export lists it.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExemptionJourneyIT {
  static final String MODULE = "e-mail-en-videobellen";

  private Browser browser;
  private ExamPageDriver exam;
  private Path screenshots;

  @BeforeAll
  void setUp(Browser browser) {
    this.browser = browser;
    this.exam = new ExamPageDriver(browser);
    this.screenshots = Path.of(System.getProperty("lms.screenshots.dir", "../docs/screenshots"));
  }

  @Test
  @Order(1)
  void cursistPassesTheExemptionTestFromTheModulePage() {
    browser.login("cursist", "cursist-demo");
    browser.open("module.xhtml?code=" + MODULE);
    browser.click(browser.find("#exemption-test"));
    browser.until("exemption test questions", d -> browser.findAll("section.question").size() == 8);

    exam.choose("vp-adres", "sara.peeters@voorbeeld.be");
    exam.choose("vp-onderwerp", "Vraag: opdracht 3 een dag later inleveren?");
    exam.type("vp-bijlage", "bijlage");
    exam.choose("vp-phishing", "Juist");
    exam.choose("vp-cc", "wie in Aan staat");
    exam.choose("vp-cc", "wie in CC staat");
    exam.choose("vp-video-start", "Ik test mijn camera en microfoon.");
    exam.type("vp-mute", "mute");
    exam.type("vp-minuten", "15");
    for (String q :
        List.of(
            "vp-adres",
            "vp-onderwerp",
            "vp-bijlage",
            "vp-phishing",
            "vp-cc",
            "vp-video-start",
            "vp-mute",
            "vp-minuten")) {
      exam.awaitState(q, "saved");
    }
    browser.click(browser.find("#exam-submit"));
    browser.until("confirm dialog", ExpectedConditions.alertIsPresent()).accept();
    WebElement result =
        browser.until("result", ExpectedConditions.presenceOfElementLocated(By.id("exam-result")));
    assertEquals("Je score: 8 op 8 \u2013 geslaagd", result.getText());

    browser.open("cursist/dashboard.xhtml");
    WebElement mine = browser.find("#my-exemptions li[data-module='" + MODULE + "']");
    assertEquals("PROPOSED", mine.getAttribute("data-status"));
    assertTrue(mine.getText().contains("voorgesteld"), mine.getText());
    browser.logout();
  }

  @Test
  @Order(2)
  void trajectbegeleiderConfirmsAndTheModuleShowsTheExemption() {
    browser.login("trajectbegeleider", "trajectbegeleider-demo");
    browser.open("staf/vrijstellingen.xhtml");
    WebElement proposal =
        browser.find(
            "form.exemption-proposal[data-learner='cursist'][data-module='" + MODULE + "']");
    assertTrue(proposal.getText().contains("8 / 8"), proposal.getText());
    PageCheck.check(browser, screenshots, "exemptions", "");
    browser.click(proposal.findElement(By.cssSelector("input[id$='confirm']")));
    browser.until(
        "confirmed",
        d ->
            browser
                .find("tr.exemption[data-learner='cursist'][data-module='" + MODULE + "']")
                .getAttribute("data-status")
                .equals("CONFIRMED"));
    String csv =
        (String)
            browser.script(
                "const r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send();"
                    + " return r.responseText;",
                browser.currentUrl().replaceAll("vrijstellingen\\.xhtml.*$", "vrijstellingen.csv"));
    assertTrue(csv.contains("cursist,Sara Peeters," + MODULE + ",CONFIRMED,TEST,8,8"), csv);
    browser.logout();

    browser.login("cursist", "cursist-demo");
    browser.open("module.xhtml?code=" + MODULE);
    assertEquals("Vrijgesteld", browser.find("#module-exempted").getText());
    assertTrue(browser.findAll("#exemption-test").isEmpty(), "no test once exempted");
  }
}
