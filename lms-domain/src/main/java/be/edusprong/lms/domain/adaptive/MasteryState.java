package be.edusprong.lms.domain.adaptive;

import java.util.Objects;

/**
 * What the model believes about one learner and one competence: the probability p(L) that the
 * learner masters it, after {@code observations} answers. Immutable; {@link
 * BayesianKnowledgeTracing#update} returns a new state.
 *
 * @param learnerId the learner (user account id)
 * @param competence the DigComp competence
 * @param pMastery p(L_n), in [0, 1]
 * @param observations answers taken into account so far, 0 or more
 */
public record MasteryState(
    long learnerId, CompetenceCode competence, double pMastery, int observations) {
  /**
   * @throws IllegalArgumentException when {@code pMastery} is outside [0, 1] or {@code
   *     observations} is negative
   */
  public MasteryState {
    Objects.requireNonNull(competence, "competence");
    if (!(pMastery >= 0 && pMastery <= 1)) {
      throw new IllegalArgumentException("p(L) must be in [0, 1], is " + pMastery);
    }
    if (observations < 0) {
      throw new IllegalArgumentException("observations must be 0 or more, is " + observations);
    }
  }

  /** Mastery as a whole percentage, 0-100, rounded half up: what the learner is shown. */
  public int percent() {
    return (int) Math.round(pMastery * 100);
  }
}
