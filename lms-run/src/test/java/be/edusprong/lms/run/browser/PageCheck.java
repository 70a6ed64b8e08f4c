package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

/**
 * The checks every main page gets (see {@link PageQualityIT}): a screenshot, axe-core (no serious
 * or critical WCAG 2.0/2.1 A or AA violation) and no sideways scrolling at phone size.
 */
final class PageCheck {
  private PageCheck() {}

  /**
   * Screenshot, then axe and the phone-size check; reports both before failing.
   *
   * @param browser the browser showing the page
   * @param screenshots where the desktop screenshot goes ({@code <page>.png})
   * @param page a short name of the page, for files and messages
   * @param screenshotFrom null: no screenshot; "": the page from the top; else the CSS selector of
   *     the element the screenshot starts at
   */
  static void check(Browser browser, Path screenshots, String page, String screenshotFrom) {
    if (screenshotFrom != null) {
      browser.screenshotPage(
          screenshots.resolve(page + ".png"), screenshotFrom.isEmpty() ? null : screenshotFrom);
    }
    List<Axe.Violation> violations = Axe.run(browser);
    violations.stream()
        .filter(v -> !v.failing())
        .forEach(v -> System.out.println("[axe " + page + "] minor: " + v));
    List<Axe.Violation> failing = violations.stream().filter(Axe.Violation::failing).toList();
    String overflow =
        browser.atPhoneSize(
            () -> {
              browser.screenshotViewport(Path.of("target", "browser", "phone-" + page + ".png"));
              return browser.horizontalOverflow();
            });
    assertAll(
        page,
        () ->
            assertTrue(
                failing.isEmpty(),
                page
                    + " page ("
                    + browser.currentUrl()
                    + ") has serious/critical WCAG 2.1 AA violations:\n"
                    + Axe.describe(failing)),
        () ->
            assertEquals(
                "",
                overflow,
                page + " page scrolls sideways at " + Browser.PHONE_WIDTH + " px wide"));
  }
}
