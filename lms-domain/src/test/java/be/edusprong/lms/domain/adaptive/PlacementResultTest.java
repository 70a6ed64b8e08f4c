package be.edusprong.lms.domain.adaptive;

import static be.edusprong.lms.domain.adaptive.Fixtures.C41;
import static be.edusprong.lms.domain.adaptive.Fixtures.C42;
import static be.edusprong.lms.domain.adaptive.Fixtures.bankItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Estimating mastery per competence from a placement test's answers. */
class PlacementResultTest {
  private final BayesianKnowledgeTracing model = BayesianKnowledgeTracing.withDefaults();
  private final AdaptiveModule module = Fixtures.module();

  /** A fixed test: a (4.1, 4.2), d, e, f (4.2), h, i (4.1). */
  private final PlacementTest test =
      new PlacementTest(
          "demo",
          5L,
          3,
          List.of(
              bankItem("u1/a"),
              bankItem("u2/d"),
              bankItem("u2/e"),
              bankItem("u2/f"),
              bankItem("u3/h"),
              bankItem("u3/i")),
          Map.of());

  @Test
  void eachAnswerUpdatesEveryCompetenceOfItsQuestionInTestOrder() {
    // a right (4.1 and 4.2), d right, e right, f unanswered, h right, i wrong
    PlacementResult result =
        PlacementResult.estimate(
            model,
            11L,
            module,
            test,
            Map.of("u1/a", true, "u2/d", true, "u2/e", true, "u3/h", true, "u3/i", false));
    // 4.2: right, right, right from 0.3 -> 0.692683 -> 0.919231 -> 0.982763 (MasteryModelTest)
    PlacementResult.Estimate e42 = result.estimates().get(C42);
    assertEquals(0.982763, e42.state().pMastery(), 1e-6);
    assertEquals(3, e42.state().observations());
    assertTrue(e42.mastered());
    // 4.1: right (a), right (h), wrong (i) -> 0.692683 -> 0.919231 -> 0.628501
    //      (the first three steps of MasteryWorkedExampleTest)
    PlacementResult.Estimate e41 = result.estimates().get(C41);
    assertEquals(0.628501, e41.state().pMastery(), 1e-6);
    assertEquals(3, e41.state().observations());
    assertFalse(e41.mastered());
    assertEquals(11L, e41.state().learnerId());
    assertEquals(2, result.level());
    assertEquals(List.of(C41, C42), List.copyOf(result.estimates().keySet()));
  }

  @Test
  void noAnswersLeaveEveryCompetenceAtItsStartAndUnassessed() {
    PlacementResult result = PlacementResult.estimate(model, 11L, module, test, Map.of());
    for (PlacementResult.Estimate e : result.estimates().values()) {
      assertEquals(0.3, e.state().pMastery());
      assertEquals(0, e.state().observations());
      assertFalse(e.mastered());
    }
  }

  @Test
  void anAnswerToAQuestionOutsideTheTestIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PlacementResult.estimate(model, 11L, module, test, Map.of("u1/b", true)));
    assertTrue(e.getMessage().contains("u1/b"), e.getMessage());
  }
}
