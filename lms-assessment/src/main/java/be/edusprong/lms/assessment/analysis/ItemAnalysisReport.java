package be.edusprong.lms.assessment.analysis;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The result of {@link ItemAnalysis#analyse(SittingResults)}: one {@link ItemStatistics} per item
 * and the statistics of the test as a whole. Variances and the standard deviation are
 * <em>population</em> statistics (divisor {@code n}); see {@link ItemAnalysis}.
 *
 * @param items the per-item statistics, in the sitting's item order
 * @param n the number of learners
 * @param k the number of items
 * @param maxTotal the points available on the test, the sum of the items' max
 * @param meanTotal the mean total score in points, {@code sum(T_i) / n}
 * @param sdTotal the population standard deviation of the total score in points; undefined when
 *     {@code n < 2}
 * @param alpha Cronbach's alpha; undefined when {@code k < 2}, {@code n < 2} or the total score has
 *     variance 0
 */
public record ItemAnalysisReport(
    List<ItemStatistics> items,
    int n,
    int k,
    BigDecimal maxTotal,
    double meanTotal,
    Statistic sdTotal,
    Statistic alpha) {

  /** Copies the item list. */
  public ItemAnalysisReport {
    items = List.copyOf(items);
  }

  /**
   * The statistics of one item.
   *
   * @param itemId an item identifier
   * @return the item's statistics, or empty when the sitting had no such item
   */
  public Optional<ItemStatistics> item(String itemId) {
    return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst();
  }
}
