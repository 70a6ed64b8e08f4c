package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's journey: create an account, put the cursist in a coach's caseload; the new
 * cursist logs in and changes their own password; the administrator deactivates the account, after
 * which it can no longer log in.
 */
@ExtendWith(PlatformExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountAdministrationIT {
  private static final String USERNAME = "nieuwe.cursist";
  private static final String FIRST_PASSWORD = "Welkom-bij-het-CVO-2026";
  private static final String NEW_PASSWORD = "Fiets-wolk-soep-trein-7";
  private static final String ROW = "tr[data-account='" + USERNAME + "']";

  @Test
  @Order(1)
  void administratorCreatesAnAccountAndRefusesAShortPassword(Browser browser) {
    browser.login("beheerder", "beheerder-demo");
    assertTrue(browser.currentUrl().contains("/beheer/accounts.xhtml"), browser.currentUrl());

    fillCreateForm(browser, "te-kort");
    assertTrue(
        browser.find(".msg-error").getText().contains("minstens 10 tekens"),
        browser.find(".msg-error").getText());
    assertTrue(browser.findAll(ROW).isEmpty(), "no account made with a short password");

    fillCreateForm(browser, FIRST_PASSWORD);
    assertEquals(
        "Account " + USERNAME + " is aangemaakt.", browser.find(".msg-info").getText().strip());
    WebElement row = browser.find(ROW);
    assertTrue(row.getText().contains("Nieuwe Cursist"), row.getText());
    assertTrue(row.getText().contains("cursist"), row.getText());
    assertTrue(row.getText().contains("Actief"), row.getText());
  }

  @Test
  @Order(2)
  void administratorAssignsTheCursistToACoach(Browser browser) {
    browser.click(buttons(browser).get(0)); // Bewerken
    browser.until("the edit form", ExpectedConditions.presenceOfElementLocated(By.id("edit:save")));
    new Select(browser.find("#edit\\:coach")).selectByVisibleText("Ann Maes");
    browser.click(browser.find("#edit\\:save"));
    browser.until(
        "saved",
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(ROW), "Ann Maes"));
    assertEquals("De wijzigingen zijn opgeslagen.", browser.find(".msg-info").getText().strip());
    browser.logout();
  }

  @Test
  @Order(3)
  void theNewCursistLogsInAndChangesTheirPassword(Browser browser) {
    browser.login(USERNAME, FIRST_PASSWORD);
    assertTrue(browser.currentUrl().contains("/cursist/dashboard.xhtml"), browser.currentUrl());

    browser.open("account/wachtwoord.xhtml");
    browser.find("#password\\:current").sendKeys(FIRST_PASSWORD);
    browser.find("#password\\:new").sendKeys(NEW_PASSWORD);
    browser.find("#password\\:repeat").sendKeys(NEW_PASSWORD);
    browser.click(browser.find("#password\\:submit"));
    assertEquals("Je wachtwoord is gewijzigd.", browser.find(".msg-info").getText().strip());
    browser.logout();

    browser.submitLogin(USERNAME, FIRST_PASSWORD);
    assertEquals(
        "Gebruikersnaam of wachtwoord is onjuist.", browser.find(".msg-error").getText().strip());
    browser.login(USERNAME, NEW_PASSWORD);
    browser.logout();
  }

  @Test
  @Order(4)
  void aDeactivatedAccountCannotLogIn(Browser browser) {
    browser.login("beheerder", "beheerder-demo");
    browser.click(buttons(browser).get(1)); // Deactiveren
    browser.until(
        "deactivated",
        ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(ROW), "Gedeactiveerd"));
    browser.logout();

    browser.submitLogin(USERNAME, NEW_PASSWORD);
    assertEquals(
        "Gebruikersnaam of wachtwoord is onjuist.", browser.find(".msg-error").getText().strip());
    assertTrue(browser.findAll("#logout").isEmpty(), "not logged in");
  }

  private static void fillCreateForm(Browser browser, String password) {
    browser.open("beheer/accounts.xhtml");
    browser.find("#create\\:username").sendKeys(USERNAME);
    browser.find("#create\\:displayName").sendKeys("Nieuwe Cursist");
    browser.find("#create\\:email").sendKeys("nieuwe.cursist@example.org");
    browser.find("#create\\:password").sendKeys(password);
    browser.click(browser.find("#create\\:submit"));
    browser.until(
        "a message after creating",
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".msg-info, .msg-error")));
  }

  private static List<WebElement> buttons(Browser browser) {
    return browser.find(ROW).findElements(By.cssSelector("input[type=submit]"));
  }
}
