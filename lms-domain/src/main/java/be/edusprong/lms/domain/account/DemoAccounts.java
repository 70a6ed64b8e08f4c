package be.edusprong.lms.domain.account;

import java.util.List;

/**
 * The demo accounts created in demo mode (no {@code LMS_DB_URL}): one per role, the demo cursist in
 * the demo coach's caseload. Never created against a real database. The launcher prints them as
 * {@code demo account: <role> <username> <password>}.
 */
public final class DemoAccounts {
  /** One demo account: its role, login name, password and display name. */
  public record DemoAccount(Role role, String username, String password, String displayName) {}

  /** The demo accounts, in the order they are printed. */
  public static final List<DemoAccount> ALL =
      List.of(
          new DemoAccount(Role.LEARNER, "cursist", "cursist-demo", "Sara Peeters"),
          new DemoAccount(Role.TEACHER, "leraar", "leraar-demo", "Koen Janssens"),
          new DemoAccount(Role.COACH, "trajectbegeleider", "trajectbegeleider-demo", "Ann Maes"),
          new DemoAccount(
              Role.TEAM_LEAD, "teamverantwoordelijke", "teamverantwoordelijke-demo", "Tom Claes"),
          new DemoAccount(Role.ADMIN, "beheerder", "beheerder-demo", "Lien Wouters"));

  private DemoAccounts() {}

  /** The line the launcher prints for one account. */
  public static String printLine(DemoAccount account) {
    return "demo account: "
        + account.role().dutchName()
        + " "
        + account.username()
        + " "
        + account.password();
  }
}
