package be.edusprong.lms.assessment.item;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An accepted number with an absolute tolerance: a response {@code x} matches when {@code |x -
 * value| <= tolerance} (QTI 3.0 {@code qti-equal} with {@code tolerance-mode="absolute"}; Moodle
 * numerical question "error margin").
 *
 * <p>GIFT writes it three ways (docs.moodle.org/en/GIFT_format, "Numerical"): {@code 1822} (exact),
 * {@code 3.1415:0.0005} (value and tolerance) and {@code 3.141..3.142} (range, stored as its
 * midpoint and half-width, as Moodle does). Numbers are in the unit the question asks for.
 *
 * @param value the centre of the accepted interval
 * @param tolerance the half-width of the accepted interval; {@code >= 0}
 */
public record NumericAnswer(BigDecimal value, BigDecimal tolerance) {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  /**
   * Validates the answer.
   *
   * @throws IllegalArgumentException when the tolerance is negative
   */
  public NumericAnswer {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.signum() < 0) {
      throw new IllegalArgumentException("tolerance must be >= 0, was " + tolerance);
    }
  }

  /**
   * An answer accepting exactly one number.
   *
   * @param value the number
   * @return the answer with tolerance 0
   */
  public static NumericAnswer exact(BigDecimal value) {
    return new NumericAnswer(value, BigDecimal.ZERO);
  }

  /**
   * An answer accepting {@code low..high}, both ends included.
   *
   * @param low the lowest accepted number
   * @param high the highest accepted number
   * @return the answer centred between both ends
   * @throws IllegalArgumentException when {@code low > high}
   */
  public static NumericAnswer range(BigDecimal low, BigDecimal high) {
    if (low.compareTo(high) > 0) {
      throw new IllegalArgumentException("range " + low + ".." + high + " runs backwards");
    }
    // Halving a finite decimal always terminates, so these divisions are exact.
    return new NumericAnswer(low.add(high).divide(TWO), high.subtract(low).divide(TWO));
  }

  /**
   * The lowest accepted number.
   *
   * @return {@code value - tolerance}
   */
  public BigDecimal low() {
    return value.subtract(tolerance);
  }

  /**
   * The highest accepted number.
   *
   * @return {@code value + tolerance}
   */
  public BigDecimal high() {
    return value.add(tolerance);
  }

  /**
   * Whether a number falls within this answer.
   *
   * @param x the learner's number
   * @return true when {@code low() <= x <= high()}
   */
  public boolean accepts(BigDecimal x) {
    return x.subtract(value).abs().compareTo(tolerance) <= 0;
  }
}
