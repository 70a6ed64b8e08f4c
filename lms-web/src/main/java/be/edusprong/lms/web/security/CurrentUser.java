package be.edusprong.lms.web.security;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/** The logged-in user of this request, if any, for pages and backing beans. */
@Named
@RequestScoped
public class CurrentUser {
  // The servlet request, not Jakarta Security's SecurityContext: Soteria's getCallerPrincipal()
  // builds a SubjectParser that tries to load JBoss classes through the web application's class
  // loader on every call, and those failed lookups queue on the class loader's lock (a JFR profile
  // under the delivery benchmark: 64 worker threads blocked there for most of their time). The
  // caller and roles are the same: LmsAuthenticationMechanism hands them to the container.
  @Inject HttpServletRequest request;
  @Inject AccountService accounts;

  private Optional<UserAccount> account;

  /** The account, or empty for a visitor. */
  public Optional<UserAccount> account() {
    if (account == null) {
      Principal principal = request.getUserPrincipal();
      account = principal == null ? Optional.empty() : accounts.findByUsername(principal.getName());
    }
    return account;
  }

  /** The account; for pages that only logged-in users reach. */
  public UserAccount require() {
    return account().orElseThrow(() -> new IllegalStateException("no logged-in user"));
  }

  public boolean isLoggedIn() {
    return account().isPresent();
  }

  public String getDisplayName() {
    return account().map(UserAccount::getDisplayName).orElse("");
  }

  public boolean isLearner() {
    return request.isUserInRole(Role.LEARNER.name());
  }

  public boolean isTeacher() {
    return request.isUserInRole(Role.TEACHER.name());
  }

  public boolean isCoach() {
    return request.isUserInRole(Role.COACH.name());
  }

  public boolean isAdmin() {
    return request.isUserInRole(Role.ADMIN.name());
  }

  public boolean isTeamLead() {
    return request.isUserInRole(Role.TEAM_LEAD.name());
  }

  /** The start page for this user's main role. */
  public String homePath() {
    if (isLearner()) {
      return "/cursist/dashboard.xhtml";
    }
    if (isCoach()) {
      return "/coach/cursisten.xhtml";
    }
    if (isTeacher()) {
      return "/leraar/inschrijvingen.xhtml";
    }
    if (isAdmin()) {
      return "/beheer/accounts.xhtml";
    }
    return "/index.xhtml";
  }
}
