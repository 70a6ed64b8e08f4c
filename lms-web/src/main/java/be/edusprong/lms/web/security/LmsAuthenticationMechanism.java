package be.edusprong.lms.web.security;

import be.edusprong.lms.domain.account.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The one authentication mechanism of the application (Jakarta Security 3.0 takes one per
 * application), dispatching by what the request carries and where it goes:
 *
 * <ul>
 *   <li>a credential passed by the login page through {@code SecurityContext.authenticate}: checked
 *       against the throttle, then the identity store; on success the session id is changed
 *       (session fixation, OWASP Session Management Cheat Sheet) and the caller's name and groups
 *       are kept in the HTTP session;
 *   <li>a request of a session with a logged-in caller: the container is told who it is again (name
 *       and groups from the session). This replaces {@code @AutoApplySession}, which under
 *       concurrent requests of one session sometimes lost the caller's groups on Payara 6 and
 *       answered 403 to logged-in learners (payara/Payara#6145; seen by the delivery benchmark);
 *   <li>a protected API call ({@code /api/...}) without a logged-in user: 401;
 *   <li>a protected page without a logged-in user: redirect to the login page with the page to
 *       return to;
 *   <li>anything else: nothing to do (public pages).
 * </ul>
 *
 * Later channels live beside these as further branches: HTTP Basic for {@code /xapi} clients and
 * token links for calendar feeds, each chosen by path before the form branch.
 */
@ApplicationScoped
public class LmsAuthenticationMechanism implements HttpAuthenticationMechanism {
  /** Request attribute: seconds the login must still wait, set when throttled. */
  public static final String THROTTLED_SECONDS = "be.edusprong.lms.throttledSeconds";

  /** Where the HTTP API lives: a protected call there without a login gets 401, no redirect. */
  public static final String API = "/api/";

  /** Session attribute: the logged-in caller's name (a String). */
  static final String SESSION_CALLER = "be.edusprong.lms.caller";

  /** Session attribute: the logged-in caller's groups (a Set of String, the account's roles). */
  static final String SESSION_GROUPS = "be.edusprong.lms.groups";

  /** The login page. */
  public static final String LOGIN_PAGE = "/login.xhtml";

  @Inject IdentityStoreHandler identityStores;
  @Inject LoginThrottle throttle;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (credential instanceof UsernamePasswordCredential up) {
      return formLogin(request, context, up);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_CALLER) instanceof String caller) {
      @SuppressWarnings("unchecked")
      Set<String> groups = (Set<String>) session.getAttribute(SESSION_GROUPS);
      return context.notifyContainerAboutLogin(caller, groups == null ? Set.of() : groups);
    }
    if (context.isProtected()) {
      if (request.getRequestURI().startsWith(request.getContextPath() + API)) {
        // A script or the exam page's fetch() cannot follow a redirect to a login form.
        return context.responseUnauthorized();
      }
      String next = request.getRequestURI().substring(request.getContextPath().length());
      if (request.getQueryString() != null) {
        next += "?" + request.getQueryString();
      }
      return context.redirect(
          request.getContextPath()
              + LOGIN_PAGE
              + "?next="
              + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }
    return context.doNothing();
  }

  private AuthenticationStatus formLogin(
      HttpServletRequest request, HttpMessageContext context, UsernamePasswordCredential up) {
    String address = request.getRemoteAddr();
    Duration wait = throttle.waitBeforeAttempt(up.getCaller(), address);
    if (!wait.isZero()) {
      // Rounded up: telling someone to wait less than the real wait only earns another refusal.
      request.setAttribute(THROTTLED_SECONDS, Math.max(1, (wait.toMillis() + 999) / 1000));
      return AuthenticationStatus.SEND_FAILURE;
    }
    Duration slowdown = throttle.slowdown(up.getCaller());
    if (!slowdown.isZero()) {
      try {
        Thread.sleep(slowdown.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return AuthenticationStatus.SEND_FAILURE;
      }
    }
    CredentialValidationResult result = identityStores.validate(up);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.recordFailure(up.getCaller(), address);
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.recordSuccess(up.getCaller(), address);
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(SESSION_CALLER, result.getCallerPrincipal().getName());
    session.setAttribute(SESSION_GROUPS, new HashSet<>(result.getCallerGroups()));
    return context.notifyContainerAboutLogin(result);
  }
}
