package be.edusprong.lms.domain.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;

/** Conversions of what JDBC drivers return for {@code DATETIME} columns in native queries. */
public final class Times {
  private Times() {}

  /**
   * The instant of a {@code DATETIME(3)} value read by a native query.
   *
   * @param value a {@link Timestamp}, {@link LocalDateTime} or {@link Instant}
   * @throws IllegalArgumentException for any other type
   */
  public static Instant toInstant(Object value) {
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof LocalDateTime ldt) {
      return Timestamp.valueOf(ldt).toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalArgumentException("not a timestamp: " + value.getClass());
  }
}
