package be.edusprong.lms.web.api;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.web.security.CurrentUser;
import be.edusprong.lms.web.security.LmsAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /session}: logging in and out for scripted clients (tests, the benchmark, a mobile app),
 * through the same authentication mechanism, identity store and login throttle as the login page.
 * The session cookie ({@code JSESSIONID}) that a successful login sets is what the other calls
 * need.
 */
@Path("session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject SecurityContext security;
  @Inject CurrentUser user;
  @Context HttpServletRequest request;
  @Context HttpServletResponse response;
  @Context HttpHeaders headers;

  /**
   * {@code POST /session}, body {@code {"username": "...", "password": "..."}}: 200 {@code
   * {"username": ..., "displayName": ..., "roles": ["LEARNER", ...]}}; 401 {@code
   * error.api.unauthenticated} for a wrong name or password; 429 {@code error.api.throttled} with
   * {@code Retry-After} (seconds) while the login throttle holds the account or address back.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response login(JsonObject body) {
    String username = body.getString("username", "");
    String password = body.getString("password", "");
    if (username.isBlank() || password.isEmpty()) {
      return unauthenticated();
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username, new Password(password))));
    if (status == AuthenticationStatus.SUCCESS) {
      UserAccount account = user.account().orElse(null);
      if (account == null) {
        return unauthenticated();
      }
      JsonArrayBuilder roles = JSON.createArrayBuilder();
      for (Role role : account.getRoles()) {
        roles.add(role.name());
      }
      return Response.ok(
              JSON.createObjectBuilder()
                  .add("username", account.getUsername())
                  .add("displayName", account.getDisplayName())
                  .add("roles", roles)
                  .build())
          .build();
    }
    Object wait = request.getAttribute(LmsAuthenticationMechanism.THROTTLED_SECONDS);
    if (wait != null) {
      return Response.fromResponse(
              ApiError.of(
                  429,
                  "error.api.throttled",
                  "too many failed logins: wait " + wait + " s",
                  headers.getAcceptableLanguages(),
                  wait))
          .header("Retry-After", wait)
          .build();
    }
    return unauthenticated();
  }

  /** {@code DELETE /session}: logs out; 204 whether or not someone was logged in. */
  @DELETE
  public Response logout() throws ServletException {
    request.logout();
    if (request.getSession(false) != null) {
      request.getSession(false).invalidate();
    }
    return Response.noContent().build();
  }

  private Response unauthenticated() {
    return ApiError.of(
        401,
        "error.api.unauthenticated",
        "wrong username or password",
        headers.getAcceptableLanguages());
  }
}
