package be.edusprong.lms.assessment.scoring;

import java.util.Objects;
import java.util.Set;

/**
 * The choices a learner ticked (QTI base type {@code identifier}, cardinality single or multiple).
 *
 * @param choiceIds ids of {@link be.edusprong.lms.assessment.item.Choice}s such as {@code "A"} or
 *     {@code "TRUE"}; empty when nothing was ticked
 */
public record ChoiceResponse(Set<String> choiceIds) implements Response {

  /** Copies the ids. */
  public ChoiceResponse {
    choiceIds = Set.copyOf(Objects.requireNonNull(choiceIds, "choiceIds"));
  }

  /**
   * A response with the given ids.
   *
   * @param choiceIds the ticked ids
   * @return the response
   */
  public static ChoiceResponse of(String... choiceIds) {
    return new ChoiceResponse(Set.of(choiceIds));
  }
}
