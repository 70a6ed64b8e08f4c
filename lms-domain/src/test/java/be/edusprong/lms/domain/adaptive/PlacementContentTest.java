package be.edusprong.lms.domain.adaptive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.domain.adaptive.AdaptiveModule.BankItem;
import be.edusprong.lms.domain.content.ContentPackage;
import be.edusprong.lms.domain.content.ContentPackage.ModulePackage;
import be.edusprong.lms.domain.content.ContentPackageReader;
import be.edusprong.lms.domain.content.ContentSource;
import be.edusprong.lms.domain.module.ModuleKind;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Placement against the shipped open modules in {@code content/modules}, tagged as they are. */
class PlacementContentTest {
  private static final Path CONTENT = Path.of("..", "content").toAbsolutePath().normalize();
  private final BayesianKnowledgeTracing model = BayesianKnowledgeTracing.withDefaults();

  @Test
  void everyOpenModuleGetsAShortTestCoveringEachOfItsCompetences() {
    ContentPackage content = new ContentPackageReader(ContentSource.directory(CONTENT)).read();
    int open = 0;
    for (ModulePackage m : content.modules()) {
      if (m.kind() != ModuleKind.OPEN) {
        continue;
      }
      open++;
      AdaptiveModule module = AdaptiveModule.of(m);
      PlacementTest test = PlacementTest.draw(module, PlacementTest.DEFAULT_PER_COMPETENCE, 2026L);
      assertEquals(Map.of(), test.shortfall(), m.code());
      for (CompetenceCode c : module.competences()) {
        long n = test.items().stream().filter(i -> i.competences().contains(c)).count();
        assertTrue(n >= 3, m.code() + " " + c + " has " + n + " questions");
      }
      assertTrue(
          test.items().size() <= 3 * module.competences().size(),
          m.code() + " test of " + test.items().size());
    }
    assertEquals(3, open);
  }

  @Test
  void aLearnerWhoAnswersEverythingRightInVeiligOnlineMaySkipEveryUnit() {
    ModulePackage veiligOnline =
        new ContentPackageReader(ContentSource.directory(CONTENT))
            .read().modules().stream()
                .filter(m -> m.code().equals("veilig-online"))
                .findFirst()
                .orElseThrow();
    AdaptiveModule module = AdaptiveModule.of(veiligOnline);
    assertEquals(Set.of(CompetenceCode.of("4.1"), CompetenceCode.of("4.2")), module.competences());
    PlacementTest test = PlacementTest.draw(module, 3, 7L);
    Map<String, Boolean> answers = new HashMap<>();
    for (BankItem i : test.items()) {
      answers.put(i.id(), true);
    }
    PlacementResult result = PlacementResult.estimate(model, 3L, module, test, answers);
    assertTrue(result.estimates().values().stream().allMatch(PlacementResult.Estimate::mastered));
    LearningPath path = LearningPath.plan(model, module, Set.of(), result.states(), false);
    assertEquals(5, path.count(UnitStatus.SKIPPABLE));
    assertTrue(path.progress().complete());

    // all wrong: nothing mastered, the first unit is next
    answers.replaceAll((id, correct) -> false);
    result = PlacementResult.estimate(model, 3L, module, test, answers);
    path = LearningPath.plan(model, module, Set.of(), result.states(), false);
    assertEquals("wachtwoorden", path.next().orElseThrow());
    assertEquals(0, path.progress().completedUnits());
  }
}
