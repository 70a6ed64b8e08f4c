package be.edusprong.lms.assessment.item;

import java.util.Objects;

/**
 * One premise of a {@link ItemType#MATCHING} item and the answer that belongs to it (QTI 3.0 {@code
 * qti-match-interaction}: a {@code directedPair} from a premise to its answer).
 *
 * <p>A pair with an empty premise is a distractor: its answer is offered but belongs to no premise
 * (GIFT {@code = -> Chat}). Answers are compared as text, so two premises may share one answer.
 *
 * @param id the stable premise id ({@code "A"}, {@code "B"}, ... in source order), the key of a
 *     {@code MatchResponse}
 * @param premiseText the premise as written, GIFT escapes resolved; {@code ""} for a distractor
 * @param premiseFormat the format of the premise (the stem's unless tagged)
 * @param premiseHtml the premise as safe HTML; {@code ""} for a distractor
 * @param answer the answer text (plain text, never markup, as in Moodle)
 */
public record MatchPair(
    String id, String premiseText, TextFormat premiseFormat, String premiseHtml, String answer) {

  /**
   * Validates the pair.
   *
   * @throws IllegalArgumentException when the id or the answer is blank
   */
  public MatchPair {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(premiseText, "premiseText");
    Objects.requireNonNull(premiseFormat, "premiseFormat");
    Objects.requireNonNull(premiseHtml, "premiseHtml");
    Objects.requireNonNull(answer, "answer");
    if (id.isBlank()) {
      throw new IllegalArgumentException("pair id must not be blank");
    }
    if (answer.isBlank()) {
      throw new IllegalArgumentException("pair " + id + " has no answer");
    }
  }

  /**
   * Whether this pair only adds an extra answer to choose from.
   *
   * @return true when the premise is empty
   */
  public boolean distractor() {
    return premiseText.isBlank();
  }
}
