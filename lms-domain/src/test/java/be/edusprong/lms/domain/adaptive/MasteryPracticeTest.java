package be.edusprong.lms.domain.adaptive;

import static be.edusprong.lms.domain.adaptive.Fixtures.C41;
import static be.edusprong.lms.domain.adaptive.Fixtures.C42;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A practice answer updates every competence of its question, and only those. */
class MasteryPracticeTest {
  private final BayesianKnowledgeTracing model = BayesianKnowledgeTracing.withDefaults();
  private static final CompetenceCode C11 = CompetenceCode.of("1.1");

  @Test
  void aQuestionOnTwoCompetencesUpdatesBothAndLeavesTheRest() {
    MasteryState c42 = new MasteryState(5L, C42, 717.0 / 780.0, 2); // 0.919231
    MasteryState c11 = new MasteryState(5L, C11, 0.5, 4);
    Map<CompetenceCode, MasteryState> before = Map.of(C42, c42, C11, c11);

    Map<CompetenceCode, MasteryState> after = model.updateAll(before, 5L, Set.of(C41, C42), true);

    // 4.1 had no state: from p(L0) = 0.3, one right answer -> 142/205 = 0.692683
    assertEquals(142.0 / 205.0, after.get(C41).pMastery(), 1e-9);
    assertEquals(1, after.get(C41).observations());
    // 4.2: 0.919231 -> 0.982763 (MasteryModelTest, third right answer)
    assertEquals(0.982763, after.get(C42).pMastery(), 1e-6);
    assertEquals(3, after.get(C42).observations());
    // 1.1 is not on the question
    assertSame(c11, after.get(C11));
    // the input is not changed
    assertEquals(2, before.size());
    assertSame(c42, before.get(C42));
  }

  @Test
  void anotherLearnersStateIsRefused() {
    Map<CompetenceCode, MasteryState> theirs = Map.of(C42, new MasteryState(6L, C42, 0.5, 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> model.updateAll(theirs, 5L, Set.of(C42), true));
    assertEquals(true, e.getMessage().contains("learner 6"), e.getMessage());
  }
}
