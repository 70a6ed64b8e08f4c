package be.edusprong.lms.assessment.item;

import java.util.Objects;

/**
 * One text a learner drops or selects into the gaps of a {@link ItemType#GAP_MATCH} item (QTI 3.0
 * {@code qti-gap-text}; Moodle {@code ddwtos} {@code <dragbox>}, {@code gapselect} {@code
 * <selectoption>}). Gap texts that belong in no gap are distractors.
 *
 * @param id the stable id, {@code "A"}, {@code "B"}, ... in source order ({@link Choice#idFor});
 *     the value of a {@code GapResponse}
 * @param text the text as written
 * @param format the format {@code text} is written in
 * @param textHtml {@code text} as safe HTML
 * @param group the group, {@code >= 1}: a gap accepts only texts of the group of its correct text
 *     (Moodle {@code <group>}; 1 when the source has no groups, as in QTI)
 * @param infinite whether the text may fill any number of gaps (Moodle ddwtos {@code <infinite/>},
 *     QTI {@code match-max="0"}); otherwise it fills at most one (Moodle's default, QTI {@code
 *     match-max="1"})
 */
public record GapText(
    String id, String text, TextFormat format, String textHtml, int group, boolean infinite) {

  /**
   * Validates the gap text.
   *
   * @throws IllegalArgumentException when the id or the text is blank, or the group is below 1
   */
  public GapText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(textHtml, "textHtml");
    if (id.isBlank()) {
      throw new IllegalArgumentException("gap text id must not be blank");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("gap text " + id + " is blank");
    }
    if (group < 1) {
      throw new IllegalArgumentException("gap text " + id + ": group must be >= 1, was " + group);
    }
  }
}
