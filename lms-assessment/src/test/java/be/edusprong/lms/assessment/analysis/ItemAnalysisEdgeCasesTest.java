package be.edusprong.lms.assessment.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ItemAnalysisEdgeCasesTest {

  private static final BigDecimal ONE = BigDecimal.ONE;

  @Test
  void itemEveryoneGotRightHasNoDiscrimination() {
    SittingResults results =
        SittingResults.builder()
            .item("easy", ONE, "A", "B")
            .item("Q2", ONE)
            .item("Q3", ONE)
            .response("L1", "easy", 1, "A")
            .response("L1", "Q2", 1)
            .response("L1", "Q3", 1)
            .response("L2", "easy", 1, "A")
            .response("L2", "Q2", 0)
            .response("L2", "Q3", 1)
            .response("L3", "easy", 1, "A")
            .response("L3", "Q2", 0)
            .response("L3", "Q3", 0)
            .build();
    ItemAnalysisReport report = ItemAnalysis.analyse(results);
    ItemStatistics easy = report.item("easy").orElseThrow();
    assertEquals(1.0, easy.facility(), 1e-12);
    assertTrue(Double.isNaN(easy.discrimination().value()));
    assertTrue(
        easy.discrimination().reason().orElseThrow().contains("item score has variance 0"),
        easy.discrimination().reason().orElseThrow());
    assertEquals(3, easy.choiceCounts().get("A"));
    assertEquals(0, easy.choiceCounts().get("B"));
    // The other items still have a discrimination: Q2 x = 1,0,0, R = 2,2,1 -> mean x 1/3,
    // mean R 5/3; dx 2/3,-1/3,-1/3; dR 1/3,1/3,-2/3; sum dx*dR = 2/9 - 1/9 + 2/9 = 1/3;
    // sum dx^2 = 6/9, sum dR^2 = 6/9; r = (1/3) / (6/9) = 0.5
    assertEquals(0.5, report.item("Q2").orElseThrow().discrimination().value(), 1e-12);
    assertTrue(report.alpha().isDefined());
  }

  @Test
  void restScoreWithoutVarianceIsExplained() {
    // Q2 is constant, so for Q1 the rest score (Q2 only) has variance 0.
    SittingResults results =
        SittingResults.builder()
            .item("Q1", ONE)
            .item("Q2", ONE)
            .response("L1", "Q1", 1)
            .response("L1", "Q2", 1)
            .response("L2", "Q1", 0)
            .response("L2", "Q2", 1)
            .build();
    Statistic d = ItemAnalysis.analyse(results).item("Q1").orElseThrow().discrimination();
    assertFalse(d.isDefined());
    assertTrue(d.reason().orElseThrow().contains("rest score"), d.reason().orElseThrow());
  }

  @Test
  void allTotalsEqualGivesNoAlpha() {
    SittingResults results =
        SittingResults.builder()
            .item("Q1", ONE)
            .item("Q2", ONE)
            .response("L1", "Q1", 1)
            .response("L1", "Q2", 0)
            .response("L2", "Q1", 0)
            .response("L2", "Q2", 1)
            .build();
    ItemAnalysisReport report = ItemAnalysis.analyse(results);
    assertTrue(Double.isNaN(report.alpha().value()));
    assertTrue(report.alpha().reason().orElseThrow().contains("variance 0"));
    assertEquals(0.0, report.sdTotal().value(), 1e-12);
    // x = 1,0 and R = 0,1: perfectly negative
    assertEquals(-1.0, report.item("Q1").orElseThrow().discrimination().value(), 1e-12);
  }

  @Test
  void oneLearnerHasFacilityButNoVarianceStatistics() {
    SittingResults results =
        SittingResults.builder()
            .item("Q1", ONE, "A", "B")
            .item("Q2", new BigDecimal("2"))
            .response("only", "Q1", 1, "A")
            .response("only", "Q2", 0.5)
            .build();
    ItemAnalysisReport report = ItemAnalysis.analyse(results);
    assertEquals(1, report.n());
    assertEquals(1.0, report.item("Q1").orElseThrow().facility(), 1e-12);
    assertEquals(0.25, report.item("Q2").orElseThrow().facility(), 1e-12);
    assertEquals(1.5, report.meanTotal(), 1e-12);
    for (Statistic s :
        new Statistic[] {
          report.item("Q1").orElseThrow().discrimination(),
          report.item("Q2").orElseThrow().discrimination(),
          report.alpha(),
          report.sdTotal()
        }) {
      assertTrue(Double.isNaN(s.value()));
      assertTrue(s.reason().orElseThrow().contains("at least 2 learners"), s.reason().get());
    }
  }

  @Test
  void oneItemHasNoAlphaAndNoDiscrimination() {
    SittingResults results =
        SittingResults.builder()
            .item("Q1", ONE)
            .response("L1", "Q1", 1)
            .response("L2", "Q1", 0)
            .build();
    ItemAnalysisReport report = ItemAnalysis.analyse(results);
    assertTrue(report.alpha().reason().orElseThrow().contains("at least 2 items"));
    assertTrue(
        report
            .item("Q1")
            .orElseThrow()
            .discrimination()
            .reason()
            .orElseThrow()
            .contains("at least 2 items"));
    assertEquals(0.5, report.sdTotal().value(), 1e-12);
  }

  @Test
  void learnerMissingAnItemIsRejected() {
    SittingResults.Builder builder =
        SittingResults.builder()
            .item("Q1", ONE)
            .item("Q2", ONE)
            .response("L1", "Q1", 1)
            .response("L1", "Q2", 1)
            .response("L2", "Q1", 0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains("ragged data"), e.getMessage());
    assertTrue(e.getMessage().contains("'L2'"), e.getMessage());
    assertTrue(e.getMessage().contains("[Q2]"), e.getMessage());
  }

  @Test
  void multipleResponseCountsEverySelection() {
    SittingResults results =
        SittingResults.builder()
            .item("M", ONE, "A", "B", "C")
            .item("Q2", ONE)
            .response("L1", "M", 1, "A", "B")
            .response("L1", "Q2", 1)
            .response("L2", "M", 0.5, "A", "C")
            .response("L2", "Q2", 0)
            .response("L3", "M", 0)
            .response("L3", "Q2", 0)
            .build();
    ItemStatistics m = ItemAnalysis.analyse(results).item("M").orElseThrow();
    assertEquals(2, m.choiceCounts().get("A"));
    assertEquals(1, m.choiceCounts().get("B"));
    assertEquals(1, m.choiceCounts().get("C"));
    assertEquals(1, m.noAnswer());
    assertEquals(0.5, m.facility(), 1e-12);
  }
}
