package be.edusprong.lms.assessment.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Validation of {@link SittingResults}: every rejection says what is wrong, and where. */
class ItemAnalysisInputTest {

  private static final BigDecimal ONE = BigDecimal.ONE;

  private static void rejects(String expected, Executable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static SittingResults.Builder twoItems() {
    return SittingResults.builder().item("Q1", ONE, "A", "B").item("Q2", new BigDecimal("2"));
  }

  @Test
  void negativeScore() {
    rejects("score must be >= 0", () -> twoItems().response("L1", "Q1", -1));
  }

  @Test
  void scoreAboveMax() {
    rejects("exceeds the item's max of 2", () -> twoItems().response("L1", "Q2", 2.5));
  }

  @Test
  void unknownItem() {
    rejects("item 'Q9' was not declared", () -> twoItems().response("L1", "Q9", 0));
  }

  @Test
  void unknownChoice() {
    rejects(
        "choice 'Z' is not one of the item's choices",
        () -> twoItems().response("L1", "Q1", 0, "Z"));
    rejects("is not one of the item's choices", () -> twoItems().response("L1", "Q2", 0, "A"));
  }

  @Test
  void repeatedChoiceAndResponse() {
    rejects("given twice", () -> twoItems().response("L1", "Q1", 0, "A", "A"));
    rejects(
        "two responses for item 'Q1'",
        () -> twoItems().response("L1", "Q1", 1, "A").response("L1", "Q1", 0, "B"));
  }

  @Test
  void badItemDeclarations() {
    rejects("declared twice", () -> twoItems().item("Q1", ONE));
    rejects("max must be > 0", () -> SittingResults.builder().item("Q1", BigDecimal.ZERO));
    rejects("max must be > 0", () -> SittingResults.builder().item("Q1", new BigDecimal("-1")));
    rejects(
        "choice 'A' is declared twice", () -> SittingResults.builder().item("Q", ONE, "A", "A"));
    rejects("item id must not be blank", () -> SittingResults.builder().item(" ", ONE));
    rejects("learner key must not be blank", () -> twoItems().response("", "Q1", 0));
  }

  @Test
  void emptySittings() {
    rejects("at least one item", () -> SittingResults.builder().build());
    rejects("at least one learner", () -> twoItems().build());
  }

  @Test
  void orderIsKeptAndUnansweredIsExplicit() {
    SittingResults results =
        twoItems()
            .response("b", "Q1", 0)
            .response("b", "Q2", 1.5)
            .response("a", "Q1", 1, "A")
            .response("a", "Q2", 0)
            .build();
    assertEquals(List.of("b", "a"), results.learners());
    assertEquals(List.of("Q1", "Q2"), results.items().stream().map(i -> i.id()).toList());
    assertTrue(results.response("b", "Q1").chosen().isEmpty());
    assertEquals(0, new BigDecimal("1.5").compareTo(results.response("b", "Q2").score()));
    rejects("unknown learner", () -> results.response("c", "Q1"));
  }
}
