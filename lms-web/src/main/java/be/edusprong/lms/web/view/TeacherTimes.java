package be.edusprong.lms.web.view;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Formats times, durations and points for the teacher's exam pages: times of day in Brussels time
 * (the server's clock), durations as {@code h:mm:ss} or {@code mm:ss}, points without trailing
 * zeros.
 */
@Named
@ApplicationScoped
public class TeacherTimes {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(CaseloadPage.BRUSSELS);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(CaseloadPage.BRUSSELS);

  /** A time of day as HH:mm:ss in Brussels time, or "" when null. */
  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** A moment as dd/MM/yyyy HH:mm:ss in Brussels time, or "" when null. */
  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  /** A duration as h:mm:ss from an hour on, else mm:ss; "" when null. Whole seconds, cut. */
  public String duration(Duration duration) {
    if (duration == null) {
      return "";
    }
    long s = Math.max(0, duration.getSeconds());
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%02d:%02d", s / 60, s % 60);
  }

  /** Points with at most two decimals and no trailing zeros ("7.5", "10"); "" when null. */
  public String points(BigDecimal points) {
    return points == null
        ? ""
        : points.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A statistic with two decimals ("0.47"), independent of the locale. */
  public String decimal(double value) {
    return String.format(java.util.Locale.ROOT, "%.2f", value);
  }

  /** A share 0..1 as a whole percentage ("47"), for bar widths and labels. */
  public long percent(double share) {
    return Math.round(Math.max(0, Math.min(1, share)) * 100);
  }
}
