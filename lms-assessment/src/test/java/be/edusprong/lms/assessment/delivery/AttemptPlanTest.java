package be.edusprong.lms.assessment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.delivery.AttemptPlan.Planned;
import be.edusprong.lms.assessment.delivery.AttemptPlan.Question;
import be.edusprong.lms.assessment.delivery.AttemptPlan.Section;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AttemptPlanTest {
  private static final List<String> ABCD = List.of("A", "B", "C", "D");

  private static List<Question> questions(String prefix, int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> new Question(prefix + i, ABCD, false))
        .toList();
  }

  @Test
  void aFixedSectionWithoutShufflingIsTheAssessmentAsWritten() {
    List<Planned> plan =
        AttemptPlan.plan(List.of(new Section(questions("q", 3), 3, false)), false, 42);
    assertEquals(List.of("q1", "q2", "q3"), plan.stream().map(Planned::identifier).toList());
    assertEquals(List.of(1, 2, 3), plan.stream().map(Planned::position).toList());
    plan.forEach(p -> assertEquals(ABCD, p.optionOrder()));
  }

  @Test
  void theSameSeedGivesTheSamePlanAndOtherSeedsOtherPlans() {
    List<Section> sections =
        List.of(new Section(questions("a", 10), 4, true), new Section(questions("b", 6), 2, false));
    List<Planned> first = AttemptPlan.plan(sections, true, 123456789L);
    assertEquals(first, AttemptPlan.plan(sections, true, 123456789L));
    Set<List<Planned>> distinct = new HashSet<>();
    for (long seed = 0; seed < 50; seed++) {
      distinct.add(AttemptPlan.plan(sections, true, seed));
    }
    assertTrue(distinct.size() > 45, "50 seeds gave only " + distinct.size() + " plans");
  }

  @Test
  void aPlanIsPinnedForItsSeedSoStoredAttemptsStayReproducible() {
    // java.util.Random and Collections.shuffle are specified by Java SE: this plan must never
    // change, or attempts generated before an upgrade could not be generated again.
    List<Planned> plan =
        AttemptPlan.plan(List.of(new Section(questions("q", 5), 3, true)), true, 2026L);
    assertEquals(
        List.of(
            new Planned(1, 1, "q3", List.of("C", "D", "B", "A")),
            new Planned(2, 1, "q2", List.of("D", "C", "A", "B")),
            new Planned(3, 1, "q4", List.of("D", "B", "C", "A"))),
        plan);
  }

  @Test
  void theSeedIsMixedWithSplitMix64() {
    // The first output of the reference splitmix64.c (Vigna) for state 0.
    assertEquals(0xe220a8397b1dcdafL, AttemptPlan.mix(0));
  }

  @Test
  void poolsDrawTheirCountFromTheirOwnQuestionsAndEveryQuestionGetsDrawn() {
    List<Section> sections =
        List.of(new Section(questions("a", 8), 3, false), new Section(questions("b", 5), 2, true));
    Map<String, Integer> drawn = new HashMap<>();
    for (long seed = 0; seed < 400; seed++) {
      List<Planned> plan = AttemptPlan.plan(sections, false, seed);
      assertEquals(5, plan.size());
      List<Planned> a = plan.subList(0, 3);
      assertTrue(a.stream().allMatch(p -> p.section() == 1 && p.identifier().startsWith("a")));
      // Not shuffled: the drawn questions keep the section's order.
      List<String> ids = a.stream().map(Planned::identifier).toList();
      assertEquals(ids.stream().sorted().toList(), ids);
      assertTrue(plan.subList(3, 5).stream().allMatch(p -> p.identifier().startsWith("b")));
      plan.forEach(p -> drawn.merge(p.identifier(), 1, Integer::sum));
    }
    assertEquals(13, drawn.size(), "every question is drawn sometime: " + drawn);
    // 400 draws of 3 out of 8: each about 150 times.
    drawn.forEach(
        (id, n) -> {
          if (id.startsWith("a")) {
            assertTrue(n > 100 && n < 200, id + " drawn " + n + " times");
          }
        });
  }

  @Test
  void orderingOptionsNeverStartInTheRightOrder() {
    Question ordering = new Question("volgorde", List.of("A", "B", "C"), true);
    Question two = new Question("twee", List.of("A", "B"), true);
    Question one = new Question("een", List.of("A"), true);
    for (long seed = 0; seed < 200; seed++) {
      List<Planned> plan =
          AttemptPlan.plan(
              List.of(new Section(List.of(ordering, two, one), 3, false)), false, seed);
      assertNotEquals(List.of("A", "B", "C"), plan.get(0).optionOrder());
      assertEquals(List.of("B", "A"), plan.get(1).optionOrder());
      assertEquals(List.of("A"), plan.get(2).optionOrder());
    }
  }

  @Test
  void badSectionsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Section(questions("q", 2), 3, false));
    assertThrows(IllegalArgumentException.class, () -> new Section(questions("q", 2), 0, false));
    assertThrows(IllegalArgumentException.class, () -> AttemptPlan.plan(List.of(), false, 1));
    Section s = new Section(questions("q", 2), 2, false);
    assertThrows(IllegalArgumentException.class, () -> AttemptPlan.plan(List.of(s, s), false, 1));
  }
}
