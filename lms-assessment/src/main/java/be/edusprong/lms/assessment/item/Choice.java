package be.edusprong.lms.assessment.item;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One answer an author gave for an item: an option to pick (choice, true/false), an accepted text
 * (short answer) or an accepted number (numerical).
 *
 * <p>Ids are stable and meant for the wire: {@code "A"}, {@code "B"}, ... in source order ({@code
 * "AA"} after {@code "Z"}), and {@code "TRUE"}/{@code "FALSE"} for {@link ItemType#TRUE_FALSE}. A
 * page renders {@link #textHtml()} and sends the id back in a {@code ChoiceResponse}.
 *
 * @param id the stable id, unique within the item
 * @param text the answer as written, GIFT escapes resolved and format tag removed (for short
 *     answers the pattern compared with the response, {@code *} being a wildcard; for numerical
 *     answers the GIFT spec such as {@code 1822:2}, or {@code *} for the catch-all wrong answer)
 * @param format the format {@code text} is written in
 * @param textHtml {@code text} as safe HTML
 * @param weightPercent the share of the item's mark this answer earns, in percent, {@code
 *     -100..100} (Moodle "grade"; QTI {@code qti-map-entry} {@code mapped-value} times 100); GIFT
 *     {@code =} is 100, {@code ~} is 0, {@code %n%} is n
 * @param feedbackHtml the feedback shown when this answer is given, safe HTML; {@code ""} if none
 * @param numeric the accepted numbers for a {@link ItemType#NUMERICAL} answer; null for every other
 *     item type and for a numerical item's catch-all wrong answer (GIFT {@code ~#feedback})
 */
public record Choice(
    String id,
    String text,
    TextFormat format,
    String textHtml,
    BigDecimal weightPercent,
    String feedbackHtml,
    NumericAnswer numeric) {

  /** The weight of a fully right answer, in percent. */
  public static final BigDecimal FULL_WEIGHT = BigDecimal.valueOf(100);

  /**
   * Validates the choice.
   *
   * @throws IllegalArgumentException when the id is blank or the weight lies outside {@code
   *     -100..100}
   */
  public Choice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(textHtml, "textHtml");
    Objects.requireNonNull(weightPercent, "weightPercent");
    Objects.requireNonNull(feedbackHtml, "feedbackHtml");
    if (id.isBlank()) {
      throw new IllegalArgumentException("choice id must not be blank");
    }
    if (weightPercent.abs().compareTo(FULL_WEIGHT) > 0) {
      throw new IllegalArgumentException(
          "weight must lie in -100..100 percent, was " + weightPercent);
    }
  }

  /**
   * Whether this answer alone earns the full mark.
   *
   * @return true when the weight is 100 percent
   */
  public boolean correct() {
    return weightPercent.compareTo(FULL_WEIGHT) == 0;
  }

  /**
   * Whether this is a numerical item's catch-all wrong answer (GIFT {@code ~#feedback}), which
   * matches any number no other answer matched and earns nothing.
   *
   * @return true for the catch-all
   */
  public boolean catchAll() {
    return numeric == null && "*".equals(text) && weightPercent.signum() == 0;
  }

  /**
   * The id for the n-th answer in source order.
   *
   * @param index zero-based position
   * @return {@code "A"} for 0, {@code "Z"} for 25, {@code "AA"} for 26, ...
   */
  public static String idFor(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
    StringBuilder id = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      n--;
      id.insert(0, (char) ('A' + n % 26));
      n /= 26;
    }
    return id.toString();
  }
}
