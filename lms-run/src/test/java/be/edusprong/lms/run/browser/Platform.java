package be.edusprong.lms.run.browser;

import be.edusprong.lms.run.Database;
import be.edusprong.lms.run.PayaraServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The platform under test, started once for all browser test classes of a run: a fresh database
 * {@code lms_e2e} (on the local MariaDB at 127.0.0.1:3306 when it lets root in, else an embedded
 * one), and Payara Server 6 on port {@value #HTTP_PORT} running the EAR in demo mode, so the demo
 * accounts exist.
 *
 * <p>With the system property {@code lms.base.url} set (e.g. {@code http://localhost:8080/}) the
 * tests use a platform that is already running instead; handy while writing tests, not in CI.
 *
 * <p>{@link PlatformExtension} keeps it in JUnit's root store, which closes it (server, then
 * database) when the run ends; a JVM shutdown hook closes it too when the run is cut short
 * (Ctrl-C).
 */
final class Platform implements AutoCloseable {
  /**
   * The HTTP port of the platform under test (system property {@code lms.e2e.port}, default 18080);
   * the admin port is 32 lower. Another port and {@link #DATABASE} let two checkouts run their
   * system tests side by side.
   */
  static final int HTTP_PORT = Integer.getInteger("lms.e2e.port", 18080);

  /** The database the platform under test gets (system property {@code lms.e2e.database}). */
  static final String DATABASE = System.getProperty("lms.e2e.database", "lms_e2e");

  private final String baseUrl;
  private final PayaraServer server;
  private final Database database;
  private Path ear;
  private Map<String, String> env;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Platform(String baseUrl, PayaraServer server, Database database) {
    this.baseUrl = baseUrl;
    this.server = server;
    this.database = database;
    if (server != null) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "lms-platform-stop"));
    }
  }

  /** Starts the platform, or connects to the one named by {@code lms.base.url}. */
  static Platform start() throws Exception {
    String given = System.getProperty("lms.base.url", "");
    if (!given.isBlank()) {
      System.out.println("[platform] using the running platform at " + given);
      return new Platform(given.endsWith("/") ? given : given + "/", null, null);
    }
    Path payaraHome = Path.of(required("lms.payara.home"));
    Path ear = Path.of(required("lms.ear"));
    Path work = Path.of(required("lms.work.dir"));
    long started = System.nanoTime();
    if (Database.reachable("127.0.0.1", HTTP_PORT)) {
      throw new IllegalStateException(
          "port "
              + HTTP_PORT
              + " is already in use (a platform left running by an earlier test run?): stop it"
              + " first");
    }
    Database database = Database.localOrEmbedded(work.resolve("mariadb"));
    PayaraServer server = new PayaraServer(payaraHome, work, HTTP_PORT);
    Platform platform = new Platform(server.url(), server, database);
    try {
      String url = database.createDatabase(DATABASE, true);
      System.out.println(
          "[platform] database "
              + url
              + (database.isEmbedded() ? " (embedded MariaDB)" : " (local MariaDB)")
              + "; starting Payara on port "
              + HTTP_PORT
              + ", log "
              + server.log());
      platform.ear = ear;
      platform.env =
          Map.of(
              "LMS_DB_URL",
              url,
              "LMS_DB_USER",
              database.user(),
              "LMS_DB_PASSWORD",
              database.password(),
              "LMS_DEMO",
              "true");
      server.start(ear, platform.env);
      server.awaitReady(Duration.ofMinutes(6));
    } catch (Exception | Error e) {
      System.err.println("[platform] did not start; end of the server log:\n" + server.tail(200));
      platform.close();
      throw e;
    }
    System.out.printf(
        "[platform] ready at %s after %d s%n",
        server.url(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return platform;
  }

  /** The base URL, ending in {@code /}. */
  String baseUrl() {
    return baseUrl;
  }

  /** Whether these tests started the platform (and so may crash and restart it). */
  boolean startedHere() {
    return server != null;
  }

  /**
   * Kills the application server with SIGKILL (no shutdown of any kind), then starts it again on
   * the same database, as after a power cut, and waits until it serves pages (crash test, issue 3
   * point 11). HTTP sessions are lost; everything in the database stays.
   *
   * @return when the server was killed
   * @throws IllegalStateException when the platform was not started by these tests
   */
  Instant crashAndRestart() throws Exception {
    if (server == null) {
      throw new IllegalStateException("the platform at " + baseUrl + " was not started here");
    }
    Instant killed = Instant.now();
    server.kill();
    System.out.println("[platform] killed with SIGKILL; starting again");
    server.start(ear, env);
    server.awaitReady(Duration.ofMinutes(6));
    System.out.printf(
        "[platform] back after %d s%n", Duration.between(killed, Instant.now()).toSeconds());
    return killed;
  }

  /**
   * A connection to the platform's database, for test set-up that has no page or API yet.
   *
   * @throws IllegalStateException when the platform was not started by these tests
   */
  Connection database() throws SQLException {
    if (database == null) {
      throw new IllegalStateException("the platform at " + baseUrl + " was not started here");
    }
    return database.connect(DATABASE);
  }

  /** The last lines of the server log, or a note when the platform was not started here. */
  String serverTail(int lines) {
    return server == null ? "(platform not started by the tests: no log)" : server.tail(lines);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (server != null) {
      System.out.println("[platform] stopping");
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "system property " + property + " is not set (failsafe in lms-run/pom.xml sets it)");
    }
    return value;
  }
}
