package be.edusprong.lms.assessment.scoring;

import java.util.List;
import java.util.Objects;

/**
 * The order a learner put the choices of an ordering item in (QTI base type {@code identifier},
 * cardinality {@code ordered}). On the wire (JSON): an array of choice ids, first to last, e.g.
 * {@code ["C", "A", "B"]}.
 *
 * @param choiceIds ids of the item's {@link be.edusprong.lms.assessment.item.Choice}s in the order
 *     given; may be shorter than the item's list when the learner left some out
 */
public record OrderResponse(List<String> choiceIds) implements Response {

  /** Copies the ids. */
  public OrderResponse {
    choiceIds = List.copyOf(Objects.requireNonNull(choiceIds, "choiceIds"));
  }

  /**
   * A response with the given ids in order.
   *
   * @param choiceIds the ids, first to last
   * @return the response
   */
  public static OrderResponse of(String... choiceIds) {
    return new OrderResponse(List.of(choiceIds));
  }
}
