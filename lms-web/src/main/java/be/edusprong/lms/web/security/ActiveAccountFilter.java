package be.edusprong.lms.web.security;

import be.edusprong.lms.domain.account.UserAccount;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * Ends the session of an account that was deactivated (or removed) while logged in: the identity
 * kept in the session (see {@link LmsAuthenticationMechanism}) is checked against the database on
 * every request for a page, and the user is sent to the login page when the account is no longer
 * active. Static resources ({@code jakarta.faces.resource}, {@code /media}) are not checked.
 */
@WebFilter(urlPatterns = {"*.xhtml", "/api/*"})
public class ActiveAccountFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  // The request's own CurrentUser: the account it loads here is the one the page uses, so a
  // page costs one account lookup, not two.
  @Inject transient CurrentUser currentUser;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Principal principal = request.getUserPrincipal();
    if (principal != null
        && !request.getRequestURI().contains("jakarta.faces.resource")
        && currentUser.account().filter(UserAccount::isActive).isEmpty()) {
      request.logout();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      } else {
        response.sendRedirect(request.getContextPath() + LmsAuthenticationMechanism.LOGIN_PAGE);
      }
      return;
    }
    chain.doFilter(request, response);
  }
}
