package be.edusprong.lms.web.security;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** The logged-in user of this request, if any, for pages and backing beans. */
@Named
@RequestScoped
public class CurrentUser {
  @Inject SecurityContext security;
  @Inject AccountService accounts;

  private Optional<UserAccount> account;

  /** The account, or empty for a visitor. */
  public Optional<UserAccount> account() {
    if (account == null) {
      Principal principal = security.getCallerPrincipal();
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
    return security.isCallerInRole(Role.LEARNER.name());
  }

  public boolean isTeacher() {
    return security.isCallerInRole(Role.TEACHER.name());
  }

  public boolean isCoach() {
    return security.isCallerInRole(Role.COACH.name());
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Role.ADMIN.name());
  }

  public boolean isTeamLead() {
    return security.isCallerInRole(Role.TEAM_LEAD.name());
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
