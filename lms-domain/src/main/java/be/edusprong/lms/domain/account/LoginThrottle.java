package be.edusprong.lms.domain.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The database-backed failed-login counters of {@link LoginThrottlePolicy}. Kept in the {@code
 * login_throttle} table so that every instance of a cluster applies the same backoff.
 */
@ApplicationScoped
@Transactional
public class LoginThrottle {
  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * How long a login of {@code username} from {@code address} must still wait.
   *
   * @return {@link Duration#ZERO} when it may go ahead now
   */
  public Duration waitBeforeAttempt(String username, String address) {
    Instant now = clock.instant();
    Duration accountAddress =
        remaining(
            LoginThrottlePolicy.accountAddressKey(username, address),
            now,
            LoginThrottlePolicy::accountAddressWait);
    Duration addressOnly =
        remaining(LoginThrottlePolicy.addressKey(address), now, LoginThrottlePolicy::addressWait);
    return accountAddress.compareTo(addressOnly) >= 0 ? accountAddress : addressOnly;
  }

  /** The server-side slowdown for an attempt at {@code username} (never a refusal). */
  public Duration slowdown(String username) {
    Counter c = read(LoginThrottlePolicy.accountKey(username), clock.instant());
    return LoginThrottlePolicy.accountSlowdown(c.failures);
  }

  /** Counts one failed login in all three counters. */
  public void recordFailure(String username, String address) {
    Instant now = clock.instant();
    for (String key :
        List.of(
            LoginThrottlePolicy.accountAddressKey(username, address),
            LoginThrottlePolicy.addressKey(address),
            LoginThrottlePolicy.accountKey(username))) {
      Timestamp forgetBefore = Timestamp.from(now.minus(LoginThrottlePolicy.FORGET_AFTER));
      em.createNativeQuery(
              "INSERT INTO login_throttle (throttle_key, failures, last_failure) VALUES (?1, 1, ?2)"
                  + " ON DUPLICATE KEY UPDATE failures = IF(last_failure < ?3, 1, failures + 1),"
                  + " last_failure = ?2")
          .setParameter(1, key)
          .setParameter(2, Timestamp.from(now))
          .setParameter(3, forgetBefore)
          .executeUpdate();
    }
  }

  /** Forgets the account-from-this-address counter after a successful login. */
  public void recordSuccess(String username, String address) {
    em.createNativeQuery("DELETE FROM login_throttle WHERE throttle_key = ?1")
        .setParameter(1, LoginThrottlePolicy.accountAddressKey(username, address))
        .executeUpdate();
  }

  private Duration remaining(
      String key, Instant now, java.util.function.IntFunction<Duration> policy) {
    Counter c = read(key, now);
    if (c.failures == 0) {
      return Duration.ZERO;
    }
    Instant until = c.lastFailure.plus(policy.apply(c.failures));
    return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
  }

  private Counter read(String key, Instant now) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT failures, last_failure FROM login_throttle WHERE throttle_key = ?1")
            .setParameter(1, key)
            .getResultList();
    if (rows.isEmpty()) {
      return new Counter(0, now);
    }
    int failures = ((Number) rows.get(0)[0]).intValue();
    Instant last = be.edusprong.lms.domain.shared.Times.toInstant(rows.get(0)[1]);
    if (last.isBefore(now.minus(LoginThrottlePolicy.FORGET_AFTER))) {
      return new Counter(0, now);
    }
    return new Counter(failures, last);
  }

  private record Counter(int failures, Instant lastFailure) {}
}
