package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.AttemptTimer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * The platform's heartbeat and the credit of its downtime (issue 3, point 4: "Time the server
 * itself was down is credited back to the learners whose attempts were running").
 *
 * <p>Every running instance {@link #beat beats} into {@code platform_heartbeat}, one row per
 * instance. The platform was down when <i>no</i> instance was beating: a starting instance calls
 * {@link #recover} before its first beat, and when the latest beat over all rows is older than the
 * threshold, the platform was down from that beat until now and the outage is credited to every
 * active attempt by {@link AttemptTimer#creditDowntime} (so the window close still caps it).
 *
 * <p>Exactly once: {@code recover} locks the row {@value #RECOVERY_ROW} and sets it to {@code now}
 * in the same transaction. A second instance starting at the same moment waits for that lock, then
 * sees the outage as handled. Credits are whole seconds (the column's unit), rounded up, in the
 * learner's favour.
 */
@ApplicationScoped
@Transactional
public class DowntimeService {
  /** The row that is no instance: it is locked to recover and holds the last recovery. */
  public static final String RECOVERY_ROW = "(recovery)";

  /** Longest instance id, as the column allows. */
  public static final int MAX_INSTANCE_ID = 100;

  private static final Logger LOG = Logger.getLogger(DowntimeService.class.getName());

  @Inject EntityManager em;

  /**
   * Records that an instance is up.
   *
   * @param instanceId the instance, 1..{@value #MAX_INSTANCE_ID} characters, not {@value
   *     #RECOVERY_ROW}
   * @param now the server's time
   * @throws IllegalArgumentException for a blank, long or reserved instance id
   */
  public void beat(String instanceId, Instant now) {
    Objects.requireNonNull(now, "now");
    if (instanceId == null
        || instanceId.isBlank()
        || instanceId.length() > MAX_INSTANCE_ID
        || RECOVERY_ROW.equals(instanceId)) {
      throw new IllegalArgumentException("not an instance id: " + instanceId);
    }
    em.createNativeQuery(
            "INSERT INTO platform_heartbeat (instance_id, beat_at) VALUES (?, ?)"
                + " ON DUPLICATE KEY UPDATE beat_at = VALUES(beat_at)")
        .setParameter(1, instanceId)
        .setParameter(2, Timestamp.from(millis(now)))
        .executeUpdate();
  }

  /**
   * Credits an outage of the whole platform to the attempts that were running during it, once.
   * Called by an instance as it starts, before its first {@link #beat}.
   *
   * <p>When the latest beat of all instances is more than {@code threshold} before {@code now}, the
   * platform was down from that beat until {@code now}. Every {@code ACTIVE} attempt gets {@link
   * AttemptTimer#creditDowntime}{@code (latestBeat, now)}: nothing when it started after the outage
   * or its deadline came before it; otherwise its deadline moves and {@code
   * credited_downtime_seconds} grows (rounded up to whole seconds), capped at the window close. A
   * beat later than {@code now} (another instance's clock) counts as up, so nothing is credited.
   * With no beat at all (a new platform) nothing is credited.
   *
   * @param now the server's time, when the platform is back
   * @param threshold the longest gap between beats that is no outage, positive (e.g. 30 s for beats
   *     every 10 s)
   * @return the outage credited ({@code now - latestBeat}), or {@link Duration#ZERO} when there was
   *     none or it was already handled
   */
  public Duration recover(Instant now, Duration threshold) {
    Objects.requireNonNull(now, "now");
    if (threshold == null || threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException("a threshold is positive, was " + threshold);
    }
    Instant upAt = millis(now);
    Instant latest = lockRecoveryRow();
    // Read after the lock: a recovery that committed meanwhile is in the recovery row.
    Instant others =
        instant(
            em.createNativeQuery("SELECT MAX(beat_at) FROM platform_heartbeat").getSingleResult());
    if (latest == null || (others != null && others.isAfter(latest))) {
      latest = others;
    }
    Duration outage = Duration.ZERO;
    if (latest != null && Duration.between(latest, upAt).compareTo(threshold) > 0) {
      outage = Duration.between(latest, upAt);
      credit(latest, upAt);
    }
    em.createNativeQuery("UPDATE platform_heartbeat SET beat_at = ? WHERE instance_id = ?")
        .setParameter(1, Timestamp.from(latest != null && latest.isAfter(upAt) ? latest : upAt))
        .setParameter(2, RECOVERY_ROW)
        .executeUpdate();
    return outage;
  }

  private void credit(Instant downFrom, Instant upAt) {
    List<?> candidates =
        em.createNativeQuery(
                "SELECT id FROM attempt WHERE status = ? AND started_at < ?"
                    + " AND (deadline_at IS NULL OR deadline_at > ?) ORDER BY id")
            .setParameter(1, AttemptStatus.ACTIVE.name())
            .setParameter(2, Timestamp.from(upAt))
            .setParameter(3, Timestamp.from(downFrom))
            .getResultList();
    List<String> credited = new ArrayList<>();
    for (Object row : candidates) {
      Attempt attempt = em.find(Attempt.class, row.toString(), LockModeType.PESSIMISTIC_WRITE);
      if (attempt == null || !attempt.isActive()) {
        continue;
      }
      AttemptTimer timer = attempt.timer(em.find(Assessment.class, attempt.getAssessmentId()));
      Duration added =
          timer.creditDowntime(downFrom, upAt).creditedDowntime().minus(timer.creditedDowntime());
      if (added.isZero()) {
        continue;
      }
      long seconds = added.getSeconds() + (added.getNano() > 0 ? 1 : 0);
      AttemptTimer whole =
          new AttemptTimer(
              timer.started(),
              timer.baseLimit(),
              timer.extraTimePercent(),
              timer.creditedDowntime().plusSeconds(seconds),
              timer.windowClose());
      Instant before = attempt.getDeadlineAt();
      attempt.credit(whole);
      credited.add(
          attempt.getId() + " +" + seconds + "s " + before + " -> " + attempt.getDeadlineAt());
    }
    LOG.warning(
        "platform was down from "
            + downFrom
            + " to "
            + upAt
            + " ("
            + Duration.between(downFrom, upAt).getSeconds()
            + " s): credited "
            + credited.size()
            + " running attempt(s)"
            + (credited.isEmpty() ? "" : ": " + String.join(", ", credited)));
  }

  private Instant lockRecoveryRow() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT beat_at FROM platform_heartbeat WHERE instance_id = ? FOR UPDATE")
            .setParameter(1, RECOVERY_ROW)
            .getResultList();
    if (rows.isEmpty()) {
      // Deleted by hand: put it back (a recovery at the same moment then fails on the key).
      em.createNativeQuery("INSERT INTO platform_heartbeat (instance_id, beat_at) VALUES (?, NULL)")
          .setParameter(1, RECOVERY_ROW)
          .executeUpdate();
      return null;
    }
    return instant(rows.get(0));
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof LocalDateTime l) {
      return l.atZone(ZoneId.systemDefault()).toInstant();
    }
    throw new IllegalStateException("not a DATETIME: " + value.getClass().getName());
  }

  private static Instant millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS);
  }
}
