package be.edusprong.lms.assessment.item;

import java.util.Optional;

/**
 * The markup an author used for a piece of text, as named by Moodle's GIFT format tags {@code
 * [moodle]}, {@code [html]}, {@code [plain]} and {@code [markdown]}
 * (docs.moodle.org/en/GIFT_format, "Specify text format"). {@link SafeHtml#render(String,
 * TextFormat)} turns each into safe HTML.
 */
public enum TextFormat {
  /** Moodle auto-format, GIFT's default: rendered here as escaped text with line breaks kept. */
  MOODLE("moodle"),
  /** HTML; kept after sanitising. */
  HTML("html"),
  /** Plain text: escaped, line breaks kept. */
  PLAIN("plain"),
  /** CommonMark, rendered with raw HTML escaped and unsafe URLs dropped, then sanitised. */
  MARKDOWN("markdown");

  private final String giftName;

  TextFormat(String giftName) {
    this.giftName = giftName;
  }

  /**
   * The name between brackets in a GIFT format tag.
   *
   * @return e.g. {@code "html"} for {@code [html]}
   */
  public String giftName() {
    return giftName;
  }

  /**
   * Looks up a GIFT format tag name.
   *
   * @param name the text between {@code [} and {@code ]}, e.g. {@code "markdown"}; matched exactly
   *     as Moodle does (lowercase)
   * @return the format, or empty when {@code name} is not one of the four GIFT format names
   */
  public static Optional<TextFormat> fromGiftName(String name) {
    for (TextFormat f : values()) {
      if (f.giftName.equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
