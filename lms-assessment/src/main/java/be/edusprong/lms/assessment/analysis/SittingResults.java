package be.edusprong.lms.assessment.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The scored responses of one sitting: for every learner and every item, the points earned and, for
 * choice items, the choice identifiers the learner selected. This is the input of {@link
 * ItemAnalysis#analyse(SittingResults)}.
 *
 * <p><b>Units.</b> Scores and maxima are in <em>points</em>, as {@link BigDecimal} (the unit of
 * {@link be.edusprong.lms.assessment.scoring.Score}: {@code raw} and {@code max}). Every learner's
 * score on an item lies in {@code 0..max} of that item; the maximum is declared once per item and
 * is the same for every learner.
 *
 * <p><b>Complete data only.</b> Every learner must have exactly one response for every declared
 * item. A missing response is <em>rejected</em> (not silently counted as 0 points), because absence
 * is ambiguous (an item not in that learner's draw, a lost record, an export cut short) and a guess
 * would bias facility and the item-total correlations. Callers record an item the learner left
 * unanswered explicitly: {@code response(learner, item, 0)} with no chosen choice, which also
 * counts as "no answer" in the distractor counts.
 *
 * <p><b>Choices.</b> An item declared with choice identifiers is a choice item; its responses may
 * name any subset of those identifiers (several for multiple-response items, none for "no answer").
 * An item declared without choices is scored only (short answer, numerical, essay, ...); its
 * responses must not name choices.
 *
 * <p>Built with {@link #builder()}; immutable once built. Learners and items keep the order of
 * their first appearance. Learner keys are opaque strings (no names needed, none stored).
 */
public final class SittingResults {

  /**
   * One item of the sitting.
   *
   * @param id the item identifier, not blank
   * @param max the points available on the item, {@code > 0}
   * @param choiceIds the item's choice identifiers in display order; empty for an item that is not
   *     a choice item
   */
  public record Item(String id, BigDecimal max, List<String> choiceIds) {

    /** Copies the choice list; the builder has validated the values. */
    public Item {
      choiceIds = List.copyOf(choiceIds);
    }

    /**
     * Whether distractor counts apply.
     *
     * @return {@code true} when the item was declared with choices
     */
    public boolean isChoiceItem() {
      return !choiceIds.isEmpty();
    }
  }

  /**
   * One learner's response to one item.
   *
   * @param score the points earned, in {@code 0..max} of the item
   * @param chosen the choice identifiers selected, in the order given; empty for "no answer" and
   *     for items that are not choice items
   */
  public record Response(BigDecimal score, Set<String> chosen) {

    /** Copies the chosen set, keeping its order. */
    public Response {
      chosen = Collections.unmodifiableSet(new LinkedHashSet<>(chosen));
    }
  }

  private final List<Item> items;
  private final List<String> learners;
  private final Map<String, Map<String, Response>> responses;

  private SittingResults(
      List<Item> items, List<String> learners, Map<String, Map<String, Response>> responses) {
    this.items = List.copyOf(items);
    this.learners = List.copyOf(learners);
    Map<String, Map<String, Response>> copy = new LinkedHashMap<>();
    responses.forEach(
        (learner, byItem) ->
            copy.put(learner, Collections.unmodifiableMap(new LinkedHashMap<>(byItem))));
    this.responses = Collections.unmodifiableMap(copy);
  }

  /**
   * Starts an empty sitting.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The items, in declaration order.
   *
   * @return the items, at least one
   */
  public List<Item> items() {
    return items;
  }

  /**
   * The learners, in order of their first response.
   *
   * @return the learner keys, at least one
   */
  public List<String> learners() {
    return learners;
  }

  /**
   * One learner's response to one item.
   *
   * @param learner a learner key from {@link #learners()}
   * @param itemId an item identifier from {@link #items()}
   * @return the response
   * @throws IllegalArgumentException when the learner or the item is unknown
   */
  public Response response(String learner, String itemId) {
    Map<String, Response> byItem = responses.get(learner);
    if (byItem == null) {
      throw new IllegalArgumentException("unknown learner '" + learner + "'");
    }
    Response response = byItem.get(itemId);
    if (response == null) {
      throw new IllegalArgumentException("unknown item '" + itemId + "'");
    }
    return response;
  }

  /** Collects items and responses; {@link #build()} checks that the data are complete. */
  public static final class Builder {

    private final Map<String, Item> items = new LinkedHashMap<>();
    private final Map<String, Map<String, Response>> responses = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Declares an item.
     *
     * @param id the item identifier, not blank, not declared before
     * @param max the points available, {@code > 0}
     * @param choiceIds the choice identifiers in display order (none for an item that is not a
     *     choice item); not blank, no duplicates
     * @return this builder
     * @throws IllegalArgumentException when a rule above is broken
     */
    public Builder item(String id, BigDecimal max, String... choiceIds) {
      requireText(id, "item id");
      Objects.requireNonNull(max, "max");
      if (items.containsKey(id)) {
        throw new IllegalArgumentException("item '" + id + "' is declared twice");
      }
      if (max.signum() <= 0) {
        throw new IllegalArgumentException(
            "item '" + id + "': max must be > 0 points for item analysis, was " + max);
      }
      Set<String> choices = new LinkedHashSet<>();
      for (String choice : choiceIds) {
        requireText(choice, "choice id of item '" + id + "'");
        if (!choices.add(choice)) {
          throw new IllegalArgumentException(
              "item '" + id + "': choice '" + choice + "' is declared twice");
        }
      }
      items.put(id, new Item(id, max, new ArrayList<>(choices)));
      return this;
    }

    /**
     * Records one learner's response to a declared item.
     *
     * @param learner the opaque learner key, not blank
     * @param itemId a declared item
     * @param score the points earned, in {@code 0..max} of the item
     * @param chosen the choice identifiers selected (declared choices of the item, no duplicates);
     *     none for "no answer" and for items without choices
     * @return this builder
     * @throws IllegalArgumentException when the item is unknown, the score is negative or above the
     *     item's max, a choice is unknown or repeated, or the learner already has a response for
     *     the item
     */
    public Builder response(String learner, String itemId, BigDecimal score, String... chosen) {
      requireText(learner, "learner key");
      requireText(itemId, "item id");
      Objects.requireNonNull(score, "score");
      Item item = items.get(itemId);
      if (item == null) {
        throw new IllegalArgumentException(
            "learner '" + learner + "': item '" + itemId + "' was not declared");
      }
      if (score.signum() < 0) {
        throw new IllegalArgumentException(
            "learner '"
                + learner
                + "', item '"
                + itemId
                + "': score must be >= 0 points, was "
                + score);
      }
      if (score.compareTo(item.max()) > 0) {
        throw new IllegalArgumentException(
            "learner '"
                + learner
                + "', item '"
                + itemId
                + "': score "
                + score
                + " exceeds the item's max of "
                + item.max()
                + " points");
      }
      Set<String> picked = new LinkedHashSet<>();
      for (String choice : chosen) {
        Objects.requireNonNull(choice, "chosen choice id");
        if (!item.choiceIds().contains(choice)) {
          throw new IllegalArgumentException(
              "learner '"
                  + learner
                  + "', item '"
                  + itemId
                  + "': choice '"
                  + choice
                  + "' is not one of the item's choices "
                  + item.choiceIds());
        }
        if (!picked.add(choice)) {
          throw new IllegalArgumentException(
              "learner '"
                  + learner
                  + "', item '"
                  + itemId
                  + "': choice '"
                  + choice
                  + "' is given twice");
        }
      }
      Map<String, Response> byItem = responses.computeIfAbsent(learner, k -> new LinkedHashMap<>());
      if (byItem.containsKey(itemId)) {
        throw new IllegalArgumentException(
            "learner '" + learner + "' has two responses for item '" + itemId + "'");
      }
      byItem.put(itemId, new Response(score, picked));
      return this;
    }

    /**
     * Convenience for {@link #response(String, String, BigDecimal, String...)} with a score in
     * points given as a {@code double} (converted with {@link BigDecimal#valueOf(double)}).
     *
     * @param learner the learner key
     * @param itemId a declared item
     * @param score the points earned
     * @param chosen the choice identifiers selected
     * @return this builder
     */
    public Builder response(String learner, String itemId, double score, String... chosen) {
      return response(learner, itemId, BigDecimal.valueOf(score), chosen);
    }

    /**
     * Checks completeness and builds the sitting.
     *
     * @return the immutable results
     * @throws IllegalArgumentException when no item is declared, nobody responded, or a learner
     *     lacks a response for a declared item (ragged data)
     */
    public SittingResults build() {
      if (items.isEmpty()) {
        throw new IllegalArgumentException("a sitting needs at least one item");
      }
      if (responses.isEmpty()) {
        throw new IllegalArgumentException("a sitting needs at least one learner's responses");
      }
      for (Map.Entry<String, Map<String, Response>> learner : responses.entrySet()) {
        List<String> missing = new ArrayList<>();
        for (String itemId : items.keySet()) {
          if (!learner.getValue().containsKey(itemId)) {
            missing.add(itemId);
          }
        }
        if (!missing.isEmpty()) {
          throw new IllegalArgumentException(
              "ragged data: learner '"
                  + learner.getKey()
                  + "' has no response for item(s) "
                  + missing
                  + "; record an unanswered item as 0 points with no choice");
        }
      }
      return new SittingResults(
          new ArrayList<>(items.values()), new ArrayList<>(responses.keySet()), responses);
    }

    private static void requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
    }
  }
}
