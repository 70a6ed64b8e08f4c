package be.edusprong.lms.assessment.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked data set: 5 learners, 4 dichotomous choice items (1 point) and 1 partial-credit item
 * Q5 (max 2 points, no choices). Every expected value below is computed by hand in the comments
 * (population variances, divisor n = 5, as {@link ItemAnalysis} documents).
 *
 * <pre>
 *            Q1  Q2  Q3  Q4  Q5 | T      chosen: Q1(key A)  Q2(key B)  Q3(key C)  Q4(key true)
 *   L1        1   1   1   1   2 | 6               A          B          C          true
 *   L2        1   1   1   0   1 | 4               A          B          C          false
 *   L3        1   0   1   0   1 | 3               A          C          C          false
 *   L4        1   1   0   0   0 | 2               A          B          A          false
 *   L5        0   0   0   1   0 | 1               -          C          -          true
 *   sum       4   3   3   2   4 | 16
 * </pre>
 */
class ItemAnalysisTest {

  private static final double EPS = 1e-4;

  static SittingResults workedExample() {
    BigDecimal one = BigDecimal.ONE;
    return SittingResults.builder()
        .item("Q1", one, "A", "B", "C", "D")
        .item("Q2", one, "A", "B", "C", "D")
        .item("Q3", one, "A", "B", "C")
        .item("Q4", one, "true", "false")
        .item("Q5", new BigDecimal("2"))
        // L1
        .response("L1", "Q1", 1, "A")
        .response("L1", "Q2", 1, "B")
        .response("L1", "Q3", 1, "C")
        .response("L1", "Q4", 1, "true")
        .response("L1", "Q5", 2)
        // L2
        .response("L2", "Q1", 1, "A")
        .response("L2", "Q2", 1, "B")
        .response("L2", "Q3", 1, "C")
        .response("L2", "Q4", 0, "false")
        .response("L2", "Q5", 1)
        // L3
        .response("L3", "Q1", 1, "A")
        .response("L3", "Q2", 0, "C")
        .response("L3", "Q3", 1, "C")
        .response("L3", "Q4", 0, "false")
        .response("L3", "Q5", 1)
        // L4
        .response("L4", "Q1", 1, "A")
        .response("L4", "Q2", 1, "B")
        .response("L4", "Q3", 0, "A")
        .response("L4", "Q4", 0, "false")
        .response("L4", "Q5", 0)
        // L5: no answer on Q1 and Q3
        .response("L5", "Q1", 0)
        .response("L5", "Q2", 0, "C")
        .response("L5", "Q3", 0)
        .response("L5", "Q4", 1, "true")
        .response("L5", "Q5", 0)
        .build();
  }

  private final ItemAnalysisReport report = ItemAnalysis.analyse(workedExample());

  private ItemStatistics item(String id) {
    return report.item(id).orElseThrow();
  }

  @Test
  void facilityIsMeanScoreOverMax() {
    // p = mean(x) / max:
    //   Q1 = 4/5 / 1 = 0.8;  Q2 = 3/5 = 0.6;  Q3 = 3/5 = 0.6;  Q4 = 2/5 = 0.4
    //   Q5: mean = (2+1+1+0+0)/5 = 4/5 = 0.8 points, p = 0.8 / 2 = 0.4
    assertEquals(0.8, item("Q1").facility(), EPS);
    assertEquals(0.6, item("Q2").facility(), EPS);
    assertEquals(0.6, item("Q3").facility(), EPS);
    assertEquals(0.4, item("Q4").facility(), EPS);
    assertEquals(0.8, item("Q5").meanScore(), EPS);
    assertEquals(0.4, item("Q5").facility(), EPS);
    assertEquals(5, item("Q5").n());
  }

  @Test
  void discriminationOfQ1IsCorrectedPointBiserial() {
    // Q1 item x = 1,1,1,1,0            mean 0.8   deviations  .2, .2, .2, .2, -.8
    // rest R = T - x = 5,3,2,1,1       mean 2.4   deviations 2.6, .6,-.4,-1.4,-1.4
    // sum dx*dR = .52 + .12 - .08 - .28 + 1.12              = 1.4
    // sum dx^2  = 4 * .04 + .64                             = 0.8
    // sum dR^2  = 6.76 + .36 + .16 + 1.96 + 1.96            = 11.2
    // r = 1.4 / sqrt(0.8 * 11.2) = 1.4 / sqrt(8.96) = 1.4 / 2.99333 = 0.46771
    // Point-biserial cross-check: M1 = mean R of those right = (5+3+2+1)/4 = 2.75, M0 = 1,
    //   s_R = sqrt(11.2/5) = sqrt(2.24) = 1.49666, sqrt(pq) = sqrt(.8*.2) = .4
    //   r_pbis = (2.75 - 1) / 1.49666 * .4 = 0.46771
    assertEquals(0.46771, item("Q1").discrimination().value(), EPS);
    assertEquals((2.75 - 1) / Math.sqrt(2.24) * 0.4, item("Q1").discrimination().value(), EPS);
  }

  @Test
  void discriminationOfQ2AndQ3() {
    // Q2 x = 1,1,0,1,0 mean .6 dx .4,.4,-.6,.4,-.6; R = 5,3,3,1,1 mean 2.6 dR 2.4,.4,.4,-1.6,-1.6
    //   sum dx*dR = .96 + .16 - .24 - .64 + .96 = 1.2; sum dx^2 = 3*.16 + 2*.36 = 1.2
    //   sum dR^2 = 5.76 + .16 + .16 + 2.56 + 2.56 = 11.2
    //   r = 1.2 / sqrt(1.2 * 11.2) = 1.2 / sqrt(13.44) = 1.2 / 3.66606 = 0.32733
    assertEquals(0.32733, item("Q2").discrimination().value(), EPS);
    // Q3 x = 1,1,1,0,0 mean .6 dx .4,.4,.4,-.6,-.6; R = 5,3,2,2,1 mean 2.6 dR 2.4,.4,-.6,-.6,-1.6
    //   sum dx*dR = .96 + .16 - .24 + .36 + .96 = 2.2; sum dx^2 = 1.2
    //   sum dR^2 = 5.76 + .16 + .36 + .36 + 2.56 = 9.2
    //   r = 2.2 / sqrt(1.2 * 9.2) = 2.2 / sqrt(11.04) = 2.2 / 3.32265 = 0.66212
    assertEquals(0.66212, item("Q3").discrimination().value(), EPS);
  }

  @Test
  void discriminationOfQ4IsNegative() {
    // Q4 x = 1,0,0,0,1                 mean 0.4   deviations  .6, -.4, -.4, -.4, .6
    // rest R = 5,4,3,2,0               mean 2.8   deviations 2.2, 1.2,  .2, -.8, -2.8
    // sum dx*dR = 1.32 - .48 - .08 + .32 - 1.68              = -0.6
    // sum dx^2  = 2 * .36 + 3 * .16                          = 1.2
    // sum dR^2  = 4.84 + 1.44 + .04 + .64 + 7.84             = 14.8
    // r = -0.6 / sqrt(1.2 * 14.8) = -0.6 / sqrt(17.76) = -0.6 / 4.21426 = -0.14237
    // (the strongest learner and the weakest got it right: a suspect item)
    assertEquals(-0.14237, item("Q4").discrimination().value(), EPS);
  }

  @Test
  void discriminationOfPartialCreditItemQ5() {
    // Q5 x = 2,1,1,0,0                 mean 0.8   deviations 1.2, .2, .2, -.8, -.8
    // rest R = 4,3,2,2,1               mean 2.4   deviations 1.6, .6, -.4, -.4, -1.4
    // sum dx*dR = 1.92 + .12 - .08 + .32 + 1.12              = 3.4
    // sum dx^2  = 1.44 + .04 + .04 + .64 + .64               = 2.8
    // sum dR^2  = 2.56 + .36 + .16 + .16 + 1.96              = 5.2
    // r = 3.4 / sqrt(2.8 * 5.2) = 3.4 / sqrt(14.56) = 3.4 / 3.81576 = 0.89104
    assertEquals(0.89104, item("Q5").discrimination().value(), EPS);
    assertTrue(item("Q5").discrimination().isDefined());
  }

  @Test
  void cronbachAlphaAndTotal() {
    // Totals T = 6,4,3,2,1: mean 16/5 = 3.2; deviations 2.8, .8, -.2, -1.2, -2.2
    //   sum dT^2 = 7.84 + .64 + .04 + 1.44 + 4.84 = 14.8; var(T) = 14.8/5 = 2.96
    //   sd(T) = sqrt(2.96) = 1.72047
    // Item variances (divisor 5): dichotomous p(1-p): Q1 .8*.2 = .16; Q2 .24; Q3 .24; Q4 .24
    //   Q5 sum dx^2 = 2.8 (above), var = 2.8/5 = .56
    //   sum = .16 + .24 + .24 + .24 + .56 = 1.44
    // alpha = 5/4 * (1 - 1.44/2.96) = 1.25 * 1.52/2.96 = 1.25 * 0.513514 = 0.64189
    assertEquals(5, report.k());
    assertEquals(5, report.n());
    assertEquals(0, new BigDecimal("6").compareTo(report.maxTotal()));
    assertEquals(3.2, report.meanTotal(), EPS);
    assertEquals(1.72047, report.sdTotal().value(), EPS);
    assertEquals(0.64189, report.alpha().value(), EPS);
    assertTrue(report.alpha().reason().isEmpty());
  }

  @Test
  void alphaIsTheSameWithSampleVariancesUsedConsistently() {
    // Divisor n-1 = 4 on both sides: item sums of squares .8 + 1.2 + 1.2 + 1.2 + 2.8 = 7.2,
    // 7.2/4 = 1.8; var(T) = 14.8/4 = 3.7; 1.8/3.7 = 1.44/2.96 (both scaled by 5/4), so
    // alpha = 1.25 * (1 - 1.8/3.7) = 0.64189, unchanged.
    assertEquals(1.25 * (1 - (1.44 * 5 / 4) / 3.7), report.alpha().value(), EPS);
  }

  @Test
  void distractorCountsIncludeNoAnswer() {
    assertEquals(counts("A", 4, "B", 0, "C", 0, "D", 0), item("Q1").choiceCounts());
    assertEquals(1, item("Q1").noAnswer());
    assertEquals(counts("A", 0, "B", 3, "C", 2, "D", 0), item("Q2").choiceCounts());
    assertEquals(0, item("Q2").noAnswer());
    assertEquals(counts("A", 1, "B", 0, "C", 3), item("Q3").choiceCounts());
    assertEquals(1, item("Q3").noAnswer());
    assertEquals(counts("true", 2, "false", 3), item("Q4").choiceCounts());
    assertEquals(0, item("Q4").noAnswer());
    // Q5 has no choices: no distractor counts
    assertTrue(item("Q5").choiceCounts().isEmpty());
    assertEquals(0, item("Q5").noAnswer());
    assertTrue(!item("Q5").isChoiceItem() && item("Q1").isChoiceItem());
  }

  private static Map<String, Integer> counts(Object... pairs) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return m;
  }
}
