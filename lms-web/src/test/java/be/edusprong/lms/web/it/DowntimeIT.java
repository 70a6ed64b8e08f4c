package be.edusprong.lms.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.Attempt;
import be.edusprong.lms.domain.delivery.DeliveryService;
import be.edusprong.lms.domain.delivery.DowntimeService;
import be.edusprong.lms.web.infrastructure.PlatformClock;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server is the clock (issue 3, point 4): downtime of the whole platform is credited once to
 * the attempts that were running, and the scheduler of {@link PlatformClock} submits an attempt at
 * its deadline with no browser asking.
 *
 * <p>The deployed {@link PlatformClock} beats every 10 s at the real time. So that it cannot hide
 * the simulated outage, the outage lies a few minutes <i>ahead</i> of the real clock: the test's
 * own instance beats at {@code start + 2 min} and {@code recover} is called with {@code now = start
 * + 7 min}; the real beats stay earlier than that for as long as the test runs (well under 2
 * minutes).
 */
@ExtendWith({MariaDbExtension.class, ArquillianExtension.class})
class DowntimeIT {
  private static final String INSTANCE = "downtime-it";
  private static final Duration THRESHOLD = PlatformClock.OUTAGE_THRESHOLD;
  private static final List<String> QUESTIONS =
      List.of("// [id:lucht]\nWelke kleur heeft de lucht overdag? {=hemelsblauw}");

  @Deployment
  static WebArchive deployment() {
    return Deployments.lmsWar(DowntimeIT.class, PlatformClock.class);
  }

  private static final String IP = "192.0.2.10";

  @Inject AccountService accounts;
  @Inject AssessmentService assessments;
  @Inject DeliveryService delivery;
  @Inject DowntimeService downtime;
  @Resource ManagedExecutorService executor;

  @Test
  void anOutageIsCreditedOnceToTheAttemptsThatWereRunning() throws Exception {
    long runner = learner().getId();
    long latecomer = learner().getId();
    long quick = learner().getId();
    Attempt running = delivery.start(assessment(Duration.ofMinutes(10)).getId(), runner, null, IP);
    Attempt later = delivery.start(assessment(Duration.ofMinutes(10)).getId(), latecomer, null, IP);
    Attempt over = delivery.start(assessment(Duration.ofSeconds(1)).getId(), quick, null, IP);
    Instant start = running.getStartedAt();
    Instant deadline = running.getDeadlineAt();
    assertEquals(start.plus(Duration.ofMinutes(10)), deadline);
    // 'later' starts after both outages below.
    Instant lateStart = start.plus(Duration.ofMinutes(30));
    Instant lateDeadline = lateStart.plus(Duration.ofMinutes(10));
    Sql.update(
        "UPDATE attempt SET started_at = ?, deadline_at = ? WHERE id = ?",
        Timestamp.from(lateStart),
        Timestamp.from(lateDeadline),
        later.getId());
    try {
      // The platform's last beat, then 5 minutes of nothing.
      Instant down = start.plus(Duration.ofMinutes(2));
      Instant up = down.plus(Duration.ofMinutes(5));
      downtime.beat(INSTANCE, down);

      assertEquals(Duration.ofMinutes(5), downtime.recover(up, THRESHOLD));

      Attempt credited = delivery.attempt(running.getId(), runner);
      assertEquals(deadline.plus(Duration.ofMinutes(5)), credited.getDeadlineAt());
      assertEquals(Duration.ofMinutes(5), credited.getCreditedDowntime());
      assertEquals(
          300,
          Sql.number(
              "SELECT credited_downtime_seconds FROM attempt WHERE id = ?", running.getId()));
      assertEquals(
          1,
          Sql.number(
              "SELECT COUNT(*) FROM attempt WHERE id = ? AND deadline_at = ?",
              running.getId(),
              Timestamp.from(deadline.plus(Duration.ofMinutes(5)))));
      // The outage is handled: recovering again credits nothing.
      assertEquals(Duration.ZERO, downtime.recover(up, THRESHOLD));
      assertEquals(Duration.ZERO, downtime.recover(up.plusSeconds(5), THRESHOLD));
      assertEquals(
          Duration.ofMinutes(5), delivery.attempt(running.getId(), runner).getCreditedDowntime());

      // A second outage, and two instances starting at once: one of them credits it.
      Instant down2 = up.plus(Duration.ofMinutes(1));
      Instant up2 = down2.plus(Duration.ofMinutes(2));
      downtime.beat(INSTANCE, down2);
      Callable<Duration> recover = () -> downtime.recover(up2, THRESHOLD);
      List<Future<Duration>> both = new ArrayList<>();
      both.add(executor.submit(recover));
      both.add(executor.submit(recover));
      List<Duration> outages = new ArrayList<>();
      for (Future<Duration> f : both) {
        outages.add(f.get(30, TimeUnit.SECONDS));
      }
      assertTrue(
          outages.contains(Duration.ofMinutes(2)) && outages.contains(Duration.ZERO),
          outages.toString());
      Attempt twice = delivery.attempt(running.getId(), runner);
      assertEquals(Duration.ofMinutes(7), twice.getCreditedDowntime());
      assertEquals(deadline.plus(Duration.ofMinutes(7)), twice.getDeadlineAt());

      // Started after the outages: nothing.
      Attempt notRunning = delivery.attempt(later.getId(), latecomer);
      assertEquals(Duration.ZERO, notRunning.getCreditedDowntime());
      assertEquals(lateDeadline, notRunning.getDeadlineAt());
      // Its deadline came before the outages (whether or not the scheduler submitted it yet).
      Attempt ended = delivery.attempt(over.getId(), quick);
      assertEquals(Duration.ZERO, ended.getCreditedDowntime());
      assertEquals(over.getDeadlineAt(), ended.getDeadlineAt());
    } finally {
      // Leave no beat in the future for whatever runs next.
      Sql.update("DELETE FROM platform_heartbeat WHERE instance_id = ?", INSTANCE);
      Sql.update(
          "UPDATE platform_heartbeat SET beat_at = ? WHERE instance_id = ?",
          Timestamp.from(Instant.now()),
          DowntimeService.RECOVERY_ROW);
    }
  }

  @Test
  void theSchedulerBeatsAndSubmitsAtTheDeadlineWithNoBrowser() throws InterruptedException {
    long me = learner().getId();
    Attempt attempt = delivery.start(assessment(Duration.ofSeconds(1)).getId(), me, null, IP);
    String id = attempt.getId();

    Instant giveUp = Instant.now().plusSeconds(30);
    while (!"SUBMITTED".equals(Sql.text("SELECT status FROM attempt WHERE id = ?", id))
        && Instant.now().isBefore(giveUp)) {
      Thread.sleep(250);
    }

    assertEquals("SUBMITTED", Sql.text("SELECT status FROM attempt WHERE id = ?", id));
    assertEquals("SERVER", Sql.text("SELECT submitted_by FROM attempt WHERE id = ?", id));
    assertEquals(attempt.getDeadlineAt(), delivery.attempt(id, me).getSubmittedAt());
    // This instance beats (every 10 s).
    long beating =
        Sql.number(
            "SELECT COUNT(*) FROM platform_heartbeat WHERE instance_id NOT IN (?, ?)"
                + " AND beat_at > ?",
            DowntimeService.RECOVERY_ROW,
            INSTANCE,
            Timestamp.from(Instant.now().minusSeconds(25)));
    assertTrue(beating >= 1, "instances beating: " + beating);
  }

  private Assessment assessment(Duration limit) {
    return assessments.create(
        Centres.DEFAULT_CENTRE_CODE,
        "Toets " + UUID.randomUUID().toString().substring(0, 8),
        limit,
        null,
        null,
        1,
        QUESTIONS);
  }

  private UserAccount learner() {
    return accounts.create(
        Centres.DEFAULT_CENTRE_CODE,
        "it-uitval-" + UUID.randomUUID().toString().substring(0, 8),
        "Test cursist",
        "een-lang-wachtwoord",
        EnumSet.of(Role.LEARNER));
  }
}
