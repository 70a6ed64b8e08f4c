package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Changing one's own password (account/wachtwoord.xhtml). */
@Named
@RequestScoped
public class PasswordPage {
  @Inject AccountService accounts;
  @Inject CurrentUser currentUser;

  private String current;
  private String newPassword;
  private String repeat;

  /** Changes the password when the current one matches and the two new ones agree. */
  public String change() {
    try {
      if (newPassword == null || !newPassword.equals(repeat)) {
        Messages.error("password:repeat", "password.mismatch");
        return null;
      }
      accounts.changeOwnPassword(
          currentUser.require().getId(),
          current == null ? new char[0] : current.toCharArray(),
          newPassword);
      Messages.info("password.changed");
      return "/account/wachtwoord.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    } finally {
      current = null;
      newPassword = null;
      repeat = null;
    }
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getRepeat() {
    return repeat;
  }

  public void setRepeat(String repeat) {
    this.repeat = repeat;
  }
}
