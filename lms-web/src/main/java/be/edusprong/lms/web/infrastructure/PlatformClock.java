package be.edusprong.lms.web.infrastructure;

import be.edusprong.lms.domain.delivery.DeliveryService;
import be.edusprong.lms.domain.delivery.DowntimeService;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server is the clock (issue 3, point 4), on every instance:
 *
 * <ol>
 *   <li>on start, after {@link Startup} has migrated the database, time the whole platform was down
 *       is credited to the attempts that were running ({@link DowntimeService#recover}, an outage
 *       being a gap of more than {@link #OUTAGE_THRESHOLD} in the heartbeat);
 *   <li>every 10 s the instance beats ({@link DowntimeService#beat}) and submits, as the server,
 *       the attempts whose deadline has passed ({@link DeliveryService#submitExpired}), whether or
 *       not a browser is still there.
 * </ol>
 *
 * Each call runs in its own short transaction; a failure is logged and never stops the timer. The
 * instance id is Payara's instance name ({@code com.sun.aas.instanceName}) or else a random UUID
 * per start.
 */
@Singleton
@jakarta.ejb.Startup
@DependsOn("Startup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PlatformClock {
  /** A gap in the heartbeat longer than this is an outage (three missed beats). */
  public static final Duration OUTAGE_THRESHOLD = Duration.ofSeconds(30);

  private static final Logger LOG = Logger.getLogger(PlatformClock.class.getName());

  @Inject DowntimeService downtime;
  @Inject DeliveryService delivery;
  // Not injected: a stale web-module producer of Clock in an unclean build would make it
  // ambiguous. UTC, as the domain's producer.
  private final Clock clock = Clock.systemUTC();

  private final String instanceId = instanceId();

  @PostConstruct
  void start() {
    try {
      Duration outage = downtime.recover(now(), OUTAGE_THRESHOLD);
      if (!outage.isZero()) {
        LOG.warning("instance " + instanceId + " credited a platform outage of " + outage);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not credit platform downtime", e);
    }
    beat();
  }

  @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false)
  void tick() {
    beat();
    try {
      List<String> submitted = delivery.submitExpired(now());
      if (!submitted.isEmpty()) {
        LOG.info("submitted at the deadline: " + submitted);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "could not submit expired attempts", e);
    }
  }

  /** This instance's id in the heartbeat. */
  public String getInstanceId() {
    return instanceId;
  }

  private void beat() {
    try {
      downtime.beat(instanceId, now());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "heartbeat failed", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static String instanceId() {
    String name = System.getProperty("com.sun.aas.instanceName");
    if (name == null || name.isBlank() || name.length() > DowntimeService.MAX_INSTANCE_ID) {
      return UUID.randomUUID().toString();
    }
    return name;
  }
}
