package be.edusprong.lms.assessment.analysis;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classical statistics of one item after a sitting; see {@link ItemAnalysis} for the formulas.
 *
 * @param itemId the item identifier
 * @param n the number of learners who sat the item (every learner of the sitting)
 * @param max the points available on the item
 * @param meanScore the mean score in points, {@code sum(x_i) / n}
 * @param facility the facility (classical difficulty index) {@code p = meanScore / max}, in {@code
 *     0..1}; higher means easier
 * @param discrimination the corrected item-total point-biserial correlation {@code r(x, T - x)};
 *     undefined with a reason when a variance is 0 or {@code n < 2}
 * @param choiceCounts for a choice item: how many learners selected each declared choice, in
 *     declaration order, zero counts included; empty for an item without choices. For a
 *     multiple-response item one learner may count towards several choices.
 * @param noAnswer for a choice item: how many learners selected no choice; 0 for an item without
 *     choices
 */
public record ItemStatistics(
    String itemId,
    int n,
    BigDecimal max,
    double meanScore,
    double facility,
    Statistic discrimination,
    Map<String, Integer> choiceCounts,
    int noAnswer) {

  /** Copies the counts, keeping declaration order. */
  public ItemStatistics {
    choiceCounts = Collections.unmodifiableMap(new LinkedHashMap<>(choiceCounts));
  }

  /**
   * Whether distractor counts apply.
   *
   * @return {@code true} for an item declared with choices
   */
  public boolean isChoiceItem() {
    return !choiceCounts.isEmpty();
  }
}
