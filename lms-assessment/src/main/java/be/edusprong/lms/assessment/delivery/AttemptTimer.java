package be.edusprong.lms.assessment.delivery;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's clock for one attempt (issue 3, point 4: "The server is the clock: time left comes
 * from the server ... Time the server itself was down is credited back to the learners whose
 * attempts were running"; point 3: time limit, open/close window, per-learner extra time %).
 *
 * <p>Rules, in the order they apply:
 *
 * <ol>
 *   <li><b>Extra time</b> (accommodation) is a percentage of the <i>base</i> limit only, rounded up
 *       to whole seconds: 60 min + 25 % = 75 min; 1 min + 33 % = 60 s + 19.8 s, rounded up to 80 s.
 *       It never applies to credited downtime.
 *   <li><b>Credited downtime</b> is added after that, second for second.
 *   <li><b>The window close caps everything</b>: the deadline is never later than the assessment's
 *       close time. This holds for downtime credit too: the policy text is silent, and we chose
 *       that a credit cannot pass the close time unless there is none (a closed window is a promise
 *       to the centre, e.g. the room or the results meeting). A learner who lost time that way is a
 *       case for the teacher (an extra attempt), not for the clock.
 * </ol>
 *
 * With no base limit the deadline is the close time, or there is none. The timer is a value: it
 * never reads the clock; callers pass the server's {@code now}, and store the fields with the
 * attempt so that every instance computes the same deadline.
 *
 * @param started when the attempt started, server time
 * @param baseLimit the assessment's time limit, positive; null for none
 * @param extraTimePercent accommodation extra time in percent of {@code baseLimit}, {@code >= 0}
 *     (may exceed 100)
 * @param creditedDowntime server downtime credited so far, {@code >= 0}
 * @param windowClose the assessment's close time; null for none
 */
public record AttemptTimer(
    Instant started,
    Duration baseLimit,
    int extraTimePercent,
    Duration creditedDowntime,
    Instant windowClose) {

  private static final BigInteger NANOS_PER_SECOND_PERCENT = BigInteger.valueOf(100_000_000_000L);

  /**
   * Validates.
   *
   * @throws NullPointerException when {@code started} or {@code creditedDowntime} is null
   * @throws IllegalArgumentException when the base limit is not positive, the percentage or the
   *     credited downtime is negative
   */
  public AttemptTimer {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(creditedDowntime, "creditedDowntime");
    if (baseLimit != null && (baseLimit.isNegative() || baseLimit.isZero())) {
      throw new IllegalArgumentException("a time limit is positive, was " + baseLimit);
    }
    if (extraTimePercent < 0) {
      throw new IllegalArgumentException("extra time is >= 0 %, was " + extraTimePercent);
    }
    if (creditedDowntime.isNegative()) {
      throw new IllegalArgumentException("credited downtime is >= 0, was " + creditedDowntime);
    }
  }

  /**
   * The timer of an attempt that starts now, with nothing credited yet.
   *
   * @param started the server's time of the start
   * @param baseLimit the assessment's time limit, or null for none
   * @param extraTimePercent the learner's extra time in percent, 0 for none
   * @param windowClose the assessment's close time, or null for none
   * @return the timer
   */
  public static AttemptTimer start(
      Instant started, Duration baseLimit, int extraTimePercent, Instant windowClose) {
    return new AttemptTimer(started, baseLimit, extraTimePercent, Duration.ZERO, windowClose);
  }

  /**
   * The accommodation's extra time.
   *
   * @return {@code baseLimit * extraTimePercent / 100}, rounded up to whole seconds; zero without a
   *     base limit
   */
  public Duration extraTime() {
    if (baseLimit == null || extraTimePercent == 0) {
      return Duration.ZERO;
    }
    BigInteger nanos =
        BigInteger.valueOf(baseLimit.getSeconds())
            .multiply(BigInteger.valueOf(1_000_000_000L))
            .add(BigInteger.valueOf(baseLimit.getNano()))
            .multiply(BigInteger.valueOf(extraTimePercent));
    BigInteger[] qr = nanos.divideAndRemainder(NANOS_PER_SECOND_PERCENT);
    long seconds = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
    return Duration.ofSeconds(seconds);
  }

  /**
   * The learner's time, before the window close caps it.
   *
   * @return base limit + extra time + credited downtime; empty without a base limit
   */
  public Optional<Duration> limit() {
    if (baseLimit == null) {
      return Optional.empty();
    }
    return Optional.of(baseLimit.plus(extraTime()).plus(creditedDowntime));
  }

  /**
   * When the server submits the attempt.
   *
   * @return {@code started + limit()}, capped at {@code windowClose}; the close time alone without
   *     a limit; empty when there is neither
   */
  public Optional<Instant> deadline() {
    Optional<Instant> byLimit = limit().map(started::plus);
    if (windowClose == null) {
      return byLimit;
    }
    return Optional.of(byLimit.filter(d -> d.isBefore(windowClose)).orElse(windowClose));
  }

  /**
   * Time left at a moment. Time before {@code started} does not count, so a clock that differs
   * slightly between instances can never show more than the learner's time.
   *
   * @param now the server's time
   * @return {@code deadline - max(now, started)}, never negative; empty when there is no deadline
   */
  public Optional<Duration> timeLeft(Instant now) {
    Objects.requireNonNull(now, "now");
    Instant from = now.isBefore(started) ? started : now;
    return deadline().map(d -> d.isAfter(from) ? Duration.between(from, d) : Duration.ZERO);
  }

  /**
   * Whether the attempt is over and must be submitted by the server.
   *
   * @param now the server's time
   * @return true from the deadline on ({@code now >= deadline}); false without a deadline
   */
  public boolean expired(Instant now) {
    Objects.requireNonNull(now, "now");
    return deadline().map(d -> !now.isBefore(d)).orElse(false);
  }

  /**
   * Credits back an outage of the server. The attempt was running from {@code started} to its
   * current deadline (or without end when it has none). An outage that ended by the start or began
   * at or after the deadline adds nothing. Otherwise the credit is the outage from the moment it
   * hit the running attempt until the server was back: {@code upAt - max(downFrom, started)}.
   *
   * <p>For an outage inside the running time that is exactly its overlap with the attempt (down
   * 10:00-10:07 during 09:55-11:10 adds 7 min). For one that runs past the deadline it is more than
   * the overlap, on purpose: the learner gets back exactly the time that was left when the server
   * went down, counted from when it came back. Crediting only the overlap would give them minutes
   * that had already passed while the server was still down. The window close still caps the
   * result.
   *
   * @param downFrom when the server went down (e.g. its last heartbeat)
   * @param upAt when it was back, after {@code downFrom}
   * @return a timer with the credit added; this timer when nothing is credited
   * @throws IllegalArgumentException when {@code upAt} is before {@code downFrom}
   */
  public AttemptTimer creditDowntime(Instant downFrom, Instant upAt) {
    Objects.requireNonNull(downFrom, "downFrom");
    Objects.requireNonNull(upAt, "upAt");
    if (upAt.isBefore(downFrom)) {
      throw new IllegalArgumentException(
          "an outage ends after it begins: " + downFrom + ".." + upAt);
    }
    if (!upAt.isAfter(started)) {
      return this;
    }
    Optional<Instant> end = deadline();
    if (end.isPresent() && !downFrom.isBefore(end.get())) {
      return this;
    }
    Instant from = downFrom.isBefore(started) ? started : downFrom;
    Duration credit = Duration.between(from, upAt);
    if (credit.isZero()) {
      return this;
    }
    return new AttemptTimer(
        started, baseLimit, extraTimePercent, creditedDowntime.plus(credit), windowClose);
  }
}
