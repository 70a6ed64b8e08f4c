package be.edusprong.lms.domain.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/adaptive.md, "Worked example": a learner answers five questions on
 * competence 4.2 (right, right, wrong, right, right) with the default parameters. If this test
 * changes, the table in the docs changes with it.
 */
class MasteryWorkedExampleTest {
  @Test
  void fiveAnswersStepByStep() {
    BayesianKnowledgeTracing model = BayesianKnowledgeTracing.withDefaults();
    MasteryState s = model.initial(42L, CompetenceCode.of("4.2"));
    boolean[] answers = {true, true, false, true, true};
    // exact values of p(L_n) after each answer (fractions in the docs)
    double[] expected = {
      142.0 / 205.0, // 0.692683: 0.27 / 0.41 = 27/41, + (14/41) * 0.1
      717.0 / 780.0, // 0.919231: 0.623415 / 0.684878 = 71/78, + (7/78) * 0.1
      0.628501, //      0.091923 / 0.156538 = 239/407 = 0.587224, + 0.412776 * 0.1
      0.895508, //      0.565651 / 0.639951 = 1279/1447 = 0.883898, + 0.116102 * 0.1
      0.977253 //       0.805957 / 0.826856 = 6479/6647 = 0.974725, + 0.025275 * 0.1
    };
    boolean[] mastered = {false, false, false, false, true};
    for (int n = 0; n < answers.length; n++) {
      s = model.update(s, answers[n]);
      assertEquals(expected[n], s.pMastery(), 1e-6, "after answer " + (n + 1));
      assertEquals(mastered[n], model.isMastered(s), "mastered after answer " + (n + 1));
    }
    assertEquals(5, s.observations());
    assertEquals(98, s.percent());
    assertTrue(model.isMastered(s));
    assertFalse(model.isMastered(model.update(s, false)), "one slip now drops it below 0.95");
  }
}
