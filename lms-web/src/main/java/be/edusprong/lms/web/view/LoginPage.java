package be.edusprong.lms.web.view;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import be.edusprong.lms.web.security.CurrentUser;
import be.edusprong.lms.web.security.LmsAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The login page (login.xhtml). A wrong username or password gets one message that does not say
 * which of the two was wrong, nor whether the account exists.
 */
@Named
@RequestScoped
public class LoginPage {
  @Inject SecurityContext security;
  @Inject CurrentUser currentUser;

  private String username;
  private String password;
  private String next;

  /** Logs in; on success goes to {@code next} (a local path) or the user's start page. */
  public String login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    if (request.getUserPrincipal() != null) {
      // Someone else is still logged in (a shared computer): end that session completely first,
      // so a failed login never leaves the previous user logged in.
      try {
        request.logout();
      } catch (ServletException e) {
        throw new IOException(e);
      }
      external.invalidateSession();
      request.getSession(true);
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            withParams()
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username.trim(),
                        new Password(password == null ? "" : password)))
                .newAuthentication(true));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> {
        faces.responseComplete();
        return null;
      }
      case SUCCESS -> {
        String target = isLocalPath(next) ? next : currentUser.homePath();
        external.redirect(external.getRequestContextPath() + target);
        faces.responseComplete();
        return null;
      }
      default -> {
        Object wait = request.getAttribute(LmsAuthenticationMechanism.THROTTLED_SECONDS);
        if (wait != null) {
          Messages.error(null, "login.throttled", wait);
        } else {
          Messages.error(null, "login.failed");
        }
        return null;
      }
    }
  }

  /** Logs out and returns to the catalogue. */
  public String logout() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/index.xhtml");
    FacesContext.getCurrentInstance().responseComplete();
    return null;
  }

  static boolean isLocalPath(String path) {
    return path != null
        && path.startsWith("/")
        && !path.startsWith("//")
        && !path.contains("\\")
        && !path.contains("://");
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
