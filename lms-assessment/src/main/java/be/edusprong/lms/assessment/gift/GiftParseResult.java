package be.edusprong.lms.assessment.gift;

import be.edusprong.lms.assessment.item.Item;
import java.util.List;

/**
 * What one GIFT file yielded: the questions that parsed and the problems of those that did not.
 *
 * @param items the parsed items, in source order
 * @param problems the defects, in source order; a question with a problem is not in {@code items}
 */
public record GiftParseResult(List<Item> items, List<GiftProblem> problems) {

  /** Copies both lists. */
  public GiftParseResult {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
  }

  /**
   * Whether the whole file parsed.
   *
   * @return true when there are no problems
   */
  public boolean ok() {
    return problems.isEmpty();
  }
}
