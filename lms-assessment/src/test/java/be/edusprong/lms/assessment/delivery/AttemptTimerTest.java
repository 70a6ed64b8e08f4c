package be.edusprong.lms.assessment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttemptTimerTest {

  private static Instant at(String hhmm) {
    return Instant.parse("2025-03-01T" + hhmm + ":00Z");
  }

  private static Instant at(String hhmm, int seconds) {
    return at(hhmm).plusSeconds(seconds);
  }

  private static final Duration HOUR = Duration.ofMinutes(60);

  @Test
  void sixtyMinutesPlusTwentyFivePercentIsSeventyFive() {
    AttemptTimer timer = AttemptTimer.start(at("09:55"), HOUR, 25, null);
    assertEquals(Duration.ofMinutes(15), timer.extraTime());
    assertEquals(Optional.of(Duration.ofMinutes(75)), timer.limit());
    assertEquals(Optional.of(at("11:10")), timer.deadline());
    assertEquals(Optional.of(Duration.ofMinutes(75)), timer.timeLeft(at("09:55")));
    assertEquals(Optional.of(Duration.ofMinutes(10)), timer.timeLeft(at("11:00")));
  }

  @Test
  void extraTimeIsRoundedUpToWholeSeconds() {
    // 60 s * 33 % = 19.8 s -> 20 s.
    assertEquals(
        Duration.ofSeconds(20),
        AttemptTimer.start(at("09:00"), Duration.ofMinutes(1), 33, null).extraTime());
    // 61 s * 10 % = 6.1 s -> 7 s.
    assertEquals(
        Duration.ofSeconds(7),
        AttemptTimer.start(at("09:00"), Duration.ofSeconds(61), 10, null).extraTime());
    // Exact: 90 min * 50 % = 45 min; 150 % is allowed.
    assertEquals(
        Duration.ofMinutes(45),
        AttemptTimer.start(at("09:00"), Duration.ofMinutes(90), 50, null).extraTime());
    assertEquals(
        Duration.ofMinutes(90), AttemptTimer.start(at("09:00"), HOUR, 150, null).extraTime());
    assertEquals(Duration.ZERO, AttemptTimer.start(at("09:00"), HOUR, 0, null).extraTime());
    assertEquals(Duration.ZERO, AttemptTimer.start(at("09:00"), null, 25, null).extraTime());
  }

  @Test
  void timeLeftIsNeverNegativeAndExpiresAtTheDeadline() {
    AttemptTimer timer = AttemptTimer.start(at("09:55"), HOUR, 25, null);
    assertFalse(timer.expired(at("11:09", 59)));
    assertTrue(timer.expired(at("11:10")));
    assertTrue(timer.expired(at("12:00")));
    assertEquals(Optional.of(Duration.ZERO), timer.timeLeft(at("11:10")));
    assertEquals(Optional.of(Duration.ZERO), timer.timeLeft(at("13:00")));
    // A clock slightly behind the start never shows more than the learner's time.
    assertEquals(Optional.of(Duration.ofMinutes(75)), timer.timeLeft(at("09:54")));
  }

  @Test
  void downtimeDuringTheAttemptIsCreditedSecondForSecond() {
    AttemptTimer timer = AttemptTimer.start(at("09:55"), HOUR, 25, null);
    AttemptTimer credited = timer.creditDowntime(at("10:00"), at("10:07"));
    assertEquals(Duration.ofMinutes(7), credited.creditedDowntime());
    assertEquals(Optional.of(at("11:17")), credited.deadline());
    // Extra time applies to the base limit only, not to the credit.
    assertEquals(Duration.ofMinutes(15), credited.extraTime());
    // A second outage adds up.
    assertEquals(
        Optional.of(at("11:20")), credited.creditDowntime(at("10:30"), at("10:33")).deadline());
  }

  @Test
  void outageOutsideTheRunningTimeAddsNothing() {
    AttemptTimer timer = AttemptTimer.start(at("09:55"), HOUR, 25, null);
    assertSame(timer, timer.creditDowntime(at("09:00"), at("09:30")));
    assertSame(timer, timer.creditDowntime(at("09:50"), at("09:55")));
    assertSame(timer, timer.creditDowntime(at("11:10"), at("11:30")));
    assertSame(timer, timer.creditDowntime(at("10:00"), at("10:00")));
  }

  @Test
  void outageAcrossTheStartCountsFromTheStart() {
    AttemptTimer timer = AttemptTimer.start(at("09:55"), HOUR, 25, null);
    AttemptTimer credited = timer.creditDowntime(at("09:50"), at("09:58"));
    assertEquals(Duration.ofMinutes(3), credited.creditedDowntime());
    assertEquals(Optional.of(at("11:13")), credited.deadline());
  }

  /** Down at 11:05 with 5 min left, back at 11:20: the learner has those 5 min after 11:20. */
  @Test
  void outageAcrossTheDeadlineGivesBackTheTimeLeftWhenItWentDown() {
    AttemptTimer timer = AttemptTimer.start(at("09:55"), HOUR, 25, null);
    AttemptTimer credited = timer.creditDowntime(at("11:05"), at("11:20"));
    assertEquals(Duration.ofMinutes(15), credited.creditedDowntime());
    assertEquals(Optional.of(at("11:25")), credited.deadline());
    assertEquals(Optional.of(Duration.ofMinutes(5)), credited.timeLeft(at("11:20")));
  }

  @Test
  void windowCloseCapsTheDeadlineAndTheCredit() {
    AttemptTimer timer = AttemptTimer.start(at("09:55"), HOUR, 25, at("10:30"));
    assertEquals(Optional.of(at("10:30")), timer.deadline());
    assertEquals(Optional.of(Duration.ofMinutes(10)), timer.timeLeft(at("10:20")));
    assertTrue(timer.expired(at("10:30")));
    // Downtime is recorded but cannot move the deadline past the close time.
    AttemptTimer credited = timer.creditDowntime(at("10:00"), at("10:07"));
    assertEquals(Duration.ofMinutes(7), credited.creditedDowntime());
    assertEquals(Optional.of(at("10:30")), credited.deadline());

    // A close time later than the learner's time changes nothing, until a credit reaches it.
    AttemptTimer late = AttemptTimer.start(at("09:55"), HOUR, 25, at("11:15"));
    assertEquals(Optional.of(at("11:10")), late.deadline());
    assertEquals(
        Optional.of(at("11:15")), late.creditDowntime(at("10:00"), at("10:07")).deadline());
  }

  @Test
  void withoutALimitTheCloseTimeOrNothingIsTheDeadline() {
    AttemptTimer closes = AttemptTimer.start(at("09:55"), null, 25, at("12:00"));
    assertEquals(Optional.empty(), closes.limit());
    assertEquals(Optional.of(at("12:00")), closes.deadline());
    assertEquals(Optional.of(Duration.ofMinutes(30)), closes.timeLeft(at("11:30")));

    AttemptTimer open = AttemptTimer.start(at("09:55"), null, 0, null);
    assertEquals(Optional.empty(), open.deadline());
    assertEquals(Optional.empty(), open.timeLeft(at("23:00")));
    assertFalse(open.expired(at("23:00")));
  }

  @Test
  void attemptStartedAfterTheCloseIsExpiredAtOnce() {
    AttemptTimer timer = AttemptTimer.start(at("10:31"), HOUR, 0, at("10:30"));
    assertTrue(timer.expired(at("10:31")));
    assertEquals(Optional.of(Duration.ZERO), timer.timeLeft(at("10:31")));
  }

  @Test
  void invalidValuesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AttemptTimer.start(at("09:00"), Duration.ZERO, 0, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> AttemptTimer.start(at("09:00"), Duration.ofMinutes(-1), 0, null));
    assertThrows(
        IllegalArgumentException.class, () -> AttemptTimer.start(at("09:00"), HOUR, -1, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AttemptTimer(at("09:00"), HOUR, 0, Duration.ofSeconds(-1), null));
    AttemptTimer timer = AttemptTimer.start(at("09:00"), HOUR, 0, null);
    assertThrows(
        IllegalArgumentException.class, () -> timer.creditDowntime(at("09:10"), at("09:05")));
  }
}
