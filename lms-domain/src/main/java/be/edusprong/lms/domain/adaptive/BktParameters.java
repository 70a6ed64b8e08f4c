package be.edusprong.lms.domain.adaptive;

/**
 * The four parameters of Bayesian Knowledge Tracing for one competence (Corbett and Anderson, 1995,
 * "Knowledge tracing: Modeling the acquisition of procedural knowledge", User Modeling and
 * User-Adapted Interaction 4: 253-278). All are probabilities.
 *
 * @param pInit p(L0): the learner masters the competence before the first answer, in [0, 1]
 * @param pLearn p(T): a learner who does not master it yet does after one practice opportunity, in
 *     [0, 1]
 * @param pGuess p(G): a learner who does not master it answers correctly anyway, in (0, 1)
 * @param pSlip p(S): a learner who masters it answers incorrectly anyway, in (0, 1)
 */
public record BktParameters(double pInit, double pLearn, double pGuess, double pSlip) {
  /**
   * The defaults for every competence (docs/adaptive.md, "Parameters", says why each value): p(L0)
   * = 0.3, p(T) = 0.1, p(G) = 0.2, p(S) = 0.1.
   */
  public static final BktParameters DEFAULTS = new BktParameters(0.3, 0.1, 0.2, 0.1);

  /**
   * @throws IllegalArgumentException naming the parameter when one is outside its range, or when
   *     p(G) + p(S) is not below 1 (then a correct answer would be at least as likely without
   *     mastery as with it, and a correct answer would lower the estimate: the model is degenerate)
   */
  public BktParameters {
    requireIn("p(L0)", pInit, false);
    requireIn("p(T)", pLearn, false);
    requireIn("p(G)", pGuess, true);
    requireIn("p(S)", pSlip, true);
    if (!(pGuess + pSlip < 1)) {
      throw new IllegalArgumentException(
          "p(G) + p(S) must be below 1, is " + pGuess + " + " + pSlip);
    }
  }

  private static void requireIn(String name, double p, boolean open) {
    boolean ok = open ? p > 0 && p < 1 : p >= 0 && p <= 1;
    if (!ok) {
      throw new IllegalArgumentException(
          name + " must be in " + (open ? "(0, 1)" : "[0, 1]") + ", is " + p);
    }
  }
}
