package be.edusprong.lms.domain.adaptive;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bayesian Knowledge Tracing (Corbett and Anderson, 1995): a two-state hidden Markov model per
 * (learner, competence). The learner either masters the competence (L) or not; every answer is
 * evidence, and every practice opportunity may move an unmastered learner to mastered.
 *
 * <p>With p(L_n) the belief before answer n+1 and p(G), p(S), p(T) from {@link BktParameters}:
 *
 * <pre>
 * correct answer:   p(L_n | correct)   = p(L_n)(1 - p(S)) / [ p(L_n)(1 - p(S)) + (1 - p(L_n)) p(G) ]
 * incorrect answer: p(L_n | incorrect) = p(L_n) p(S)       / [ p(L_n) p(S) + (1 - p(L_n))(1 - p(G)) ]
 * learning:         p(L_n+1)           = p(L_n | answer) + (1 - p(L_n | answer)) p(T)
 * </pre>
 *
 * The start is p(L_0) = p(L0). Because p(G) + p(S) &lt; 1 (enforced by {@link BktParameters}), a
 * correct answer never lowers the belief and an incorrect one never raises the posterior; the
 * learning step never lowers it either. A competence counts as mastered when p(L) reaches the
 * {@linkplain #threshold() threshold}, by default {@value #DEFAULT_THRESHOLD}, the criterion
 * Corbett and Anderson's tutors used.
 *
 * <p>Immutable; the {@code with*} methods return a new model.
 */
public final class BayesianKnowledgeTracing {
  /** The default mastery threshold, 0.95 (Corbett and Anderson, 1995). */
  public static final double DEFAULT_THRESHOLD = 0.95;

  private final BktParameters defaults;
  private final Map<CompetenceCode, BktParameters> perCompetence;
  private final double threshold;

  private BayesianKnowledgeTracing(
      BktParameters defaults, Map<CompetenceCode, BktParameters> perCompetence, double threshold) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.perCompetence = Map.copyOf(perCompetence);
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("mastery threshold must be in (0, 1], is " + threshold);
    }
    this.threshold = threshold;
  }

  /** The model with {@link BktParameters#DEFAULTS} for every competence and threshold 0.95. */
  public static BayesianKnowledgeTracing withDefaults() {
    return new BayesianKnowledgeTracing(BktParameters.DEFAULTS, Map.of(), DEFAULT_THRESHOLD);
  }

  /** The model with these parameters for every competence that has none of its own. */
  public static BayesianKnowledgeTracing of(BktParameters defaults, double threshold) {
    return new BayesianKnowledgeTracing(defaults, Map.of(), threshold);
  }

  /** A copy that uses {@code parameters} for {@code competence}. */
  public BayesianKnowledgeTracing withParameters(
      CompetenceCode competence, BktParameters parameters) {
    Map<CompetenceCode, BktParameters> copy = new TreeMap<>(perCompetence);
    copy.put(Objects.requireNonNull(competence), Objects.requireNonNull(parameters));
    return new BayesianKnowledgeTracing(defaults, copy, threshold);
  }

  /**
   * A copy with another mastery threshold.
   *
   * @throws IllegalArgumentException when the threshold is outside (0, 1]
   */
  public BayesianKnowledgeTracing withThreshold(double newThreshold) {
    return new BayesianKnowledgeTracing(defaults, perCompetence, newThreshold);
  }

  /** The parameters used for {@code competence}. */
  public BktParameters parameters(CompetenceCode competence) {
    return perCompetence.getOrDefault(competence, defaults);
  }

  /** p(L) at or above which a competence counts as mastered, in (0, 1]. */
  public double threshold() {
    return threshold;
  }

  /** The state before any answer: p(L) = p(L0) of the competence, 0 observations. */
  public MasteryState initial(long learnerId, CompetenceCode competence) {
    return new MasteryState(learnerId, competence, parameters(competence).pInit(), 0);
  }

  /**
   * The state after one more answer: the posterior given the answer, then the learning transition
   * (formulas in the class documentation).
   *
   * @param state the state before the answer
   * @param correct whether the answer was correct (full marks; see docs/adaptive.md)
   * @return a new state with one more observation
   */
  public MasteryState update(MasteryState state, boolean correct) {
    BktParameters p = parameters(state.competence());
    double l = state.pMastery();
    double posterior;
    if (correct) {
      double mastered = l * (1 - p.pSlip());
      posterior = mastered / (mastered + (1 - l) * p.pGuess());
    } else {
      double mastered = l * p.pSlip();
      posterior = mastered / (mastered + (1 - l) * (1 - p.pGuess()));
    }
    double next = posterior + (1 - posterior) * p.pLearn();
    // Rounding may push a value a hair past 1; the state requires [0, 1].
    next = Math.min(1.0, Math.max(0.0, next));
    return new MasteryState(state.learnerId(), state.competence(), next, state.observations() + 1);
  }

  /**
   * The states after one answer to a question tagged with several competences: each of {@code
   * competences} is updated with {@link #update} (standard BKT treats every competence of a
   * question as observed once); a competence without a state yet starts from {@link #initial}. This
   * is the rule for practice answers and placement answers alike (docs/adaptive.md).
   *
   * @param states the learner's states per competence; not changed
   * @param learnerId the learner, used for competences that have no state yet
   * @param competences the question's competences
   * @param correct whether the answer was correct (full marks)
   * @return a new map with the updated states and the untouched others
   * @throws IllegalArgumentException when a given state belongs to another learner
   */
  public Map<CompetenceCode, MasteryState> updateAll(
      Map<CompetenceCode, MasteryState> states,
      long learnerId,
      Set<CompetenceCode> competences,
      boolean correct) {
    Map<CompetenceCode, MasteryState> next = new TreeMap<>(states);
    for (CompetenceCode c : competences) {
      MasteryState s = next.getOrDefault(c, initial(learnerId, c));
      if (s.learnerId() != learnerId || !s.competence().equals(c)) {
        throw new IllegalArgumentException(
            "state of learner "
                + s.learnerId()
                + " for "
                + s.competence()
                + " given as learner "
                + learnerId
                + "'s for "
                + c);
      }
      next.put(c, update(s, correct));
    }
    return next;
  }

  /** Whether the state has reached the mastery threshold. */
  public boolean isMastered(MasteryState state) {
    return state.pMastery() >= threshold;
  }

  /**
   * The probability that the next answer is correct: p(L)(1 - p(S)) + (1 - p(L)) p(G). Useful to
   * check the model against observed answers.
   */
  public double pCorrect(MasteryState state) {
    BktParameters p = parameters(state.competence());
    return state.pMastery() * (1 - p.pSlip()) + (1 - state.pMastery()) * p.pGuess();
  }
}
