package be.edusprong.lms.assessment.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classical item analysis of one sitting (classical test theory).
 *
 * <p>Notation: {@code n} learners, {@code k} items; {@code x_ij} the points learner {@code i}
 * earned on item {@code j}, {@code m_j} that item's max; {@code T_i = sum_j x_ij} the learner's
 * total, and {@code R_ij = T_i - x_ij} the <em>rest score</em> (total without item {@code j}).
 * Means are {@code mean(v) = sum(v_i) / n}.
 *
 * <p><b>Variances: population, everywhere.</b> Every variance here has divisor {@code n}: {@code
 * var(v) = sum((v_i - mean(v))^2) / n}, and {@code sd = sqrt(var)}. Cronbach's alpha takes a ratio
 * of variances, so it is the same with divisor {@code n - 1} as long as item and total variances
 * use the same divisor, which they do here (mixing divisors is the classic error this rule avoids).
 * A Pearson correlation does not depend on the divisor either. Only the reported standard deviation
 * of the total differs from a sample ({@code n - 1}) figure, by the factor {@code sqrt(n / (n -
 * 1))}.
 *
 * <ul>
 *   <li><b>Facility</b> (classical item difficulty index, Moodle "facility index"): {@code p_j =
 *       mean_i(x_ij) / m_j}, the share of the available points the group earned; for a dichotomous
 *       (0/1) item the proportion who answered correctly. Crocker &amp; Algina (1986),
 *       <i>Introduction to Classical and Modern Test Theory</i>, item difficulty.
 *   <li><b>Discrimination</b> (corrected item-total correlation; Moodle names this correlation of
 *       the item with the rest of the test the "discrimination index"): the Pearson correlation
 *       between the item score and the rest score,
 *       <pre>
 * r_j = sum_i (x_ij - mean(x_j)) (R_ij - mean(R_j))
 *       / sqrt( sum_i (x_ij - mean(x_j))^2 * sum_i (R_ij - mean(R_j))^2 )</pre>
 *       For a dichotomous item this Pearson correlation <em>is</em> the point-biserial {@code
 *       r_pbis = (M_1 - M_0) / s * sqrt(p q)}; for a partial-credit item it is the same product
 *       moment formula. "Corrected" means the item is removed from the total before correlating,
 *       which removes the spurious part-whole overlap of the uncorrected item-total correlation
 *       (Crocker &amp; Algina 1986, item discrimination). Undefined (NaN with a reason) when {@code
 *       n < 2}, {@code k < 2}, or either the item scores or the rest scores have variance 0, e.g.
 *       every learner answered the item correctly.
 *   <li><b>Distractor counts</b>: for a choice item, how many learners selected each choice, and
 *       how many selected none ("no answer").
 *   <li><b>Cronbach's alpha</b> (Cronbach, L. J. (1951). Coefficient alpha and the internal
 *       structure of tests. <i>Psychometrika</i> 16(3), 297-334):
 *       <pre>
 * alpha = k / (k - 1) * (1 - sum_j var(x_j) / var(T))</pre>
 *       with population variances (see above). For dichotomous items it equals KR-20. Undefined
 *       when {@code k < 2}, {@code n < 2} or {@code var(T) = 0}. It can be negative when items
 *       covary negatively on average; it is reported as computed, not clamped.
 *   <li><b>Total</b>: {@code mean(T)} and the population {@code sd(T)} in points; the SD is
 *       undefined for fewer than 2 learners.
 * </ul>
 *
 * <p>Sums of points are exact ({@link BigDecimal}), so "variance 0" is decided exactly (all values
 * equal), never by a floating-point threshold; the statistics themselves are computed in {@code
 * double} with two passes (mean first, then deviations). References for the Moodle names: Moodle
 * developer documentation, "Quiz statistics calculations" (facility index, discrimination index).
 */
public final class ItemAnalysis {

  private ItemAnalysis() {}

  /**
   * Analyses a sitting.
   *
   * @param results complete, validated results of one sitting
   * @return the per-item and test statistics
   */
  public static ItemAnalysisReport analyse(SittingResults results) {
    List<SittingResults.Item> items = results.items();
    List<String> learners = results.learners();
    int n = learners.size();
    int k = items.size();

    // Exact scores: scores[j][i] for item j, learner i; totals[i].
    BigDecimal[][] scores = new BigDecimal[k][n];
    BigDecimal[] totals = new BigDecimal[n];
    Arrays.fill(totals, BigDecimal.ZERO);
    for (int j = 0; j < k; j++) {
      for (int i = 0; i < n; i++) {
        BigDecimal x = results.response(learners.get(i), items.get(j).id()).score();
        scores[j][i] = x;
        totals[i] = totals[i].add(x);
      }
    }

    List<ItemStatistics> itemStats = new ArrayList<>();
    double sumItemVariances = 0;
    BigDecimal maxTotal = BigDecimal.ZERO;
    for (int j = 0; j < k; j++) {
      SittingResults.Item item = items.get(j);
      maxTotal = maxTotal.add(item.max());
      double[] x = toDoubles(scores[j]);
      double meanScore = mean(x);
      double facility = meanScore / item.max().doubleValue();
      sumItemVariances += populationVariance(x);

      BigDecimal[] rest = new BigDecimal[n];
      for (int i = 0; i < n; i++) {
        rest[i] = totals[i].subtract(scores[j][i]);
      }
      Statistic discrimination = discrimination(n, k, scores[j], rest);

      Map<String, Integer> counts = new LinkedHashMap<>();
      item.choiceIds().forEach(c -> counts.put(c, 0));
      int noAnswer = 0;
      if (item.isChoiceItem()) {
        for (String learner : learners) {
          var chosen = results.response(learner, item.id()).chosen();
          if (chosen.isEmpty()) {
            noAnswer++;
          }
          chosen.forEach(c -> counts.merge(c, 1, Integer::sum));
        }
      }
      itemStats.add(
          new ItemStatistics(
              item.id(), n, item.max(), meanScore, facility, discrimination, counts, noAnswer));
    }

    double[] t = toDoubles(totals);
    double meanTotal = mean(t);
    double totalVariance = populationVariance(t);
    Statistic sd =
        n < 2 ? Statistic.undefined(needsTwoLearners(n)) : Statistic.of(Math.sqrt(totalVariance));
    Statistic alpha;
    if (k < 2) {
      alpha = Statistic.undefined("Cronbach's alpha needs at least 2 items (k = " + k + ")");
    } else if (n < 2) {
      alpha = Statistic.undefined(needsTwoLearners(n));
    } else if (allEqual(totals)) {
      alpha =
          Statistic.undefined(
              "every learner has the same total score ("
                  + totals[0].stripTrailingZeros().toPlainString()
                  + " points), so the total has variance 0");
    } else {
      alpha = Statistic.of((double) k / (k - 1) * (1 - sumItemVariances / totalVariance));
    }
    return new ItemAnalysisReport(itemStats, n, k, maxTotal, meanTotal, sd, alpha);
  }

  private static Statistic discrimination(int n, int k, BigDecimal[] item, BigDecimal[] rest) {
    if (n < 2) {
      return Statistic.undefined(needsTwoLearners(n));
    }
    if (k < 2) {
      return Statistic.undefined(
          "discrimination needs at least 2 items: with one item the rest score is 0 for everyone");
    }
    if (allEqual(item)) {
      return Statistic.undefined(
          "every learner scored "
              + item[0].stripTrailingZeros().toPlainString()
              + " points on this item, so the item score has variance 0");
    }
    if (allEqual(rest)) {
      return Statistic.undefined(
          "every learner has the same rest score (total minus this item: "
              + rest[0].stripTrailingZeros().toPlainString()
              + " points), so the rest score has variance 0");
    }
    double[] x = toDoubles(item);
    double[] r = toDoubles(rest);
    double mx = mean(x);
    double mr = mean(r);
    double sxr = 0;
    double sxx = 0;
    double srr = 0;
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dr = r[i] - mr;
      sxr += dx * dr;
      sxx += dx * dx;
      srr += dr * dr;
    }
    // Clamp rounding overshoot only; the exact value lies in -1..1.
    return Statistic.of(Math.max(-1, Math.min(1, sxr / Math.sqrt(sxx * srr))));
  }

  private static String needsTwoLearners(int n) {
    return "needs at least 2 learners to have a variance (n = " + n + ")";
  }

  private static boolean allEqual(BigDecimal[] values) {
    for (BigDecimal v : values) {
      if (v.compareTo(values[0]) != 0) {
        return false;
      }
    }
    return true;
  }

  private static double[] toDoubles(BigDecimal[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i].doubleValue();
    }
    return d;
  }

  private static double mean(double[] v) {
    double sum = 0;
    for (double d : v) {
      sum += d;
    }
    return sum / v.length;
  }

  private static double populationVariance(double[] v) {
    double m = mean(v);
    double ss = 0;
    for (double d : v) {
      ss += (d - m) * (d - m);
    }
    return ss / v.length;
  }
}
