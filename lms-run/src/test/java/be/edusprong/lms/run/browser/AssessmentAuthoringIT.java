package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A teacher authors an exam (issue 3, points 3 and 8): imports four questions into the item bank,
 * makes an assessment whose one section is a pool drawing two of them per attempt, with an access
 * code and a 20-minute limit, and gives the demo cursist 50% extra time on the settings page; the
 * cursist then finds the exam, is refused with a wrong code, starts with the right one and gets two
 * questions and 30 minutes. Names carry a per-run suffix, so the test runs again on a kept
 * database.
 */
@ExtendWith(PlatformExtension.class)
class AssessmentAuthoringIT {

  @Test
  void teacherBuildsAPoolExamAndTheCursistSitsItWithTheAccommodation(Browser browser) {
    String run = Long.toString(System.currentTimeMillis(), 36);
    String category = "Toetsen/Pool " + run;
    StringBuilder gift = new StringBuilder("$CATEGORY: " + category + "\n\n");
    for (int i = 1; i <= 4; i++) {
      gift.append("// [id:pool-")
          .append(i)
          .append('-')
          .append(run)
          .append("]\n::Pool ")
          .append(i)
          .append("::Is dit vraag ")
          .append(i)
          .append("? {T}\n\n");
    }
    Path file = write("pool-" + run + ".gift", gift.toString());
    String title = "Pooltoets " + run;

    browser.login("leraar", "leraar-demo");
    browser.open("leraar/vragenbank.xhtml");
    browser.find("#bank-upload\\:file").sendKeys(file.toAbsolutePath().toString());
    browser.click(browser.find("#bank-upload\\:check"));
    browser.click(browser.find("#bank-import\\:import"));
    browser.until("stored", d -> browser.find(".msg-info").getText().contains("4 nieuwe vragen"));

    browser.click(browser.find("#nav-teacher-exams"));
    browser.click(browser.find("#new-exam"));
    assertEquals("Nieuwe toets", browser.heading());
    browser.find("#editor\\:title").sendKeys(title);
    browser.find("#editor\\:limit").sendKeys("20");
    browser.find("#editor\\:code").sendKeys("POOL-" + run);
    WebElement section = browser.findAll("fieldset.section-row").get(0);
    new Select(section.findElement(By.cssSelector("select[id$='category']")))
        .selectByVisibleText(category + " (4)");
    section.findElement(By.cssSelector("input[id$='draw']")).sendKeys("2");
    browser.click(section.findElement(By.cssSelector("input[id$='sshuffle']")));
    PageCheck.check(browser, screenshots(), "assessment-editor", "");
    browser.click(browser.find("#editor\\:save"));
    browser.until("created", d -> browser.find(".msg-info").getText().contains("is aangemaakt"));

    WebElement row =
        browser.findAll("#teacher-exams tbody tr").stream()
            .filter(r -> r.getText().contains(title))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + title));
    browser.click(row.findElement(By.cssSelector("a.settings-link")));
    new Select(browser.find("#accommodate\\:learner"))
        .selectByVisibleText("Sara Peeters (cursist)");
    WebElement time = browser.find("#accommodate\\:time");
    time.clear();
    time.sendKeys("50");
    browser.find("#accommodate\\:reason").sendKeys("dyslexie");
    browser.click(browser.find("#accommodate\\:grant"));
    browser.until(
        "accommodation listed",
        d -> browser.find("#accommodations tr[data-learner='cursist']").getText().contains("50%"));
    PageCheck.check(browser, screenshots(), "assessment-settings", null);
    browser.logout();

    browser.login("cursist", "cursist-demo");
    browser.open("cursist/toetsen.xhtml");
    WebElement card =
        browser.findAll("article.exam").stream()
            .filter(c -> c.getText().contains(title))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no card for " + title));
    browser.click(card.findElement(By.linkText("Toets starten")));
    browser.find("#exam-code").sendKeys("verkeerd");
    browser.click(browser.find("#exam-begin"));
    browser.until(
        "wrong code refused",
        d -> browser.find("#exam-notice").getText().contains("toegangscode klopt niet"));
    WebElement code = browser.find("#exam-code");
    code.clear();
    code.sendKeys("POOL-" + run);
    browser.click(browser.find("#exam-begin"));
    browser.until("two questions", d -> browser.findAll("section.question").size() == 2);
    String timer = browser.find("#exam-timer").getText();
    assertTrue(timer.matches("Resterende tijd: (30:00|29:[0-5]\\d)"), timer);
    browser.logout();
  }

  private static Path screenshots() {
    return Path.of(System.getProperty("lms.screenshots.dir", "target/screenshots"));
  }

  private static Path write(String name, String text) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "browser", "uploads"));
      return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
