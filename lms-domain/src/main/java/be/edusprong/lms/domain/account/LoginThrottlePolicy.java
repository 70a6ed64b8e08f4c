package be.edusprong.lms.domain.account;

import java.time.Duration;

/**
 * How long a login must wait after failed attempts. Pure rules, no state.
 *
 * <p>Three counters, each keyed so that a stranger cannot lock a real user out (OWASP
 * Authentication Cheat Sheet, "Account lockout": prefer throttling to lock-out, and do not let an
 * attacker deny service to a known account):
 *
 * <ul>
 *   <li><b>account from one address</b> ({@code acct-ip:}): after {@value
 *       #FREE_ACCOUNT_IP_FAILURES} free failures the wait doubles from 1 s up to {@link
 *       #MAX_ACCOUNT_IP_WAIT}. This is the guessing attack; it blocks only the address that
 *       guesses, so the account's owner elsewhere logs in as usual.
 *   <li><b>one address</b> ({@code ip:}): after {@value #FREE_IP_FAILURES} failures (generous,
 *       because a whole centre may share one public address) the wait doubles from 1 s up to {@link
 *       #MAX_IP_WAIT}. Stops one address spraying many accounts.
 *   <li><b>one account from everywhere</b> ({@code acct:}): never blocks; after {@value
 *       #FREE_ACCOUNT_FAILURES} failures each attempt is slowed server-side by up to {@link
 *       #MAX_ACCOUNT_SLOWDOWN}, which hurts a distributed guesser but never refuses the owner.
 * </ul>
 *
 * Counters are forgotten {@link #FORGET_AFTER} after their last failure.
 */
public final class LoginThrottlePolicy {
  static final int FREE_ACCOUNT_IP_FAILURES = 3;
  static final int FREE_IP_FAILURES = 50;
  static final int FREE_ACCOUNT_FAILURES = 10;

  /** The longest wait for one account from one address. */
  public static final Duration MAX_ACCOUNT_IP_WAIT = Duration.ofMinutes(15);

  /** The longest wait for one address. */
  public static final Duration MAX_IP_WAIT = Duration.ofMinutes(1);

  /** The longest server-side slowdown for an account under a distributed attack. */
  public static final Duration MAX_ACCOUNT_SLOWDOWN = Duration.ofSeconds(2);

  /** Counters whose last failure is older than this start again from zero. */
  public static final Duration FORGET_AFTER = Duration.ofHours(24);

  private LoginThrottlePolicy() {}

  /** Key of the account-from-one-address counter; usernames are compared case-insensitively. */
  public static String accountAddressKey(String username, String address) {
    return "acct-ip:" + normalise(username) + "|" + cap(address);
  }

  /** Key of the one-address counter. */
  public static String addressKey(String address) {
    return "ip:" + cap(address);
  }

  /** Key of the one-account counter. */
  public static String accountKey(String username) {
    return "acct:" + normalise(username);
  }

  /**
   * The wait after {@code failures} failures of one account from one address.
   *
   * @param failures failures so far (0 or more)
   * @return zero for the first {@value #FREE_ACCOUNT_IP_FAILURES}; then 1 s, 2 s, 4 s ... capped
   */
  public static Duration accountAddressWait(int failures) {
    return doubling(failures - FREE_ACCOUNT_IP_FAILURES, MAX_ACCOUNT_IP_WAIT);
  }

  /** The wait after {@code failures} failures from one address; as above, after 50 free ones. */
  public static Duration addressWait(int failures) {
    return doubling(failures - FREE_IP_FAILURES, MAX_IP_WAIT);
  }

  /** The server-side slowdown of one attempt at an account with {@code failures} failures. */
  public static Duration accountSlowdown(int failures) {
    return doubling(failures - FREE_ACCOUNT_FAILURES, MAX_ACCOUNT_SLOWDOWN);
  }

  private static Duration doubling(int over, Duration cap) {
    if (over <= 0) {
      return Duration.ZERO;
    }
    int exponent = Math.min(over - 1, 30);
    long seconds = 1L << exponent;
    return seconds >= cap.toSeconds() ? cap : Duration.ofSeconds(seconds);
  }

  /** Longest username and address kept in a key: longer input cannot be a real account anyway. */
  static final int MAX_KEY_PART = 100;

  private static String normalise(String username) {
    return cap(username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT));
  }

  // Keys fit the 400-character column whatever a stranger types as username or sends as address.
  private static String cap(String part) {
    return part.length() <= MAX_KEY_PART ? part : part.substring(0, MAX_KEY_PART);
  }
}
