package be.edusprong.lms.domain.account;

import be.edusprong.lms.domain.centre.Centre;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An account of a person at one centre, with one or more {@link Role}s. The password is kept only
 * as a PBKDF2 hash (Jakarta Security {@code Pbkdf2PasswordHash} format).
 */
@Entity
@Table(name = "user_account")
public class UserAccount {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "centre_id")
  private Centre centre;

  @Column(nullable = false, unique = true, length = 80)
  private String username;

  @Column(name = "display_name", nullable = false, length = 200)
  private String displayName;

  @Column(length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 400)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active = true;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "coach_id")
  private UserAccount coach;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "role", length = 20)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  protected UserAccount() {}

  UserAccount(
      Centre centre,
      String username,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      Instant createdAt) {
    this.centre = Objects.requireNonNull(centre, "centre");
    this.username = Objects.requireNonNull(username, "username");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
  }

  public Long getId() {
    return id;
  }

  public Centre getCentre() {
    return centre;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  public boolean isActive() {
    return active;
  }

  public UserAccount getCoach() {
    return coach;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }

  /** A copy of the roles; change them with {@link #changeRoles(Set)}. */
  public Set<Role> getRoles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  String passwordHash() {
    return passwordHash;
  }

  void changePasswordHash(String newHash) {
    this.passwordHash = Objects.requireNonNull(newHash);
  }

  void changeRoles(Set<Role> newRoles) {
    this.roles.clear();
    this.roles.addAll(newRoles);
  }

  void rename(String newDisplayName, String newEmail) {
    this.displayName = Objects.requireNonNull(newDisplayName);
    this.email = newEmail;
  }

  void assignCoach(UserAccount newCoach) {
    this.coach = newCoach;
  }

  void deactivate() {
    this.active = false;
  }

  void reactivate() {
    this.active = true;
  }

  void recordLogin(Instant at) {
    this.lastLoginAt = at;
  }
}
