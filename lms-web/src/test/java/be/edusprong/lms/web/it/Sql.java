package be.edusprong.lms.web.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Plain JDBC on the application's data source ({@code java:app/jdbc/lms}), in the container: what
 * the tests read to see what really reached the database, past JPA and its caches. Each call uses
 * its own auto-commit connection, so it sees committed rows only.
 */
public final class Sql {
  private Sql() {}

  /**
   * A single number, e.g. a {@code COUNT(*)}.
   *
   * @param sql one query with {@code ?} placeholders returning one row whose first column is a
   *     number
   * @param params values for the placeholders, in order
   * @return the number, or 0 when the value is SQL NULL
   */
  public static long number(String sql, Object... params) {
    List<List<Object>> rows = rows(sql, params);
    if (rows.size() != 1) {
      throw new IllegalStateException(rows.size() + " rows from " + sql);
    }
    Object value = rows.get(0).get(0);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /**
   * The rows in a table.
   *
   * @param table a table name of the schema (not user input)
   */
  public static long count(String table) {
    return number("SELECT COUNT(*) FROM " + table);
  }

  /**
   * A single text value.
   *
   * @return the first column of the only row, or null when there is no row
   */
  public static String text(String sql, Object... params) {
    List<List<Object>> rows = rows(sql, params);
    return rows.isEmpty() ? null : (String) rows.get(0).get(0);
  }

  /**
   * All rows of a query.
   *
   * @return each row as its column values, in order
   */
  public static List<List<Object>> rows(String sql, Object... params) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (r.next()) {
          List<Object> row = new ArrayList<>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(r.getObject(i));
          }
          rows.add(row);
        }
        return rows;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs one statement that changes rows, committed at once.
   *
   * @return the number of rows changed
   */
  public static int update(String sql, Object... params) {
    try (Connection c = dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        s.setObject(i + 1, params[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static DataSource dataSource() {
    try {
      return InitialContext.doLookup("java:app/jdbc/lms");
    } catch (NamingException e) {
      throw new IllegalStateException("no data source at java:app/jdbc/lms", e);
    }
  }
}
