package be.edusprong.lms.assessment.analysis;

import java.util.Objects;
import java.util.Optional;

/**
 * A statistic that may be undefined for the data at hand: either a finite value, or {@link
 * Double#NaN} together with the reason it cannot be computed (fewer than two learners, zero
 * variance, fewer than two items). Nothing in this package divides by zero.
 *
 * @param value the value; {@code NaN} exactly when {@code reason} is present
 * @param reason why the value is undefined; empty when it is defined
 */
public record Statistic(double value, Optional<String> reason) {

  /**
   * Checks that a value is finite and a reason is given exactly when the value is NaN.
   *
   * @throws IllegalArgumentException when that rule is broken
   */
  public Statistic {
    Objects.requireNonNull(reason, "reason");
    if (Double.isNaN(value) != reason.isPresent()) {
      throw new IllegalArgumentException("a statistic is NaN exactly when it has a reason");
    }
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("a statistic is never infinite");
    }
  }

  /**
   * A defined value.
   *
   * @param value a finite number
   * @return the statistic
   */
  public static Statistic of(double value) {
    return new Statistic(value, Optional.empty());
  }

  /**
   * An undefined value.
   *
   * @param reason why it cannot be computed, for the teacher
   * @return {@code NaN} with the reason
   */
  public static Statistic undefined(String reason) {
    return new Statistic(Double.NaN, Optional.of(reason));
  }

  /**
   * Whether a value could be computed.
   *
   * @return {@code true} when {@link #value()} is a number
   */
  public boolean isDefined() {
    return reason.isEmpty();
  }
}
