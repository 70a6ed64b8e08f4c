package be.edusprong.lms.domain.adaptive;

import static be.edusprong.lms.domain.adaptive.Fixtures.C41;
import static be.edusprong.lms.domain.adaptive.Fixtures.C42;
import static be.edusprong.lms.domain.adaptive.UnitStatus.DONE;
import static be.edusprong.lms.domain.adaptive.UnitStatus.EXEMPTED;
import static be.edusprong.lms.domain.adaptive.UnitStatus.LATER;
import static be.edusprong.lms.domain.adaptive.UnitStatus.NEXT;
import static be.edusprong.lms.domain.adaptive.UnitStatus.SKIPPABLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.domain.progress.ModuleProgress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The learner's path ("jouw traject") and the progress it counts. */
class PlacementPathTest {
  private final BayesianKnowledgeTracing model = BayesianKnowledgeTracing.withDefaults();
  private final AdaptiveModule module = Fixtures.module();

  /** 4.2 mastered (0.982763), 4.1 not (0.628501): the placement of PlacementResultTest. */
  private final Map<CompetenceCode, MasteryState> placed =
      Map.of(
          C42, new MasteryState(1L, C42, 0.982763, 3), C41, new MasteryState(1L, C41, 0.628501, 3));

  @Test
  void unitsWhoseCompetencesAreAllMasteredMaySkipAndCountTowardsProgress() {
    LearningPath path = LearningPath.plan(model, module, Set.of(), placed, false);
    // u1 needs 4.1 too, u2 is only 4.2, u3 is 4.1, u4 has no competence
    assertEquals(List.of(NEXT, SKIPPABLE, LATER, LATER), statuses(path));
    assertEquals(Optional.of("u1"), path.next());
    assertEquals(new ModuleProgress("demo", 1, 4), path.progress());
    assertEquals(25, path.progress().percent());
  }

  @Test
  void doneUnitsStayDoneAndNextMovesOn() {
    LearningPath path = LearningPath.plan(model, module, Set.of("u1"), placed, false);
    assertEquals(List.of(DONE, SKIPPABLE, NEXT, LATER), statuses(path));
    assertEquals(50, path.progress().percent());
    assertEquals(1, path.count(DONE));
    assertEquals(1, path.count(SKIPPABLE));
  }

  @Test
  void aSkippableUnitTheLearnerDidAnywayIsDone() {
    LearningPath path = LearningPath.plan(model, module, Set.of("u2"), placed, false);
    assertEquals(List.of(NEXT, DONE, LATER, LATER), statuses(path));
  }

  @Test
  void anExemptedModuleCountsAllUnitsButShowsWhatWasDone() {
    LearningPath path = LearningPath.plan(model, module, Set.of("u1"), placed, true);
    assertEquals(List.of(DONE, EXEMPTED, EXEMPTED, EXEMPTED), statuses(path));
    assertTrue(path.progress().complete());
    assertEquals(Optional.empty(), path.next());
  }

  @Test
  void withoutPlacementNothingIsSkippable() {
    LearningPath path = LearningPath.plan(model, module, Set.of(), Map.of(), false);
    assertEquals(List.of(NEXT, LATER, LATER, LATER), statuses(path));
    assertEquals(0, path.progress().percent());
  }

  @Test
  void aUnitWithoutCompetencesIsNeverSkippable() {
    Map<CompetenceCode, MasteryState> all =
        Map.of(C42, new MasteryState(1L, C42, 0.99, 5), C41, new MasteryState(1L, C41, 0.99, 5));
    LearningPath path = LearningPath.plan(model, module, Set.of(), all, false);
    assertEquals(List.of(SKIPPABLE, SKIPPABLE, SKIPPABLE, NEXT), statuses(path));
    assertEquals(75, path.progress().percent());
    assertFalse(path.progress().complete());
  }

  @Test
  void aPracticeAnswerThatBringsMasteryUnderTheThresholdTakesTheSkipBack() {
    // 4.2 at 0.982763, one wrong practice answer:
    // posterior = 0.982763 * 0.1 / (0.0982763 + 0.017237 * 0.8) = 0.0982763 / 0.1120659 = 0.876951
    // next = 0.876951 + 0.123049 * 0.1 = 0.889256 < 0.95
    MasteryState after = model.update(placed.get(C42), false);
    assertEquals(0.889256, after.pMastery(), 1e-6);
    LearningPath path =
        LearningPath.plan(model, module, Set.of(), Map.of(C42, after, C41, placed.get(C41)), false);
    assertEquals(List.of(NEXT, LATER, LATER, LATER), statuses(path));
  }

  private static List<UnitStatus> statuses(LearningPath path) {
    return path.steps().stream().map(LearningPath.Step::status).collect(Collectors.toList());
  }
}
