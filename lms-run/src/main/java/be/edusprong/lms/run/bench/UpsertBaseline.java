package be.edusprong.lms.run.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The raw baseline of issue 3, point 10: how many single-row upserts per second the same MariaDB
 * commits with nothing in between, as the ceiling a save through the platform can be compared with.
 * Each of {@code connections} threads (as many as the platform's connection pool) plays one
 * learner: it upserts ({@code INSERT ... ON DUPLICATE KEY UPDATE}) its own 20 rows in turn, one row
 * per transaction (autocommit), into a scratch table shaped like {@code attempt_response}, with a
 * payload like the benchmark's saves. A 2 s warm-up is not counted. The table is dropped after.
 */
final class UpsertBaseline {
  /** The scratch table, in the platform's database. */
  static final String TABLE = "bench_upsert_baseline";

  private static final Duration WARM_UP = Duration.ofSeconds(2);

  /**
   * The outcome.
   *
   * @param upserts committed upserts in the measured period
   * @param seconds the measured period
   * @param latency commit latencies in microseconds
   * @param errors failed statements
   */
  record Result(long upserts, double seconds, Histogram latency, long errors) {
    /** Upserts per second. */
    double perSecond() {
      return seconds == 0 ? 0 : upserts / seconds;
    }
  }

  private UpsertBaseline() {}

  /**
   * Runs the baseline.
   *
   * @param db the platform's database
   * @param connections the number of JDBC connections (threads)
   * @param duration the measured period, after the warm-up
   * @throws SQLException when the scratch table cannot be made or a connection not opened
   */
  static Result run(BenchDatabase db, int connections, Duration duration)
      throws SQLException, InterruptedException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute(
          "CREATE TABLE "
              + TABLE
              + " (attempt_id CHAR(36) NOT NULL, item_identifier VARCHAR(200) NOT NULL,"
              + " version BIGINT NOT NULL, digest CHAR(64) NOT NULL, payload MEDIUMTEXT NOT NULL,"
              + " saved_at DATETIME(3) NOT NULL, PRIMARY KEY (attempt_id, item_identifier))"
              + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    }
    List<Connection> open = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        Connection c = db.connect();
        c.setAutoCommit(true);
        open.add(c);
      }
      Histogram latency = new ConcurrentHistogram(Duration.ofMinutes(10).toNanos() / 1000, 3);
      LongAdder upserts = new LongAdder();
      LongAdder errors = new LongAdder();
      AtomicReference<String> firstError = new AtomicReference<>();
      long warmEnd = System.nanoTime() + WARM_UP.toNanos();
      long end = warmEnd + duration.toNanos();
      CountDownLatch done = new CountDownLatch(connections);
      for (Connection c : open) {
        Thread t =
            new Thread(
                () -> {
                  try {
                    loop(c, warmEnd, end, latency, upserts, errors, firstError);
                  } finally {
                    done.countDown();
                  }
                },
                "upsert-baseline");
        t.setDaemon(true);
        t.start();
      }
      done.await();
      if (firstError.get() != null) {
        System.err.println("[bench] baseline errors, first: " + firstError.get());
      }
      return new Result(upserts.sum(), duration.toNanos() / 1e9, latency, errors.sum());
    } finally {
      for (Connection c : open) {
        try {
          c.close();
        } catch (SQLException e) {
          // closing after the run; nothing to keep
        }
      }
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + TABLE);
      }
    }
  }

  private static void loop(
      Connection c,
      long warmEnd,
      long end,
      Histogram latency,
      LongAdder upserts,
      LongAdder errors,
      AtomicReference<String> firstError) {
    String attempt = UUID.randomUUID().toString();
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " (attempt_id, item_identifier, version, digest, payload, saved_at)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE version = VALUES(version),"
                + " digest = VALUES(digest), payload = VALUES(payload),"
                + " saved_at = VALUES(saved_at)")) {
      for (long n = 0; ; n++) {
        long now = System.nanoTime();
        if (now >= end) {
          return;
        }
        String payload = "{\"text\":\"antwoord " + n + " van " + attempt + "\"}";
        p.setString(1, attempt);
        p.setString(2, "q" + (n % 20 + 1));
        p.setLong(3, n / 20 + 1);
        p.setString(
            4, HexFormat.of().formatHex(sha256.digest(payload.getBytes(StandardCharsets.UTF_8))));
        p.setString(5, payload);
        p.setTimestamp(6, Timestamp.from(Instant.now()));
        long sent = System.nanoTime();
        try {
          p.executeUpdate();
        } catch (SQLException e) {
          errors.increment();
          firstError.compareAndSet(null, e.getMessage());
          continue;
        }
        if (sent >= warmEnd) {
          Metrics.record(latency, sent);
          upserts.increment();
        }
      }
    } catch (SQLException e) {
      errors.increment();
      firstError.compareAndSet(null, e.getMessage());
    }
  }
}
