package be.edusprong.lms.run.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's work straight in the platform's database: its learners and its assessment (there
 * is no bulk-import or authoring API yet), the check that every acknowledged save is stored, and a
 * description of the server (version and durability settings).
 */
final class BenchDatabase {
  /** The demo learner whose account the benchmark learners copy (DemoAccounts). */
  static final String TEMPLATE_LEARNER = "cursist";

  /** The demo learner's password, which the copies share (DemoAccounts). */
  static final String PASSWORD = "cursist-demo";

  private final String url;
  private final String user;
  private final String password;

  BenchDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** The database's JDBC URL. */
  String url() {
    return url;
  }

  /**
   * Creates (or, on a platform used before, refreshes) the learners {@code bench-00001} to {@code
   * bench-<n>}: copies of the demo learner {@value #TEMPLATE_LEARNER} (centre, password hash,
   * roles), so they log in with {@value #PASSWORD}. They get no coach, so they stay out of the demo
   * coach's caseload (and out of the tests that look at it).
   *
   * @return their usernames, in order
   * @throws SQLException when the demo learner is missing (the platform must run with
   *     LMS_DEMO=true) or an insert fails
   */
  List<String> createLearners(int n) throws SQLException {
    List<String> usernames = new ArrayList<>();
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      long templateId;
      long centre;
      String hash;
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT id, centre_id, password_hash FROM user_account WHERE username = ?")) {
        p.setString(1, TEMPLATE_LEARNER);
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException(
                "no demo learner '"
                    + TEMPLATE_LEARNER
                    + "' in "
                    + url
                    + ": the platform must run in demo mode (LMS_DEMO=true)");
          }
          templateId = rs.getLong(1);
          centre = rs.getLong(2);
          hash = rs.getString(3);
        }
      }
      List<String> roles = new ArrayList<>();
      try (PreparedStatement p =
          c.prepareStatement("SELECT role FROM user_role WHERE user_id = ?")) {
        p.setLong(1, templateId);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            roles.add(rs.getString(1));
          }
        }
      }
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO user_account (centre_id, username, display_name, password_hash, active,"
                  + " created_at) VALUES (?, ?, ?, ?, TRUE, ?)"
                  + " ON DUPLICATE KEY UPDATE centre_id = VALUES(centre_id),"
                  + " password_hash = VALUES(password_hash), active = TRUE")) {
        for (int i = 1; i <= n; i++) {
          String username = String.format("bench-%05d", i);
          usernames.add(username);
          p.setLong(1, centre);
          p.setString(2, username);
          p.setString(3, "Benchmarkcursist " + i);
          p.setString(4, hash);
          p.setTimestamp(5, now);
          p.addBatch();
          if (i % 500 == 0) {
            p.executeBatch();
          }
        }
        p.executeBatch();
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT IGNORE INTO user_role (user_id, role)"
                  + " SELECT u.id, ? FROM user_account u WHERE u.username LIKE 'bench-%'")) {
        for (String role : roles) {
          p.setString(1, role);
          p.executeUpdate();
        }
      }
      c.commit();
    }
    return usernames;
  }

  /**
   * Creates the benchmark assessment in the demo learner's centre: {@code items} GIFT questions,
   * single choice (odd positions, four options) and short answer (even), one section that draws all
   * of them in order, 30 minutes, one attempt.
   *
   * @return its id
   */
  long createAssessment(int items) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      long centre;
      try (PreparedStatement p =
          c.prepareStatement("SELECT centre_id FROM user_account WHERE username = ?")) {
        p.setString(1, TEMPLATE_LEARNER);
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            throw new SQLException("no demo learner '" + TEMPLATE_LEARNER + "' in " + url);
          }
          centre = rs.getLong(1);
        }
      }
      long id;
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO assessment (centre_id, title, time_limit_seconds, max_attempts,"
                  + " created_at) VALUES (?, ?, 1800, 1, ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        p.setLong(1, centre);
        p.setString(2, "Benchmark " + Instant.now());
        p.setTimestamp(3, Timestamp.from(Instant.now()));
        p.executeUpdate();
        try (ResultSet keys = p.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO assessment_section (assessment_id, position, title, draw_count,"
                  + " shuffle) VALUES (?, 1, 'Benchmark', ?, FALSE)")) {
        p.setLong(1, id);
        p.setInt(2, items);
        p.executeUpdate();
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO assessment_item (assessment_id, position, identifier, source,"
                  + " source_format, section, points) VALUES (?, ?, ?, ?, 'gift', 1, 1.00)")) {
        for (int i = 1; i <= items; i++) {
          p.setLong(1, id);
          p.setInt(2, i);
          p.setString(3, "q" + i);
          p.setString(4, gift(i));
          p.addBatch();
        }
        p.executeBatch();
      }
      c.commit();
      return id;
    }
  }

  private static String gift(int i) {
    if (i % 2 == 1) {
      return "// [id:q"
          + i
          + "]\nVraag "
          + i
          + ": hoeveel is "
          + i
          + " + 1? {="
          + (i + 1)
          + " ~"
          + (i + 2)
          + " ~"
          + (i + 3)
          + " ~"
          + i
          + "}";
    }
    return "// [id:q" + i + "]\nVraag " + i + ": typ het woord 'ja'. {=ja =zeker}";
  }

  /**
   * What the database holds after the run, against what the server acknowledged.
   *
   * @param acknowledged the answers checked: the highest acknowledged version of each question of
   *     each attempt
   * @param lost those of them the database does not have (neither that version with the same bytes
   *     nor a later version)
   * @param attempts the benchmark assessment's attempts
   * @param submitted those of them SUBMITTED
   * @param example the first lost answer, described, or null
   */
  record Verification(
      long acknowledged, long lost, long attempts, long submitted, String example) {}

  /**
   * Checks that every acknowledged save is stored (the same version with the same bytes, or a later
   * version) and counts the assessment's attempts and the submitted ones.
   */
  Verification verify(long assessmentId, Map<String, SimulatedLearner.Ack> acks)
      throws SQLException {
    Map<String, long[]> versions = new HashMap<>();
    Map<String, String> payloads = new HashMap<>();
    long attempts;
    long submitted;
    try (Connection c = connect()) {
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT r.attempt_id, r.item_identifier, r.version, r.payload"
                  + " FROM attempt_response r JOIN attempt a ON a.id = r.attempt_id"
                  + " WHERE a.assessment_id = ?")) {
        p.setLong(1, assessmentId);
        p.setFetchSize(1000);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            String key = rs.getString(1) + "/" + rs.getString(2);
            versions.put(key, new long[] {rs.getLong(3)});
            payloads.put(key, rs.getString(4));
          }
        }
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "SELECT COUNT(*), COALESCE(SUM(status = 'SUBMITTED'), 0) FROM attempt"
                  + " WHERE assessment_id = ?")) {
        p.setLong(1, assessmentId);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          attempts = rs.getLong(1);
          submitted = rs.getLong(2);
        }
      }
    }
    long lost = 0;
    String example = null;
    for (var entry : acks.entrySet()) {
      SimulatedLearner.Ack ack = entry.getValue();
      long[] stored = versions.get(entry.getKey());
      boolean kept =
          stored != null
              && (stored[0] > ack.version()
                  || (stored[0] == ack.version()
                      && ack.body().equals(payloads.get(entry.getKey()))));
      if (!kept) {
        lost++;
        if (example == null) {
          example =
              ack
                  + " but the database has "
                  + (stored == null ? "nothing" : "version " + stored[0]);
        }
      }
    }
    return new Verification(acks.size(), lost, attempts, submitted, example);
  }

  /**
   * The server's version and the settings that decide what a commit costs.
   *
   * @return name to value, in a fixed order
   */
  Map<String, String> describe() throws SQLException {
    Map<String, String> d = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT VERSION()")) {
        rs.next();
        d.put("version", rs.getString(1));
      }
      try (ResultSet rs =
          s.executeQuery(
              "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_flush_log_at_trx_commit',"
                  + " 'sync_binlog', 'log_bin', 'innodb_buffer_pool_size', 'innodb_flush_method',"
                  + " 'innodb_log_file_size', 'max_connections')")) {
        while (rs.next()) {
          d.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return d;
  }
}
