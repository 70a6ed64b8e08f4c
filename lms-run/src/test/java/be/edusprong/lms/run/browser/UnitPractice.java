package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.MatchPair;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The practice questions on a unit page (cursist/unit.xhtml), answered the way a learner does: pick
 * or type the answer, press the check button, read the feedback that comes back over Ajax.
 *
 * <p>The right answers come from the unit's {@code .gift} file (see {@link Content#questions}); a
 * question on the page is matched to its GIFT question by title.
 */
final class UnitPractice {
  private final Browser browser;
  private final Map<String, Item> byTitle;

  /** One question on the page: its database id (data-question), type and title. */
  record Question(String id, String type, String title) {
    String selector() {
      return "form.question[data-question='" + id + "']";
    }
  }

  UnitPractice(Browser browser, String module, String unit) {
    this.browser = browser;
    this.byTitle =
        Content.questions(module, unit).stream()
            .collect(Collectors.toMap(Item::displayTitle, Function.identity()));
  }

  /** The questions the page shows, in page order. */
  List<Question> questions() {
    browser.find("form.question");
    return browser.findAll("form.question").stream()
        .map(
            f ->
                new Question(
                    f.getAttribute("data-question"),
                    f.getAttribute("data-type"),
                    f.findElement(By.tagName("h3")).getText().replaceFirst("^\\d+\\.\\s*", "")))
        .toList();
  }

  /** How many questions the unit's .gift file holds. */
  int questionsInFile() {
    return byTitle.size();
  }

  /**
   * Answers one question as its .gift file says is right, checks it and returns the feedback box
   * once it is there.
   */
  WebElement answerCorrectly(Question q) {
    Item item = item(q);
    String form = q.selector();
    switch (item.type()) {
      case CHOICE_SINGLE, TRUE_FALSE -> {
        Choice right = item.choices().stream().filter(Choice::correct).findFirst().orElseThrow();
        browser.click(browser.find(form + " input[type=radio][value='" + right.id() + "']"));
      }
      case CHOICE_MULTIPLE -> {
        for (Choice c : item.choices()) {
          if (c.weightPercent().signum() > 0) {
            browser.click(browser.find(form + " input[type=checkbox][value='" + c.id() + "']"));
          }
        }
      }
      case SHORT_ANSWER -> {
        Choice right =
            item.choices().stream()
                .filter(c -> c.correct() && !c.text().contains("*"))
                .findFirst()
                .orElseThrow();
        type(form, right.text());
      }
      case NUMERICAL -> {
        Choice right =
            item.choices().stream()
                .filter(c -> c.correct() && c.numeric() != null)
                .findFirst()
                .orElseThrow();
        type(form, right.numeric().value().toPlainString());
      }
      case MATCHING -> {
        List<WebElement> rows = browser.findAll(form + " .match-row");
        List<MatchPair> premises = item.pairs().stream().filter(p -> !p.distractor()).toList();
        assertEquals(premises.size(), rows.size(), "premises of " + q.title());
        for (WebElement row : rows) {
          String premise = normalise(row.findElement(By.tagName("label")).getText());
          MatchPair pair =
              premises.stream()
                  .filter(p -> normalise(p.premiseText()).equals(premise))
                  .findFirst()
                  .orElseThrow(
                      () -> new AssertionError("no premise '" + premise + "' in the file"));
          new Select(row.findElement(By.tagName("select"))).selectByValue(pair.answer());
        }
      }
      default -> throw new AssertionError("practice question of type " + item.type());
    }
    return check(q);
  }

  /** Answers a single-choice or true/false question wrongly and returns the feedback box. */
  WebElement answerWrongly(Question q) {
    Item item = item(q);
    Choice wrong =
        item.choices().stream()
            .filter(c -> c.weightPercent().signum() <= 0)
            .findFirst()
            .orElseThrow(() -> new AssertionError(q.title() + " has no wrong option"));
    browser.click(browser.find(q.selector() + " input[value='" + wrong.id() + "']"));
    return check(q);
  }

  private Item item(Question q) {
    Item item = byTitle.get(q.title());
    assertTrue(item != null, "question '" + q.title() + "' is not in the unit's .gift file");
    assertEquals(item.type().name(), q.type(), "type of " + q.title());
    return item;
  }

  private void type(String form, String text) {
    WebElement input = browser.find(form + " input[type=text]");
    input.clear();
    input.sendKeys(text);
  }

  /** Presses the check button and waits for the new feedback (the form is re-rendered). */
  private WebElement check(Question q) {
    WebElement button = browser.find(q.selector() + " .check");
    browser.click(button);
    browser.until(
        "the form of '" + q.title() + "' re-rendered after checking",
        d -> {
          try {
            button.isEnabled();
            return false;
          } catch (StaleElementReferenceException e) {
            return true;
          }
        });
    return browser.find(q.selector() + " .feedback");
  }

  private static String normalise(String s) {
    return s.replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
  }
}
