package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What anyone sees without logging in: a failed login, the 404 page, the language switch. */
@ExtendWith(PlatformExtension.class)
class PublicPagesIT {

  @Test
  void wrongPasswordIsRefusedWithOneMessage(Browser browser) {
    // leraar: no other test logs in as this account, so the failure does not slow down the others.
    browser.submitLogin("leraar", "niet-het-wachtwoord");

    assertEquals(
        "Gebruikersnaam of wachtwoord is onjuist.", browser.find(".msg-error").getText().strip());
    assertTrue(browser.currentUrl().contains("login.xhtml"), browser.currentUrl());
    assertTrue(browser.findAll("#logout").isEmpty(), "not logged in");
    assertTrue(browser.findAll("#nav-login").size() == 1, "the login link is still there");
  }

  @Test
  void unknownAddressGivesTheDutch404Page(Browser browser, Platform platform) throws Exception {
    browser.open("bestaat-niet.xhtml");
    assertEquals("Pagina niet gevonden", browser.heading());
    assertTrue(browser.bodyText().contains("Deze pagina bestaat niet (meer)."), browser.bodyText());

    browser.open("geen/pagina");
    assertEquals("Pagina niet gevonden", browser.heading());

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(platform.baseUrl() + "bestaat-niet.xhtml"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(404, response.statusCode(), "HTTP status of an unknown page");
    assertTrue(response.body().contains("Pagina niet gevonden"), "404 body is the Dutch page");
  }

  @Test
  void languageSwitchShowsEnglishAndBack(Browser browser) {
    browser.open("index.xhtml");
    assertEquals("Ons aanbod: open modules", browser.heading());
    assertEquals("nl", browser.find("html").getAttribute("lang"));

    browser.click(browser.find("#language"));
    browser.until(
        "English catalogue",
        ExpectedConditions.textToBe(By.tagName("h1"), "Our offer: open modules"));
    assertEquals("en", browser.find("html").getAttribute("lang"));
    String nav = browser.find("nav").getText();
    assertTrue(nav.contains("Catalogue") && nav.contains("Log in"), nav);
    assertTrue(browser.bodyText().contains("View the module"), "English button texts");
    assertEquals("Nederlands", browser.find("#language").getText().strip());

    // The choice lasts for the session: another page is English too.
    browser.open("login.xhtml");
    assertEquals("Log in", browser.heading());

    browser.click(browser.find("#language"));
    browser.until("Dutch again", ExpectedConditions.textToBe(By.tagName("h1"), "Aanmelden"));
    assertEquals("nl", browser.find("html").getAttribute("lang"));
  }
}
