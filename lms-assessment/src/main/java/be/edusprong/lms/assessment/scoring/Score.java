package be.edusprong.lms.assessment.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * A score in points: what was earned ({@code raw}) out of what could be earned ({@code max}). QTI
 * 3.0 outcome variables {@code SCORE} and {@code MAXSCORE}; Moodle "mark" and "max mark".
 *
 * <p>An auto-scored item is worth 1 point, so for one item {@code raw} is the fraction earned; an
 * assessment adds its items' scores with {@link #plus(Score)}. Invariant: {@code 0 <= raw <= max}.
 *
 * @param raw points earned, {@code >= 0} and {@code <= max}
 * @param max points available, {@code >= 0}; 0 for content that carries no score
 */
public record Score(BigDecimal raw, BigDecimal max) {

  /** Nothing earned out of nothing: the score of content without a mark. */
  public static final Score NONE = new Score(BigDecimal.ZERO, BigDecimal.ZERO);

  /**
   * Validates the score.
   *
   * @throws IllegalArgumentException when {@code max < 0}, {@code raw < 0} or {@code raw > max}
   */
  public Score {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(max, "max");
    if (max.signum() < 0) {
      throw new IllegalArgumentException("max must be >= 0, was " + max);
    }
    if (raw.signum() < 0 || raw.compareTo(max) > 0) {
      throw new IllegalArgumentException("raw must lie in 0.." + max + ", was " + raw);
    }
  }

  /**
   * Creates a score.
   *
   * @param raw points earned
   * @param max points available
   * @return the score
   * @throws IllegalArgumentException as the constructor
   */
  public static Score of(BigDecimal raw, BigDecimal max) {
    return new Score(raw, max);
  }

  /**
   * Creates a score from a fraction of a maximum, clamping the fraction into {@code 0..1}.
   *
   * @param fraction share earned; values below 0 count as 0, above 1 as 1
   * @param max points available, {@code >= 0}
   * @return {@code clamp(fraction) * max}
   */
  public static Score ofFraction(BigDecimal fraction, BigDecimal max) {
    BigDecimal f = fraction.max(BigDecimal.ZERO).min(BigDecimal.ONE);
    return new Score(f.multiply(max), max);
  }

  /**
   * Nothing earned.
   *
   * @param max points available
   * @return {@code 0 / max}
   */
  public static Score zero(BigDecimal max) {
    return new Score(BigDecimal.ZERO, max);
  }

  /**
   * The share earned (QTI {@code SCORE / MAXSCORE}).
   *
   * @return {@code raw / max} in {@code 0..1}, to 16 significant digits; 0 when {@code max} is 0
   */
  public BigDecimal scaled() {
    if (max.signum() == 0) {
      return BigDecimal.ZERO;
    }
    return raw.divide(max, MathContext.DECIMAL64);
  }

  /**
   * Whether every available point was earned.
   *
   * @return true when {@code max > 0} and {@code raw == max}
   */
  public boolean full() {
    return max.signum() > 0 && raw.compareTo(max) == 0;
  }

  /**
   * Adds two scores, e.g. the items of one attempt.
   *
   * @param other the score to add
   * @return raw and max each summed
   */
  public Score plus(Score other) {
    return new Score(raw.add(other.raw), max.add(other.max));
  }
}
