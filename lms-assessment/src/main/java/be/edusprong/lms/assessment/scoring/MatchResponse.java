package be.edusprong.lms.assessment.scoring;

import java.util.Map;
import java.util.Objects;

/**
 * The answer a learner picked for each premise of a matching item (QTI base type {@code
 * directedPair}, cardinality multiple).
 *
 * @param premiseToAnswer from {@link be.edusprong.lms.assessment.item.MatchPair#id()} to the chosen
 *     answer text (one of {@link be.edusprong.lms.assessment.item.Item#matchAnswers()}); premises
 *     left open are absent
 */
public record MatchResponse(Map<String, String> premiseToAnswer) implements Response {

  /** Copies the map. */
  public MatchResponse {
    premiseToAnswer = Map.copyOf(Objects.requireNonNull(premiseToAnswer, "premiseToAnswer"));
  }
}
