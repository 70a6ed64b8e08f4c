package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The demo teacher imports a GIFT bank with one bad question into the centre's item bank (issue 3,
 * points 2 and 8): the report names the bad question by line and column, "Importeren" is not
 * offered, the teacher confirms the partial import, and the category shows its two questions.
 * Identifiers and the category carry a per-run suffix, so the test runs again on a kept database.
 */
@ExtendWith(PlatformExtension.class)
class ItemBankIT {

  @Test
  void teacherSeesTheReportConfirmsAPartialImportAndFindsTheCategory(Browser browser) {
    String run = Long.toString(System.currentTimeMillis(), 36);
    String category = "Veilig online/Wachtwoorden " + run;
    Path file =
        write(
            "wachtwoorden-" + run + ".gift",
            "$CATEGORY: "
                + category
                + "\n\n"
                + "// [id:sterk-"
                + run
                + "]\n"
                + "::Sterk wachtwoord::Welk wachtwoord is het sterkst?"
                + " {=Paard-Batterij-Nietje-Lamp ~123456}\n\n"
                + "// [id:kapot-"
                + run
                + "]\n"
                + "::Kapot::Hoeveel tekens heeft een sterk wachtwoord minstens? {#abc}\n\n"
                + "// [id:hergebruik-"
                + run
                + "]\n"
                + "::Hergebruik::Je mag hetzelfde wachtwoord op elke site gebruiken. {F}\n");

    browser.login("leraar", "leraar-demo");
    browser.click(browser.find("#nav-bank"));
    assertEquals("Vragenbank", browser.heading());

    browser.find("#bank-upload\\:file").sendKeys(file.toAbsolutePath().toString());
    browser.click(browser.find("#bank-upload\\:check"));
    browser.until("the report", d -> !browser.findAll("#bank-outcomes").isEmpty());

    assertTrue(
        browser
            .find("#bank-counts")
            .getText()
            .startsWith(
                "3 vragen gelezen (formaat gift): 2 ingevoerd, 0 ingevoerd met verlies,"
                    + " 1 geweigerd."),
        browser.find("#bank-counts").getText());
    List<WebElement> rows = browser.findAll("#bank-outcomes tbody tr");
    assertEquals(3, rows.size());
    String bad = rows.get(1).getText();
    assertTrue(bad.contains("7:64"), bad);
    assertTrue(bad.contains("Geweigerd"), bad);
    assertTrue(bad.contains("'abc' is not a number"), bad);
    assertTrue(rows.get(0).getText().contains("Nieuw"), rows.get(0).getText());
    assertTrue(browser.findAll("#bank-import\\:import").isEmpty(), "no plain import offered");
    WebElement partial = browser.find("#bank-import\\:import-partial");
    assertEquals("Toch importeren: 2 vragen, 1 geweigerd", partial.getAttribute("value"));
    PageCheck.check(browser, screenshots(), "item-bank", "");

    // Without the confirmation nothing is stored.
    browser.click(browser.find("#bank-import\\:import-partial"));
    assertTrue(
        browser.find(".msg-error").getText().contains("Er werd niets opgeslagen"),
        browser.find(".msg-error").getText());
    assertFalse(
        browser.findAll("#bank-category-table tr.category").stream()
            .anyMatch(r -> r.getText().contains(category)),
        "nothing stored yet");

    browser.click(browser.find("#bank-import\\:confirm"));
    browser.click(browser.find("#bank-import\\:import-partial"));
    assertEquals(
        "2 nieuwe vragen opgeslagen en 0 vervangen, uit wachtwoorden-" + run + ".gift.",
        browser.find(".msg-info").getText().strip());
    assertTrue(browser.findAll("#bank-outcomes").isEmpty(), "the report is done");

    WebElement row =
        browser.findAll("#bank-category-table tr.category").stream()
            .filter(r -> r.getText().contains(category))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + category));
    assertEquals("2", row.findElement(By.cssSelector("td.count")).getText().strip());
    browser.click(row.findElement(By.tagName("a")));
    List<WebElement> items = browser.findAll("#bank-item-table tbody tr");
    assertEquals(2, items.size());
    assertTrue(items.get(0).getText().contains("Sterk wachtwoord"), items.get(0).getText());
    assertTrue(items.get(1).getText().contains("Hergebruik"), items.get(1).getText());
    PageCheck.check(browser, screenshots(), "item-bank-category", null);
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
