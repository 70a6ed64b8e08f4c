package be.edusprong.lms.domain.adaptive;

import be.edusprong.lms.domain.adaptive.AdaptiveModule.Unit;
import be.edusprong.lms.domain.progress.ModuleProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A learner's path through one module ("jouw traject"): every unit in module order with its {@link
 * UnitStatus}.
 *
 * <p>The rule (docs/adaptive.md, "Path and progress"), per unit, first match wins:
 *
 * <ol>
 *   <li>DONE when the learner completed it (what they did is shown as done, whatever else holds);
 *   <li>EXEMPTED when the learner has a live exemption for the module (issue 3, point 7);
 *   <li>SKIPPABLE when the unit has at least one competence and the model counts every one of them
 *       as mastered (a unit without competences gives no ground to skip it);
 *   <li>NEXT for the first unit left, LATER for the others.
 * </ol>
 *
 * DONE, EXEMPTED and SKIPPABLE units count towards progress (issue 4, point 3: "skipped and
 * exempted units count towards progress and are shown as such"). The path is recomputed from the
 * current mastery, so a unit that was skippable becomes NEXT or LATER again when later answers
 * bring a competence under the threshold.
 *
 * @param moduleCode the module
 * @param steps the units in module order
 */
public record LearningPath(String moduleCode, List<Step> steps) {
  /**
   * One unit on the path.
   *
   * @param unitCode the unit
   * @param status its status
   */
  public record Step(String unitCode, UnitStatus status) {}

  public LearningPath {
    steps = List.copyOf(steps);
  }

  /**
   * Plans the path.
   *
   * @param model decides which competences are mastered
   * @param module the module's units and their competences
   * @param completedUnits codes of the units the learner completed (unknown codes are ignored)
   * @param mastery the learner's current state per competence; a competence without a state is not
   *     mastered
   * @param moduleExempted whether the learner has a live (PROPOSED or CONFIRMED) exemption for the
   *     module
   */
  public static LearningPath plan(
      BayesianKnowledgeTracing model,
      AdaptiveModule module,
      Set<String> completedUnits,
      Map<CompetenceCode, MasteryState> mastery,
      boolean moduleExempted) {
    List<Step> steps = new ArrayList<>();
    boolean nextGiven = false;
    for (Unit unit : module.units()) {
      UnitStatus status;
      if (completedUnits.contains(unit.code())) {
        status = UnitStatus.DONE;
      } else if (moduleExempted) {
        status = UnitStatus.EXEMPTED;
      } else if (allMastered(model, unit.competences(), mastery)) {
        status = UnitStatus.SKIPPABLE;
      } else if (!nextGiven) {
        status = UnitStatus.NEXT;
        nextGiven = true;
      } else {
        status = UnitStatus.LATER;
      }
      steps.add(new Step(unit.code(), status));
    }
    return new LearningPath(module.code(), steps);
  }

  private static boolean allMastered(
      BayesianKnowledgeTracing model,
      Set<CompetenceCode> competences,
      Map<CompetenceCode, MasteryState> mastery) {
    if (competences.isEmpty()) {
      return false;
    }
    for (CompetenceCode c : competences) {
      MasteryState s = mastery.get(c);
      if (s == null || !model.isMastered(s)) {
        return false;
      }
    }
    return true;
  }

  /** The unit to do next, if any is left. */
  public Optional<String> next() {
    return steps.stream()
        .filter(s -> s.status() == UnitStatus.NEXT)
        .map(Step::unitCode)
        .findFirst();
  }

  /** How many units have this status. */
  public int count(UnitStatus status) {
    return (int) steps.stream().filter(s -> s.status() == status).count();
  }

  /**
   * Progress with skippable and exempted units counted as well as done ones: {@code completedUnits}
   * of the result is DONE + SKIPPABLE + EXEMPTED.
   */
  public ModuleProgress progress() {
    int counted = (int) steps.stream().filter(s -> s.status().countsTowardsProgress()).count();
    return new ModuleProgress(moduleCode, counted, steps.size());
  }
}
