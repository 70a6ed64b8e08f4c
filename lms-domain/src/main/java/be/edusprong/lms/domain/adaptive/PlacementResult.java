package be.edusprong.lms.domain.adaptive;

import be.edusprong.lms.domain.adaptive.AdaptiveModule.BankItem;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a placement test says about a learner, per competence of the module.
 *
 * <p>The estimate (docs/adaptive.md, "Placement"): every competence starts at p(L0); the answers
 * are taken in the order of the test, and each answer updates, with {@link
 * BayesianKnowledgeTracing#update}, every competence its question is tagged with. A question left
 * unanswered is no evidence either way. This is the same model and the same update as for practice
 * answers, so the placement is simply the first few observations.
 *
 * @param learnerId the learner
 * @param moduleCode the module
 * @param level the DigComp proficiency level the module's questions test
 * @param estimates per competence of the module, in code order
 */
public record PlacementResult(
    long learnerId, String moduleCode, int level, Map<CompetenceCode, Estimate> estimates) {

  /**
   * The estimate for one competence.
   *
   * @param state p(L) after the answers, and how many answers it rests on (0: not assessed)
   * @param mastered whether p(L) reached the model's threshold: the learner is estimated to master
   *     the competence at {@code level} (and so at the levels below)
   */
  public record Estimate(MasteryState state, boolean mastered) {}

  public PlacementResult {
    estimates = Collections.unmodifiableMap(new TreeMap<>(estimates));
  }

  /**
   * Estimates mastery from the answers to a placement test.
   *
   * @param model the BKT model (parameters and threshold)
   * @param learnerId the learner
   * @param module the module the test was drawn from
   * @param test the test
   * @param answers per question id ({@link BankItem#id()}), whether the answer was correct; may
   *     leave questions out
   * @throws IllegalArgumentException when an answer names a question that is not in the test
   */
  public static PlacementResult estimate(
      BayesianKnowledgeTracing model,
      long learnerId,
      AdaptiveModule module,
      PlacementTest test,
      Map<String, Boolean> answers) {
    Set<String> inTest = new HashSet<>();
    test.items().forEach(i -> inTest.add(i.id()));
    for (String id : answers.keySet()) {
      if (!inTest.contains(id)) {
        throw new IllegalArgumentException("question " + id + " is not in this placement test");
      }
    }
    Map<CompetenceCode, MasteryState> states = new TreeMap<>();
    for (CompetenceCode c : module.competences()) {
      states.put(c, model.initial(learnerId, c));
    }
    for (BankItem item : test.items()) {
      Boolean correct = answers.get(item.id());
      if (correct == null) {
        continue;
      }
      states = model.updateAll(states, learnerId, item.competences(), correct);
    }
    Map<CompetenceCode, Estimate> estimates = new TreeMap<>();
    states.forEach((c, s) -> estimates.put(c, new Estimate(s, model.isMastered(s))));
    return new PlacementResult(learnerId, module.code(), module.level(), estimates);
  }

  /** The states alone, per competence: what a learning path needs. */
  public Map<CompetenceCode, MasteryState> states() {
    Map<CompetenceCode, MasteryState> states = new TreeMap<>();
    estimates.forEach((c, e) -> states.put(c, e.state()));
    return states;
  }
}
