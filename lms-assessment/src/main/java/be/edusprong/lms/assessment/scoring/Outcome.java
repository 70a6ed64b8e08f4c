package be.edusprong.lms.assessment.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The result of scoring one response (QTI outcome variables {@code SCORE}, {@code MAXSCORE} and
 * {@code FEEDBACK}).
 *
 * @param score points earned out of the item's points (1 for auto-scored items)
 * @param correct true when the response earned full marks
 * @param manual true when the item is not auto-scored: an essay waits for a teacher ({@code score}
 *     is {@code 0/1} until then) and a description carries no score ({@code score} is {@link
 *     Score#NONE}); {@code correct} is then false
 * @param feedbackHtml safe HTML to show, in order: the feedback of each answer given (in the item's
 *     answer order), then the item's general feedback; blank entries are left out
 */
public record Outcome(Score score, boolean correct, boolean manual, List<String> feedbackHtml) {

  /**
   * Validates the outcome.
   *
   * @throws IllegalArgumentException unless {@code correct == (!manual && score.full())}
   */
  public Outcome {
    Objects.requireNonNull(score, "score");
    feedbackHtml = List.copyOf(feedbackHtml);
    if (correct != (!manual && score.full())) {
      throw new IllegalArgumentException("correct means a full, automatic score");
    }
  }
}
