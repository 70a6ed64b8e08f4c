package be.edusprong.lms.domain.adaptive;

import be.edusprong.lms.domain.adaptive.AdaptiveModule.BankItem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A short placement test drawn from a module's bank: for each competence of the module at least
 * {@code perCompetence} questions that are evidence for it, fewer only when the bank has fewer.
 *
 * <p>The draw (docs/adaptive.md, "Placement"): competences in code order; for each, the questions
 * already drawn that are tagged with it count; the rest is drawn from the questions tagged with it
 * that are not drawn yet, by a Fisher-Yates shuffle of the candidates (in module order) driven by
 * {@code new java.util.Random(seed)}. {@code java.util.Random}'s generator is specified by the JDK,
 * so the same bank and seed give the same test on every JVM.
 *
 * @param moduleCode the module
 * @param seed the seed it was drawn with (store it to draw the same test again)
 * @param perCompetence questions asked for per competence, 1 or more
 * @param items the questions, in the order they are shown
 * @param shortfall per competence, how many questions the bank lacked (absent when none)
 */
public record PlacementTest(
    String moduleCode,
    long seed,
    int perCompetence,
    List<BankItem> items,
    Map<CompetenceCode, Integer> shortfall) {
  /** Questions per competence when nobody says otherwise: 3 (docs/adaptive.md says why). */
  public static final int DEFAULT_PER_COMPETENCE = 3;

  public PlacementTest {
    items = List.copyOf(items);
    shortfall = Collections.unmodifiableMap(new TreeMap<>(shortfall));
  }

  /**
   * Draws a placement test.
   *
   * @param module the module and its bank
   * @param perCompetence questions per competence, 1 or more
   * @param seed any value; the same seed gives the same test
   * @throws IllegalArgumentException when {@code perCompetence} is below 1
   */
  public static PlacementTest draw(AdaptiveModule module, int perCompetence, long seed) {
    if (perCompetence < 1) {
      throw new IllegalArgumentException(
          "questions per competence must be 1 or more, is " + perCompetence);
    }
    Random random = new Random(seed);
    Set<BankItem> drawn = new LinkedHashSet<>();
    Map<CompetenceCode, Integer> shortfall = new TreeMap<>();
    for (CompetenceCode c : module.competences()) {
      long have = drawn.stream().filter(i -> i.competences().contains(c)).count();
      int need = (int) Math.max(0, perCompetence - have);
      List<BankItem> candidates = new ArrayList<>();
      for (BankItem i : module.bank()) {
        if (i.competences().contains(c) && !drawn.contains(i)) {
          candidates.add(i);
        }
      }
      shuffle(candidates, random);
      int take = Math.min(need, candidates.size());
      drawn.addAll(candidates.subList(0, take));
      if (take < need) {
        shortfall.put(c, need - take);
      }
    }
    return new PlacementTest(module.code(), seed, perCompetence, new ArrayList<>(drawn), shortfall);
  }

  /** Fisher-Yates, written out so the order depends on nothing but {@code Random}'s contract. */
  private static void shuffle(List<BankItem> list, Random random) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }
}
