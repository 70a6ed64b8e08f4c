package be.edusprong.lms.domain.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bayesian Knowledge Tracing: hand-computed updates, its properties and its parameter checks. */
class MasteryModelTest {
  private static final double EPS = 1e-9;
  private static final CompetenceCode C42 = CompetenceCode.of("4.2");
  private final BayesianKnowledgeTracing model = BayesianKnowledgeTracing.withDefaults();

  @Test
  void defaultsAreTheDocumentedOnes() {
    BktParameters p = model.parameters(C42);
    assertEquals(0.3, p.pInit());
    assertEquals(0.1, p.pLearn());
    assertEquals(0.2, p.pGuess());
    assertEquals(0.1, p.pSlip());
    assertEquals(0.95, model.threshold());
    MasteryState start = model.initial(7L, C42);
    assertEquals(0.3, start.pMastery());
    assertEquals(0, start.observations());
    assertEquals(7L, start.learnerId());
  }

  @Test
  void aCorrectAnswerFromTheStart() {
    // p(L0) = 0.3, p(S) = 0.1, p(G) = 0.2, p(T) = 0.1
    // posterior = 0.3 * 0.9 / (0.3 * 0.9 + 0.7 * 0.2) = 0.27 / (0.27 + 0.14) = 0.27 / 0.41 = 27/41
    // next      = 27/41 + (14/41) * 0.1 = 28.4/41 = 142/205 = 0.692682926...
    MasteryState after = model.update(model.initial(1L, C42), true);
    assertEquals(142.0 / 205.0, after.pMastery(), EPS);
    assertEquals(0.692683, after.pMastery(), 1e-6);
    assertEquals(1, after.observations());
    assertEquals(69, after.percent());
  }

  @Test
  void anIncorrectAnswerFromTheStart() {
    // posterior = 0.3 * 0.1 / (0.3 * 0.1 + 0.7 * 0.8) = 0.03 / (0.03 + 0.56) = 0.03 / 0.59 = 3/59
    // next      = 3/59 + (56/59) * 0.1 = 8.6/59 = 43/295 = 0.145762711...
    MasteryState after = model.update(model.initial(1L, C42), false);
    assertEquals(43.0 / 295.0, after.pMastery(), EPS);
    assertEquals(0.145763, after.pMastery(), 1e-6);
  }

  @Test
  void threeCorrectAnswersFromTheStartReachMasteryAndTwoDoNot() {
    // 1: 0.692683 (see above)
    // 2: posterior = 0.692683 * 0.9 / (0.623415 + 0.307317 * 0.2) = 0.623415 / 0.684878 = 71/78
    //    next = 71/78 + (7/78) * 0.1 = 71.7/78 = 0.919231  (< 0.95: not mastered)
    // 3: posterior = 0.919231 * 0.9 / (0.827308 + 0.080769 * 0.2) = 0.827308 / 0.843462 = 0.980848
    //    next = 0.980848 + 0.019152 * 0.1 = 0.982763  (>= 0.95: mastered)
    MasteryState s = model.update(model.initial(1L, C42), true);
    s = model.update(s, true);
    assertEquals(717.0 / 780.0, s.pMastery(), EPS);
    assertFalse(model.isMastered(s));
    s = model.update(s, true);
    assertEquals(0.982763, s.pMastery(), 1e-6);
    assertTrue(model.isMastered(s));
  }

  @Test
  void parametersPerCompetenceOverrideTheDefaults() {
    CompetenceCode c41 = CompetenceCode.of("4.1");
    BayesianKnowledgeTracing tuned =
        model.withParameters(c41, new BktParameters(0.5, 0.0, 0.25, 0.05));
    // 4.1: posterior = 0.5 * 0.95 / (0.5 * 0.95 + 0.5 * 0.25) = 0.475 / 0.6 = 0.791666...; p(T) = 0
    assertEquals(0.475 / 0.6, tuned.update(tuned.initial(1L, c41), true).pMastery(), EPS);
    // 4.2 keeps the defaults
    assertEquals(142.0 / 205.0, tuned.update(tuned.initial(1L, C42), true).pMastery(), EPS);
    // and the original model is unchanged (immutable)
    assertEquals(0.3, model.initial(1L, c41).pMastery());
  }

  @Test
  void aCorrectAnswerNeverLowersMasteryAndEveryStateStaysWithinBounds() {
    Random random = new Random(20261202L);
    for (int run = 0; run < 2_000; run++) {
      double g = 0.01 + random.nextDouble() * 0.48;
      double sl = 0.01 + random.nextDouble() * 0.48;
      BktParameters p = new BktParameters(random.nextDouble(), random.nextDouble(), g, sl);
      BayesianKnowledgeTracing m = BayesianKnowledgeTracing.of(p, 0.95);
      MasteryState s = m.initial(1L, C42);
      for (int step = 0; step < 30; step++) {
        boolean correct = random.nextBoolean();
        MasteryState next = m.update(s, correct);
        assertTrue(next.pMastery() >= 0 && next.pMastery() <= 1, "bounds: " + next);
        if (correct) {
          assertTrue(
              next.pMastery() >= s.pMastery() - 1e-12,
              "correct answer lowered " + s.pMastery() + " to " + next.pMastery() + " with " + p);
        }
        s = next;
      }
    }
  }

  @Test
  void theExtremesStayDefined() {
    // p(L) = 1 stays 1 after a wrong answer (a slip), p(L) = 0 rises only by learning.
    BayesianKnowledgeTracing sure =
        BayesianKnowledgeTracing.of(new BktParameters(1, 0.1, 0.2, 0.1), 0.95);
    assertEquals(1.0, sure.update(sure.initial(1L, C42), false).pMastery(), EPS);
    BayesianKnowledgeTracing none =
        BayesianKnowledgeTracing.of(new BktParameters(0, 0.1, 0.2, 0.1), 0.95);
    // posterior = 0 / (0 + 1 * 0.2) = 0; next = 0 + 1 * 0.1 = 0.1
    assertEquals(0.1, none.update(none.initial(1L, C42), true).pMastery(), EPS);
  }

  @Test
  void invalidParametersAreRefusedNamingTheParameter() {
    assertMessage("p(L0)", () -> new BktParameters(1.2, 0.1, 0.2, 0.1));
    assertMessage("p(L0)", () -> new BktParameters(Double.NaN, 0.1, 0.2, 0.1));
    assertMessage("p(T)", () -> new BktParameters(0.3, -0.1, 0.2, 0.1));
    assertMessage("p(G)", () -> new BktParameters(0.3, 0.1, 0.0, 0.1));
    assertMessage("p(S)", () -> new BktParameters(0.3, 0.1, 0.2, 1.0));
    assertMessage("p(G) + p(S)", () -> new BktParameters(0.3, 0.1, 0.6, 0.4));
    assertMessage("p(G) + p(S)", () -> new BktParameters(0.3, 0.1, 0.7, 0.5));
    assertMessage("threshold", () -> model.withThreshold(0));
    assertMessage("threshold", () -> model.withThreshold(1.01));
    assertMessage("p(L)", () -> new MasteryState(1L, C42, 1.5, 0));
    assertMessage("DigComp", () -> CompetenceCode.of("4.5"));
    assertMessage("DigComp", () -> CompetenceCode.of("6.1"));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
    assertTrue(ex.getMessage().contains(expected), ex.getMessage() + " should name " + expected);
  }
}
