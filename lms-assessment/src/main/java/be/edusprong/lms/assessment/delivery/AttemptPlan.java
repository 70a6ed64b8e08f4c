package be.edusprong.lms.assessment.delivery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Which questions an attempt gets, in which order, and in which order their options are shown
 * (issue 3, point 3: "sections of fixed items or random draws from bank categories (a pool per
 * attempt), shuffled items and choices (per attempt, reproducible from a stored seed)").
 *
 * <p>The plan is a pure function of the sections and the seed: the same seed always gives the same
 * draws and orders, so a stored attempt can be generated again to check it, and attempts can be
 * generated before the start of a sitting (point 4: a synchronized start does not overload the
 * server). The random source is {@link java.util.Random}, whose algorithm is fixed by the Java SE
 * specification (a 48-bit linear congruential generator, {@code Random} class documentation), so
 * plans stay reproducible across JDK versions; {@link Collections#shuffle(List, Random)} is
 * specified as well (Fisher-Yates from the end). It is seeded with the attempt's seed passed
 * through the SplitMix64 finalizer ({@link #mix}), because the first draws of {@code Random} for
 * nearby seeds are strongly correlated.
 *
 * <p>Order of draws, fixed so that a plan never changes: for each section in order, first the draw
 * (shuffle the section's items, take the first {@code draw}), then, if the section shuffles, the
 * drawn items are left in their shuffled order, else put back in section order; then for each drawn
 * item in that order, its options are shuffled when asked ({@code shuffleOptions}) and always for
 * ordering items ({@link Question#alwaysShuffle}), whose options must not start in the right order
 * when they can be shown otherwise.
 */
public final class AttemptPlan {
  private AttemptPlan() {}

  /**
   * A question as the plan needs it.
   *
   * @param identifier the item identifier, unique within the assessment
   * @param optionIds the ids of its options in stored order (choices of a choice or ordering item;
   *     empty when it has none)
   * @param alwaysShuffle true for an ordering item: its stored order is the answer, so its options
   *     are always shown shuffled and never in the stored order (when there are two or more)
   */
  public record Question(String identifier, List<String> optionIds, boolean alwaysShuffle) {
    /** Copies the list. */
    public Question {
      Objects.requireNonNull(identifier, "identifier");
      optionIds = List.copyOf(optionIds);
    }
  }

  /**
   * A section of an assessment: fixed items, or a pool to draw from.
   *
   * @param questions the section's questions in order (a pool: the category's items)
   * @param draw how many to draw per attempt, {@code 1..questions.size()}; {@code questions.size()}
   *     for a fixed section
   * @param shuffle whether the drawn questions are shown in random order
   */
  public record Section(List<Question> questions, int draw, boolean shuffle) {
    /**
     * Copies the list and checks the draw.
     *
     * @throws IllegalArgumentException when {@code draw} is not in {@code 1..questions.size()}
     */
    public Section {
      questions = List.copyOf(questions);
      if (draw < 1 || draw > questions.size()) {
        throw new IllegalArgumentException(
            "a section draws 1.." + questions.size() + " questions, not " + draw);
      }
    }
  }

  /**
   * One planned question of an attempt.
   *
   * @param position 1-based place in the attempt
   * @param section 1-based section it was drawn from
   * @param identifier the item identifier
   * @param optionOrder the option ids in the order to show them (the stored order when not
   *     shuffled)
   */
  public record Planned(int position, int section, String identifier, List<String> optionOrder) {
    /** Copies the list. */
    public Planned {
      optionOrder = List.copyOf(optionOrder);
    }
  }

  /**
   * The SplitMix64 output function (Steele, Lea and Flood, "Fast splittable pseudorandom number
   * generators", OOPSLA 2014; constants of {@code java.util.SplittableRandom.mix64}): spreads every
   * bit of the seed over the whole word, so seeds 1, 2, 3 give unrelated sequences.
   *
   * @param seed any value
   * @return the mixed value
   */
  static long mix(long seed) {
    long z = seed + 0x9e3779b97f4a7c15L;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /**
   * Plans an attempt.
   *
   * @param sections the assessment's sections, in order, at least one
   * @param shuffleOptions whether choice options are shuffled (ordering items always are)
   * @param seed the attempt's seed
   * @return the questions in the order the attempt shows them
   * @throws IllegalArgumentException when there is no section or an identifier repeats
   */
  public static List<Planned> plan(List<Section> sections, boolean shuffleOptions, long seed) {
    if (sections.isEmpty()) {
      throw new IllegalArgumentException("an assessment has at least one section");
    }
    Random random = new Random(mix(seed));
    List<Planned> planned = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int s = 0; s < sections.size(); s++) {
      Section section = sections.get(s);
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < section.questions().size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      List<Integer> drawn = new ArrayList<>(order.subList(0, section.draw()));
      if (!section.shuffle()) {
        Collections.sort(drawn);
      }
      for (int index : drawn) {
        Question q = section.questions().get(index);
        if (!seen.add(q.identifier())) {
          throw new IllegalArgumentException("question " + q.identifier() + " appears twice");
        }
        List<String> options = new ArrayList<>(q.optionIds());
        if (q.alwaysShuffle() && options.size() > 1) {
          // Draw again until the order differs from the answer; terminates because some
          // permutation differs and each shuffle is uniform.
          do {
            Collections.shuffle(options, random);
          } while (options.equals(q.optionIds()));
        } else if (shuffleOptions) {
          Collections.shuffle(options, random);
        }
        planned.add(new Planned(planned.size() + 1, s + 1, q.identifier(), options));
      }
    }
    return planned;
  }
}
