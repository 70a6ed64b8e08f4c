package be.edusprong.lms.domain.account;

import be.edusprong.lms.domain.centre.Centre;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accounts: creating, checking passwords, changing roles, coach and password, deactivating.
 *
 * <p>Passwords are hashed with Jakarta Security's {@link Pbkdf2PasswordHash} (PBKDF2 with
 * HMAC-SHA256, 210,000 iterations, as OWASP's Password Storage Cheat Sheet advises for PBKDF2) and
 * never logged or returned.
 */
@ApplicationScoped
@Transactional
public class AccountService {
  /** The shortest password accepted (NIST SP 800-63B, 5.1.1.2, asks at least 8; we ask 10). */
  public static final int MIN_PASSWORD_LENGTH = 10;

  /** Longest display name, as the column allows. */
  public static final int MAX_DISPLAY_NAME = 200;

  /** Longest e-mail address (RFC 5321, section 4.5.3.1.3: a path is at most 256 octets). */
  public static final int MAX_EMAIL = 254;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,79}");

  // Deliberately loose (one @, a dot in the domain, no spaces): the mail server is the judge.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  @Inject EntityManager em;
  @Inject Pbkdf2PasswordHash passwordHash;
  @Inject Clock clock;

  // Once per bean: the injected hash is this bean's own (dependent) instance.
  @PostConstruct
  void configureHash() {
    passwordHash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32"));
  }

  /**
   * Creates an account.
   *
   * @param centreCode the centre it belongs to
   * @param username login name: lower-case letters, digits, '.', '_' or '-', 2 to 80 characters
   * @param displayName the person's name as shown
   * @param password the initial password, at least {@link #MIN_PASSWORD_LENGTH} characters
   * @param roles at least one role
   * @return the new account
   * @throws DomainException {@code error.account.username} (bad or taken name), {@code
   *     error.password.short}, {@code error.account.roles}, {@code error.centre.unknown}, {@code
   *     error.account.displayName}
   */
  public UserAccount create(
      String centreCode, String username, String displayName, String password, Set<Role> roles) {
    return create(centreCode, username, displayName, null, password, roles);
  }

  /**
   * Creates an account with an e-mail address, in one transaction: either both or nothing.
   *
   * @param email an e-mail address of at most {@link #MAX_EMAIL} characters, or null/blank for none
   * @throws DomainException as {@link #create(String, String, String, String, Set)}, and {@code
   *     error.account.email} for an address that is too long or has no {@code x@y.z} shape
   */
  public UserAccount create(
      String centreCode,
      String username,
      String displayName,
      String email,
      String password,
      Set<Role> roles) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(name).matches()) {
      throw new DomainException(
          "error.account.username.invalid", "invalid username '" + username + "'", username);
    }
    if (findByUsername(name).isPresent()) {
      throw new DomainException(
          "error.account.username.taken", "username '" + name + "' is taken", name);
    }
    if (roles == null || roles.isEmpty()) {
      throw new DomainException("error.account.roles", "an account needs at least one role");
    }
    checkDisplayName(displayName);
    String checkedEmail = checkEmail(email);
    checkPasswordRules(password);
    UserAccount account =
        new UserAccount(
            centre(centreCode),
            name,
            displayName.trim(),
            passwordHash.generate(password.toCharArray()),
            roles,
            clock.instant());
    account.rename(displayName.trim(), checkedEmail);
    em.persist(account);
    return account;
  }

  /** The account with this username (case-insensitive), active or not. */
  public Optional<UserAccount> findByUsername(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createQuery("SELECT u FROM UserAccount u WHERE u.username = :u", UserAccount.class)
        .setParameter("u", username.trim().toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  /** The account with this id. */
  public Optional<UserAccount> find(long id) {
    return Optional.ofNullable(em.find(UserAccount.class, id));
  }

  /**
   * Checks a username and password. Runs a hash comparison even for an unknown user so that timing
   * does not reveal whether an account exists.
   *
   * @return the active account whose password matches, or empty
   */
  public Optional<UserAccount> authenticate(String username, char[] password) {
    Optional<UserAccount> account = findByUsername(username).filter(UserAccount::isActive);
    if (account.isEmpty()) {
      passwordHash.verify(password, dummyHash());
      return Optional.empty();
    }
    if (!passwordHash.verify(password, account.get().passwordHash())) {
      return Optional.empty();
    }
    account.get().recordLogin(clock.instant());
    return account;
  }

  /**
   * Changes one's own password.
   *
   * @throws DomainException {@code error.password.wrong} when the current password does not match,
   *     {@code error.password.short} when the new one is too short
   */
  public void changeOwnPassword(long accountId, char[] currentPassword, String newPassword) {
    UserAccount account = require(accountId);
    if (!passwordHash.verify(currentPassword, account.passwordHash())) {
      throw new DomainException("error.password.wrong", "current password does not match");
    }
    checkPasswordRules(newPassword);
    account.changePasswordHash(passwordHash.generate(newPassword.toCharArray()));
  }

  /**
   * Changes everything the administrator's edit form holds, in one transaction: a refused part
   * leaves the account as it was.
   *
   * @param coachId the coach for a learner, or null for none (ignored unless the roles hold
   *     LEARNER)
   * @param newPassword a new password, or null/blank to keep the current one
   * @throws DomainException as {@link #rename}, {@link #changeRoles}, {@link #assignCoach} and
   *     {@link #resetPassword}
   */
  public void update(
      long accountId,
      String displayName,
      String email,
      Set<Role> roles,
      Long coachId,
      String newPassword) {
    rename(accountId, displayName, email);
    changeRoles(accountId, roles);
    if (roles.contains(Role.LEARNER)) {
      assignCoach(accountId, coachId);
    } else {
      require(accountId).assignCoach(null);
    }
    if (newPassword != null && !newPassword.isBlank()) {
      resetPassword(accountId, newPassword);
    }
  }

  /** Sets a new password for an account (administrator action). */
  public void resetPassword(long accountId, String newPassword) {
    checkPasswordRules(newPassword);
    require(accountId).changePasswordHash(passwordHash.generate(newPassword.toCharArray()));
  }

  /**
   * Replaces the roles of an account; at least one.
   *
   * @throws DomainException {@code error.account.roles} for none, {@code error.account.lastAdmin}
   *     when this would leave the centre without an active administrator
   */
  public void changeRoles(long accountId, Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new DomainException("error.account.roles", "an account needs at least one role");
    }
    UserAccount account = require(accountId);
    if (account.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      requireAnotherActiveAdmin(account);
    }
    account.changeRoles(roles);
  }

  /**
   * Changes name and e-mail address.
   *
   * @throws DomainException {@code error.account.displayName}, {@code error.account.email}
   */
  public void rename(long accountId, String displayName, String email) {
    checkDisplayName(displayName);
    String checkedEmail = checkEmail(email);
    require(accountId).rename(displayName.trim(), checkedEmail);
  }

  /**
   * Puts a learner in a coach's caseload, or takes them out ({@code coachId} null).
   *
   * @throws DomainException {@code error.account.notLearner}, {@code error.account.notCoach}, or
   *     {@code error.account.otherCentre} when the two belong to different centres
   */
  public void assignCoach(long learnerId, Long coachId) {
    UserAccount learner = require(learnerId);
    if (!learner.hasRole(Role.LEARNER)) {
      throw new DomainException(
          "error.account.notLearner", learner.getUsername() + " is no learner");
    }
    if (coachId == null) {
      learner.assignCoach(null);
      return;
    }
    UserAccount coach = require(coachId);
    if (!coach.hasRole(Role.COACH)) {
      throw new DomainException("error.account.notCoach", coach.getUsername() + " is no coach");
    }
    if (!coach.getCentre().getId().equals(learner.getCentre().getId())) {
      throw new DomainException("error.account.otherCentre", "coach and learner in other centres");
    }
    learner.assignCoach(coach);
  }

  /**
   * Reactivates (true) or deactivates (false) an account; a deactivated one cannot log in, and its
   * open sessions end at their next request.
   *
   * @throws DomainException {@code error.account.lastAdmin} when deactivating the centre's last
   *     active administrator
   */
  public void setActive(long accountId, boolean active) {
    UserAccount account = require(accountId);
    if (active) {
      account.reactivate();
    } else {
      if (account.hasRole(Role.ADMIN)) {
        requireAnotherActiveAdmin(account);
      }
      account.deactivate();
    }
  }

  private void requireAnotherActiveAdmin(UserAccount account) {
    boolean another =
        accountsOf(account.getCentre().getId()).stream()
            .anyMatch(
                a -> a.isActive() && a.hasRole(Role.ADMIN) && !a.getId().equals(account.getId()));
    if (!another) {
      throw new DomainException(
          "error.account.lastAdmin", "the centre would be left without an administrator");
    }
  }

  private static void checkDisplayName(String displayName) {
    if (displayName == null || displayName.isBlank()) {
      throw new DomainException("error.account.displayName", "display name is empty");
    }
    if (displayName.trim().length() > MAX_DISPLAY_NAME) {
      throw new DomainException(
          "error.account.displayName.long",
          "display name longer than " + MAX_DISPLAY_NAME,
          MAX_DISPLAY_NAME);
    }
  }

  private static String checkEmail(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String trimmed = email.trim();
    if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()) {
      throw new DomainException("error.account.email", "not an e-mail address", trimmed);
    }
    return trimmed;
  }

  /** The accounts of a centre, by username. */
  public List<UserAccount> accountsOf(long centreId) {
    return em.createQuery(
            "SELECT u FROM UserAccount u WHERE u.centre.id = :c ORDER BY u.username",
            UserAccount.class)
        .setParameter("c", centreId)
        .getResultList();
  }

  /** The learners in a coach's caseload, by name. */
  public List<UserAccount> caseloadOf(long coachId) {
    return em.createQuery(
            "SELECT u FROM UserAccount u WHERE u.coach.id = :c ORDER BY u.displayName",
            UserAccount.class)
        .setParameter("c", coachId)
        .getResultList();
  }

  /**
   * The active learners of a centre, for pickers (grant an exemption, an accommodation).
   *
   * @param centreId the centre
   * @return by display name
   */
  public List<UserAccount> activeLearnersOf(long centreId) {
    return accountsOf(centreId).stream()
        .filter(a -> a.isActive() && a.hasRole(Role.LEARNER))
        .sorted(java.util.Comparator.comparing(UserAccount::getDisplayName))
        .toList();
  }

  /** Whether any account has the administrator role (used to decide on the first administrator). */
  public boolean anyAdministrator() {
    return !em.createQuery("SELECT u.id FROM UserAccount u JOIN u.roles r WHERE r = :r")
        .setParameter("r", Role.ADMIN)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private UserAccount require(long id) {
    UserAccount account = em.find(UserAccount.class, id);
    if (account == null) {
      throw new DomainException("error.account.unknown", "no account " + id);
    }
    return account;
  }

  private Centre centre(String code) {
    return em.createQuery("SELECT c FROM Centre c WHERE c.code = :c", Centre.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> new DomainException("error.centre.unknown", "no centre '" + code + "'", code));
  }

  private static void checkPasswordRules(String password) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new DomainException(
          "error.password.short",
          "password shorter than " + MIN_PASSWORD_LENGTH,
          MIN_PASSWORD_LENGTH);
    }
  }

  // A real hash of a random throw-away password, so that unknown users cost the same time.
  private String dummyHash() {
    String hash = dummyHash;
    if (hash == null) {
      hash = passwordHash.generate(java.util.UUID.randomUUID().toString().toCharArray());
      dummyHash = hash;
    }
    return hash;
  }

  private volatile String dummyHash;
}
