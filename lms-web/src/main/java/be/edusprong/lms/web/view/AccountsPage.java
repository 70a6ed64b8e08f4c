package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The administrator's page (beheer/accounts.xhtml): create, edit and (de)activate the accounts of
 * the administrator's own centre, set roles, assign learners to a coach, reset passwords.
 */
@Named
@ViewScoped
public class AccountsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AccountService accounts;
  @Inject transient CurrentUser currentUser;

  private String username;
  private String displayName;
  private String email;
  private String password;
  private List<String> roles = new ArrayList<>(List.of(Role.LEARNER.name()));

  private Long editId;
  private String editDisplayName;
  private String editEmail;
  private List<String> editRoles = new ArrayList<>();
  private Long editCoachId;
  private String editPassword;

  /** The accounts of the administrator's centre. */
  public List<UserAccount> getAccounts() {
    return accounts.accountsOf(currentUser.require().getCentre().getId());
  }

  /** The coaches of the centre, for the caseload choice. */
  public List<UserAccount> getCoaches() {
    return getAccounts().stream().filter(a -> a.hasRole(Role.COACH)).toList();
  }

  public Role[] getAllRoles() {
    return Role.values();
  }

  /** Creates an account in the administrator's centre. */
  public String create() {
    try {
      UserAccount created =
          accounts.create(
              currentUser.require().getCentre().getCode(),
              username,
              displayName,
              email,
              password,
              toRoles(roles));
      Messages.info("admin.created", created.getUsername());
      return "/beheer/accounts.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    } finally {
      password = null;
    }
  }

  /** Opens an account in the edit form. */
  public void edit(UserAccount account) {
    editId = account.getId();
    editDisplayName = account.getDisplayName();
    editEmail = account.getEmail();
    editRoles = new ArrayList<>(account.getRoles().stream().map(Role::name).toList());
    editCoachId = account.getCoach() == null ? null : account.getCoach().getId();
    editPassword = null;
  }

  /** Saves the edit form. */
  public String save() {
    if (editId == null) {
      return null;
    }
    try {
      accounts.update(
          editId, editDisplayName, editEmail, toRoles(editRoles), editCoachId, editPassword);
      Messages.info("admin.saved");
      return "/beheer/accounts.xhtml?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    } finally {
      editPassword = null;
    }
  }

  /** Deactivates an active account or reactivates a deactivated one; never one's own. */
  public String toggleActive(UserAccount account) {
    if (account.getId().equals(currentUser.require().getId())) {
      Messages.error(null, "admin.notSelf");
      return null;
    }
    accounts.setActive(account.getId(), !account.isActive());
    Messages.info(
        account.isActive() ? "admin.deactivated" : "admin.reactivated", account.getUsername());
    return "/beheer/accounts.xhtml?faces-redirect=true";
  }

  private static Set<Role> toRoles(List<String> names) {
    Set<Role> result = EnumSet.noneOf(Role.class);
    if (names != null) {
      names.forEach(n -> result.add(Role.valueOf(n)));
    }
    return result;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles;
  }

  public Long getEditId() {
    return editId;
  }

  public String getEditDisplayName() {
    return editDisplayName;
  }

  public void setEditDisplayName(String editDisplayName) {
    this.editDisplayName = editDisplayName;
  }

  public String getEditEmail() {
    return editEmail;
  }

  public void setEditEmail(String editEmail) {
    this.editEmail = editEmail;
  }

  public List<String> getEditRoles() {
    return editRoles;
  }

  public void setEditRoles(List<String> editRoles) {
    this.editRoles = editRoles;
  }

  public Long getEditCoachId() {
    return editCoachId;
  }

  public void setEditCoachId(Long editCoachId) {
    this.editCoachId = editCoachId;
  }

  public String getEditPassword() {
    return editPassword;
  }

  public void setEditPassword(String editPassword) {
    this.editPassword = editPassword;
  }
}
