package be.edusprong.lms.web.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The page a login returns to must stay on this site (no open redirect, OWASP ASVS 5.1.5). */
class LoginPageTest {
  @Test
  void localPathsAreFollowed() {
    assertTrue(LoginPage.isLocalPath("/cursist/dashboard.xhtml"));
    assertTrue(LoginPage.isLocalPath("/module.xhtml?code=veilig-online"));
  }

  @Test
  void anythingThatCouldLeaveTheSiteIsIgnored() {
    assertFalse(LoginPage.isLocalPath(null));
    assertFalse(LoginPage.isLocalPath(""));
    assertFalse(LoginPage.isLocalPath("https://evil.example/"));
    assertFalse(LoginPage.isLocalPath("//evil.example/"));
    assertFalse(LoginPage.isLocalPath("/\\evil.example"));
    assertFalse(LoginPage.isLocalPath("cursist/dashboard.xhtml"));
    assertFalse(LoginPage.isLocalPath("/redirect?to=https://evil.example"));
  }
}
