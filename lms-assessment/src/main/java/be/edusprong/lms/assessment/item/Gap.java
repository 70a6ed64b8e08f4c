package be.edusprong.lms.assessment.item;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One gap in the text of a {@link ItemType#CLOZE} or {@link ItemType#GAP_MATCH} item: a place in
 * the stem, marked by {@link Item#gapToken(String)}, where the learner types, selects or drops an
 * answer. Each gap is its own response (QTI 3.0: one response variable per interaction).
 *
 * <p>Cloze gaps (Moodle {@code multianswer} sub-questions, QTI {@code
 * qti-inline-choice-interaction} and {@code qti-text-entry-interaction} in one item body) carry
 * their own answers, as {@link Choice}s with the same meaning as for the item types of the same
 * name: {@link Kind#INLINE_CHOICE} like {@link ItemType#CHOICE_SINGLE}, {@link
 * Kind#MULTIPLE_RESPONSE} like {@link ItemType#CHOICE_MULTIPLE}, {@link Kind#TEXT_ENTRY} like
 * {@link ItemType#SHORT_ANSWER}, {@link Kind#NUMERICAL} like {@link ItemType#NUMERICAL} (each
 * answer with its {@link NumericAnswer}, or the catch-all). A gap-match gap ({@link Kind#GAP_TEXT})
 * has no answers of its own: it names the {@link GapText} of its item that belongs in it.
 *
 * @param id the stable gap id, {@code "G1"}, {@code "G2"}, ... in stem order ({@link #idFor(int)});
 *     the key of a {@code GapResponse}
 * @param kind how the learner fills the gap
 * @param answers the gap's answers in source order (ids {@code A}, {@code B}, ... within the gap);
 *     empty for {@link Kind#GAP_TEXT}
 * @param weight the gap's share of the item's mark relative to the other gaps, {@code >= 1} (Moodle
 *     cloze {@code {2:SHORTANSWER:...}} gives 2; 1 when not given, and always 1 for gap match,
 *     where each gap counts equally as in Moodle {@code ddwtos})
 * @param gapTextId for {@link Kind#GAP_TEXT} the id of the correct {@link GapText}; null for every
 *     other kind
 */
public record Gap(String id, Kind kind, List<Choice> answers, int weight, String gapTextId) {

  /** How a gap is filled in. */
  public enum Kind {
    /**
     * Pick one option from a drop-down (Moodle cloze {@code MULTICHOICE}/{@code MC}, {@code MCV},
     * {@code MCH}; QTI {@code qti-inline-choice-interaction}); scored like {@link
     * ItemType#CHOICE_SINGLE}.
     */
    INLINE_CHOICE,
    /**
     * Tick any options (Moodle cloze {@code MULTIRESPONSE}/{@code MR}, {@code MRH}); scored like
     * {@link ItemType#CHOICE_MULTIPLE}.
     */
    MULTIPLE_RESPONSE,
    /**
     * Type a word (Moodle cloze {@code SHORTANSWER}/{@code SA}/{@code MW}; QTI {@code
     * qti-text-entry-interaction}, base type {@code string}); scored like {@link
     * ItemType#SHORT_ANSWER}.
     */
    TEXT_ENTRY,
    /**
     * Type a number (Moodle cloze {@code NUMERICAL}/{@code NM}; QTI {@code
     * qti-text-entry-interaction}, base type {@code float} or {@code integer}); scored like {@link
     * ItemType#NUMERICAL}.
     */
    NUMERICAL,
    /**
     * Drop or select one of the item's {@link GapText}s (QTI {@code qti-gap-match-interaction},
     * Moodle {@code ddwtos} and {@code gapselect}).
     */
    GAP_TEXT
  }

  /**
   * Validates the gap and copies its answers.
   *
   * @throws IllegalArgumentException when the id is blank, the weight is below 1, answer ids
   *     repeat, or answers and {@code gapTextId} do not fit the kind
   */
  public Gap {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    answers = List.copyOf(answers);
    if (id.isBlank()) {
      throw new IllegalArgumentException("gap id must not be blank");
    }
    if (weight < 1) {
      throw new IllegalArgumentException("gap " + id + ": weight must be >= 1, was " + weight);
    }
    if (kind == Kind.GAP_TEXT) {
      if (gapTextId == null || gapTextId.isBlank() || !answers.isEmpty()) {
        throw new IllegalArgumentException(
            "gap " + id + ": a gap-match gap names its gap text and has no answers");
      }
    } else {
      if (gapTextId != null) {
        throw new IllegalArgumentException("gap " + id + ": only a gap-match gap names a gap text");
      }
      if (answers.isEmpty()) {
        throw new IllegalArgumentException("gap " + id + " (" + kind + ") needs answers");
      }
      if (answers.stream().noneMatch(c -> c.weightPercent().signum() > 0)) {
        throw new IllegalArgumentException("gap " + id + ": no answer earns marks");
      }
    }
    Set<String> ids = new HashSet<>();
    for (Choice c : answers) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("gap " + id + ": answer id " + c.id() + " repeats");
      }
    }
  }

  /**
   * A cloze gap.
   *
   * @param id the gap id
   * @param kind any kind but {@link Kind#GAP_TEXT}
   * @param answers the answers
   * @param weight the gap's weight, {@code >= 1}
   * @return the gap
   */
  public static Gap cloze(String id, Kind kind, List<Choice> answers, int weight) {
    return new Gap(id, kind, answers, weight, null);
  }

  /**
   * A gap-match gap with weight 1.
   *
   * @param id the gap id
   * @param gapTextId the id of the gap text that belongs in it
   * @return the gap
   */
  public static Gap gapMatch(String id, String gapTextId) {
    return new Gap(id, Kind.GAP_TEXT, List.of(), 1, gapTextId);
  }

  /**
   * Looks up an answer of this gap by id.
   *
   * @param answerId e.g. {@code "B"}
   * @return the answer, or null when the gap has none with that id
   */
  public Choice answer(String answerId) {
    return answers.stream().filter(c -> c.id().equals(answerId)).findFirst().orElse(null);
  }

  /**
   * The id of the n-th gap in stem order.
   *
   * @param index zero-based position
   * @return {@code "G1"} for 0, {@code "G2"} for 1, ...
   */
  public static String idFor(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
    return "G" + (index + 1);
  }
}
