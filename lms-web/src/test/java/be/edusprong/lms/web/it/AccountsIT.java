package be.edusprong.lms.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.LoginThrottle;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.LmsIdentityStore;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.CallerOnlyCredential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Accounts, password storage, the identity store and the login throttle, against MariaDB. */
@ExtendWith({MariaDbExtension.class, ArquillianExtension.class})
class AccountsIT {
  private static final String PASSWORD = "correct-paard-batterij";

  @Deployment
  static WebArchive deployment() {
    return Deployments.lmsWar(AccountsIT.class);
  }

  @Inject AccountService accounts;
  @Inject LoginThrottle throttle;
  @Inject LmsIdentityStore identityStore;
  @Inject Pbkdf2PasswordHash passwordHash;

  @Test
  void anAccountAuthenticatesWithItsOwnPasswordOnly() {
    UserAccount created = create("it-cursist", Role.LEARNER);
    assertNotNull(created.getId());
    assertTrue(created.isActive());

    UserAccount in =
        accounts.authenticate(created.getUsername(), PASSWORD.toCharArray()).orElseThrow();
    assertEquals(created.getId(), in.getId());
    assertNotNull(
        Sql.text(
            "SELECT CAST(last_login_at AS CHAR) FROM user_account WHERE id = ?", created.getId()),
        "last login recorded");
    // Usernames are compared case-insensitively.
    assertTrue(
        accounts
            .authenticate(created.getUsername().toUpperCase(), PASSWORD.toCharArray())
            .isPresent());

    assertTrue(
        accounts.authenticate(created.getUsername(), "fout-wachtwoord".toCharArray()).isEmpty());
    assertTrue(accounts.authenticate(created.getUsername(), new char[0]).isEmpty());
    assertTrue(accounts.authenticate("it-bestaat-niet", PASSWORD.toCharArray()).isEmpty());
  }

  @Test
  void passwordsAreStoredAsPbkdf2HashesNeverInClear() {
    UserAccount created = create("it-hash", Role.LEARNER);

    String stored =
        Sql.text("SELECT password_hash FROM user_account WHERE id = ?", created.getId());
    // Jakarta Security's Pbkdf2PasswordHash format: algorithm:iterations:salt:hash (Base64).
    String[] parts = stored.split(":");
    assertEquals(4, parts.length, stored);
    assertEquals("PBKDF2WithHmacSHA256", parts[0]);
    assertEquals("210000", parts[1]);
    assertFalse(stored.contains(PASSWORD));
    assertTrue(passwordHash.verify(PASSWORD.toCharArray(), stored));
    assertFalse(passwordHash.verify("iets-anders-123".toCharArray(), stored));

    // The same password for another account gets its own salt.
    UserAccount other = create("it-hash", Role.LEARNER);
    assertFalse(
        stored.equals(
            Sql.text("SELECT password_hash FROM user_account WHERE id = ?", other.getId())));
    assertEquals(
        0,
        Sql.number(
            "SELECT COUNT(*) FROM user_account WHERE password_hash LIKE ?", "%" + PASSWORD + "%"));
  }

  @Test
  void aDeactivatedAccountCannotAuthenticateUntilReactivated() {
    UserAccount created = create("it-inactief", Role.LEARNER);

    accounts.setActive(created.getId(), false);
    assertTrue(accounts.authenticate(created.getUsername(), PASSWORD.toCharArray()).isEmpty());
    assertEquals(
        CredentialValidationResult.Status.INVALID,
        identityStore.validate(credential(created.getUsername(), PASSWORD)).getStatus());

    accounts.setActive(created.getId(), true);
    assertTrue(accounts.authenticate(created.getUsername(), PASSWORD.toCharArray()).isPresent());
  }

  @Test
  void aTakenUsernameIsRefused() {
    UserAccount created = create("it-dubbel", Role.LEARNER);

    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                accounts.create(
                    Centres.DEFAULT_CENTRE_CODE,
                    " " + created.getUsername().toUpperCase() + " ",
                    "Iemand Anders",
                    "nog-een-wachtwoord",
                    EnumSet.of(Role.TEACHER)));
    assertEquals("error.account.username.taken", refused.messageKey());
    assertEquals(
        1,
        Sql.number("SELECT COUNT(*) FROM user_account WHERE username = ?", created.getUsername()));
  }

  @Test
  void aCoachGetsLearnersInTheirCaseload() {
    UserAccount learner = create("it-cursist", Role.LEARNER);
    UserAccount coach = create("it-begeleider", Role.COACH);

    accounts.assignCoach(learner.getId(), coach.getId());
    assertEquals(
        coach.getId().longValue(),
        Sql.number("SELECT coach_id FROM user_account WHERE id = ?", learner.getId()));
    assertEquals(
        List.of(learner.getId()),
        accounts.caseloadOf(coach.getId()).stream().map(UserAccount::getId).toList());

    UserAccount notACoach = create("it-leraar", Role.TEACHER);
    DomainException refused =
        assertThrows(
            DomainException.class, () -> accounts.assignCoach(learner.getId(), notACoach.getId()));
    assertEquals("error.account.notCoach", refused.messageKey());

    accounts.assignCoach(learner.getId(), null);
    assertTrue(accounts.caseloadOf(coach.getId()).isEmpty());
  }

  @Test
  void theIdentityStoreGivesTheRolesAsGroups() {
    UserAccount created = create("it-twee-rollen", Role.LEARNER, Role.COACH);

    CredentialValidationResult valid =
        identityStore.validate(credential(created.getUsername(), PASSWORD));
    assertEquals(CredentialValidationResult.Status.VALID, valid.getStatus());
    assertEquals(created.getUsername(), valid.getCallerPrincipal().getName());
    assertEquals(Set.of("LEARNER", "COACH"), valid.getCallerGroups());

    assertEquals(
        CredentialValidationResult.Status.INVALID,
        identityStore.validate(credential(created.getUsername(), "fout-wachtwoord")).getStatus());
    assertEquals(
        CredentialValidationResult.Status.NOT_VALIDATED,
        identityStore.validate(new CallerOnlyCredential(created.getUsername())).getStatus());
  }

  @Test
  void theThrottleSlowsOneAddressWithoutLockingTheAccountOut() {
    String user = create("it-doelwit", Role.LEARNER).getUsername();
    String attacker = address("198.51.100.");
    String owner = address("203.0.113.");

    assertEquals(Duration.ZERO, throttle.waitBeforeAttempt(user, attacker));
    for (int i = 1; i <= 3; i++) {
      throttle.recordFailure(user, attacker);
      assertEquals(Duration.ZERO, throttle.waitBeforeAttempt(user, attacker), "failure " + i);
    }
    throttle.recordFailure(user, attacker);
    Duration wait = throttle.waitBeforeAttempt(user, attacker);
    assertTrue(
        wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofSeconds(1)) <= 0,
        "wait after 4 failures: " + wait);
    assertEquals(
        4,
        Sql.number(
            "SELECT failures FROM login_throttle WHERE throttle_key = ?",
            "acct-ip:" + user + "|" + attacker));

    // The owner elsewhere is not blocked, nor are other accounts from the attacker's address.
    assertEquals(Duration.ZERO, throttle.waitBeforeAttempt(user, owner));
    assertEquals(Duration.ZERO, throttle.waitBeforeAttempt("it-iemand-anders", attacker));
    assertEquals(Duration.ZERO, throttle.slowdown(user));

    // A success from that address forgets its account+address counter.
    throttle.recordSuccess(user, attacker);
    assertEquals(Duration.ZERO, throttle.waitBeforeAttempt(user, attacker));
    assertEquals(
        0,
        Sql.number(
            "SELECT COUNT(*) FROM login_throttle WHERE throttle_key = ?",
            "acct-ip:" + user + "|" + attacker));
  }

  @Test
  void aRefusedEditLeavesTheAccountAsItWas() {
    UserAccount learner = create("it-bewerk", Role.LEARNER);

    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                accounts.update(
                    learner.getId(),
                    "Een Nieuwe Naam",
                    "geen-e-mailadres",
                    EnumSet.of(Role.TEACHER),
                    null,
                    "een-nieuw-wachtwoord"));
    assertEquals("error.account.email", refused.messageKey());
    UserAccount after = accounts.find(learner.getId()).orElseThrow();
    assertEquals(learner.getDisplayName(), after.getDisplayName());
    assertEquals(Set.of(Role.LEARNER), after.getRoles());
    assertTrue(accounts.authenticate(learner.getUsername(), PASSWORD.toCharArray()).isPresent());

    DomainException tooLong =
        assertThrows(
            DomainException.class,
            () ->
                accounts.create(
                    Centres.DEFAULT_CENTRE_CODE,
                    "it-lang-" + UUID.randomUUID().toString().substring(0, 8),
                    "x".repeat(AccountService.MAX_DISPLAY_NAME + 1),
                    PASSWORD,
                    EnumSet.of(Role.LEARNER)));
    assertEquals("error.account.displayName.long", tooLong.messageKey());
  }

  @Test
  void theLastActiveAdministratorOfACentreStays() {
    UserAccount admin = create("it-beheer", Role.ADMIN);
    List<UserAccount> others =
        accounts.accountsOf(admin.getCentre().getId()).stream()
            .filter(a -> a.isActive() && a.hasRole(Role.ADMIN) && !a.getId().equals(admin.getId()))
            .toList();
    others.forEach(a -> accounts.setActive(a.getId(), false));
    try {
      assertEquals(
          "error.account.lastAdmin",
          assertThrows(DomainException.class, () -> accounts.setActive(admin.getId(), false))
              .messageKey());
      assertEquals(
          "error.account.lastAdmin",
          assertThrows(
                  DomainException.class,
                  () -> accounts.changeRoles(admin.getId(), EnumSet.of(Role.TEACHER)))
              .messageKey());
      assertTrue(accounts.find(admin.getId()).orElseThrow().isActive());
      assertTrue(accounts.find(admin.getId()).orElseThrow().hasRole(Role.ADMIN));
    } finally {
      others.forEach(a -> accounts.setActive(a.getId(), true));
    }
  }

  @Test
  void anAbsurdlyLongUsernameIsCountedNotAnError() {
    String huge = "a".repeat(1_000);
    String from = address("192.0.2.");
    for (int i = 0; i < 4; i++) {
      throttle.recordFailure(huge, from);
    }
    assertTrue(throttle.waitBeforeAttempt(huge, from).compareTo(Duration.ZERO) > 0);
    assertTrue(
        identityStore.validate(credential(huge, PASSWORD)).getStatus()
            == CredentialValidationResult.Status.INVALID);
  }

  private UserAccount create(String prefix, Role... roles) {
    return accounts.create(
        Centres.DEFAULT_CENTRE_CODE,
        prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
        "Test " + prefix,
        PASSWORD,
        EnumSet.of(roles[0], roles));
  }

  private static UsernamePasswordCredential credential(String username, String password) {
    return new UsernamePasswordCredential(username, password);
  }

  // An address in one of the documentation networks of RFC 5737 (prefix "198.51.100." etc.).
  private static String address(String network) {
    return network + ThreadLocalRandom.current().nextInt(1, 255);
  }
}
