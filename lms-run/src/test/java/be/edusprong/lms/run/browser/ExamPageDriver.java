package be.edusprong.lms.run.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Answers questions on the exam page (cursist/toets.xhtml, resources/js/exam.js) the way a learner
 * does: clicking labels, typing and leaving fields, and waiting for each question's saved state.
 */
final class ExamPageDriver {
  private final Browser browser;

  ExamPageDriver(Browser browser) {
    this.browser = browser;
  }

  /** The section of a question, by its identifier. */
  WebElement question(String id) {
    return browser.find("section.question[data-question='" + id + "']");
  }

  /** Ticks the option with this label (radio or checkbox). */
  void choose(String id, String label) {
    WebElement option =
        question(id).findElements(By.tagName("label")).stream()
            .filter(l -> l.getText().strip().equals(label))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no option '" + label + "' in " + id));
    browser.click(option.findElement(By.tagName("input")));
  }

  /** Types an answer and leaves the field (which saves at once). */
  void type(String id, String text) {
    WebElement field = question(id).findElement(By.cssSelector("input, textarea"));
    field.clear();
    field.sendKeys(text);
    field.sendKeys(Keys.TAB);
  }

  /** Waits until the question shows a state: saved, saving, queued or empty. */
  void awaitState(String id, String state) {
    awaitState(id, state, Duration.ofSeconds(Browser.WAIT_SECONDS));
  }

  /** As {@link #awaitState(String, String)} with a longer wait. */
  void awaitState(String id, String state, Duration wait) {
    new WebDriverWait(browser.driver(), wait)
        .withMessage(id + " " + state)
        .until(d -> state.equals(question(id).getAttribute("data-state")));
  }
}
