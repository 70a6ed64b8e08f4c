package be.edusprong.lms.assessment.item;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One question (QTI 3.0 {@code qti-assessment-item}; Dutch UI "vraag"), immutable and independent
 * of the format it was imported from.
 *
 * <p>Which lists are filled depends on the {@link ItemType}: {@code choices} for choice, true/false
 * ({@code TRUE} and {@code FALSE}), short answer and numerical items, and for ordering items (the
 * choices in their correct order); {@code pairs} for matching; {@code gaps} for cloze and gap
 * match, {@code gapTexts} for gap match only; none for essay and description.
 *
 * <p>A missing-word item (GIFT answer block in mid-sentence, e.g. {@code Grant is {~buried
 * =entombed} in Grant's tomb.}) has {@link #MISSING_WORD_BLANK} in its stem where the answer goes;
 * {@link #missingWordIndex()} points at it in {@link #stemHtml()} so a page can put its input
 * there.
 *
 * <p>A cloze or gap-match item has, for each of its {@link Gap}s, the token {@link
 * #gapToken(String)} ({@code [[G1]]}, {@code [[G2]]}, ...) in its stem text and exactly once in its
 * stem HTML, where the gap goes; a page replaces each token with the gap's input, drop-down or drop
 * zone. The token is plain text that every {@link TextFormat} and the sanitiser keep as is.
 *
 * @param identifier unique within its source file; from GIFT {@code // [id:...]} when given,
 *     otherwise derived by the importer (see {@code GiftParser})
 * @param title the title as written (GIFT {@code ::title::}); {@code ""} when none was given
 * @param type the interaction type
 * @param stemFormat the format the stem was written in; answers and feedback inherit it
 * @param stemText the stem as written, GIFT escapes resolved, format tag removed, the blank written
 *     as {@link #MISSING_WORD_BLANK}
 * @param stemHtml the stem as safe HTML
 * @param missingWordIndex index of {@link #MISSING_WORD_BLANK} in {@code stemHtml}, or -1 when the
 *     answer follows the stem
 * @param choices the answers, in source order; for {@link ItemType#ORDERING} the choices to order,
 *     in their correct order (weights unused, 0)
 * @param pairs the matching pairs, in source order, distractors included
 * @param gaps the gaps of a cloze or gap-match item, in stem order
 * @param gapTexts the texts to fill the gaps of a gap-match item with, in source order, distractors
 *     included
 * @param generalFeedbackHtml feedback shown whatever the answer (GIFT {@code ####}); safe HTML,
 *     {@code ""} if none
 * @param category the question bank category in force (GIFT {@code $CATEGORY:}); {@code ""} if none
 * @param tags tags from GIFT {@code // [tag:...]}, in source order
 * @param sourceLine the 1-based line where the question (its title or stem) starts in its file
 * @param sourceText the exact source text of this question, comment lines directly above it
 *     included, so that it can be stored and parsed again on its own
 */
public record Item(
    String identifier,
    String title,
    ItemType type,
    TextFormat stemFormat,
    String stemText,
    String stemHtml,
    int missingWordIndex,
    List<Choice> choices,
    List<MatchPair> pairs,
    List<Gap> gaps,
    List<GapText> gapTexts,
    String generalFeedbackHtml,
    String category,
    List<String> tags,
    int sourceLine,
    String sourceText) {

  /** What stands in the stem where a missing word goes (Moodle's GIFT importer writes the same). */
  public static final String MISSING_WORD_BLANK = "_____";

  /** A gap token as written in a stem: {@code [[}, the gap id, {@code ]]}; group 1 is the id. */
  public static final Pattern GAP_TOKEN = Pattern.compile("\\[\\[(G[0-9]+)\\]\\]");

  /**
   * Validates the item and copies its lists.
   *
   * @throws IllegalArgumentException when the identifier is blank, {@code sourceLine < 1}, ids
   *     repeat, the blank index does not point at {@link #MISSING_WORD_BLANK}, or the lists do not
   *     fit the type
   */
  public Item {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(stemFormat, "stemFormat");
    Objects.requireNonNull(stemText, "stemText");
    Objects.requireNonNull(stemHtml, "stemHtml");
    Objects.requireNonNull(generalFeedbackHtml, "generalFeedbackHtml");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(sourceText, "sourceText");
    choices = List.copyOf(choices);
    pairs = List.copyOf(pairs);
    gaps = List.copyOf(gaps);
    gapTexts = List.copyOf(gapTexts);
    tags = List.copyOf(tags);
    if (identifier.isBlank()) {
      throw new IllegalArgumentException("identifier must not be blank");
    }
    if (sourceLine < 1) {
      throw new IllegalArgumentException("sourceLine is 1-based, was " + sourceLine);
    }
    if (missingWordIndex < -1
        || (missingWordIndex >= 0 && !stemHtml.startsWith(MISSING_WORD_BLANK, missingWordIndex))) {
      throw new IllegalArgumentException("missingWordIndex must point at the blank in stemHtml");
    }
    boolean needsChoices =
        switch (type) {
          case CHOICE_SINGLE, CHOICE_MULTIPLE, TRUE_FALSE, SHORT_ANSWER, NUMERICAL, ORDERING ->
              true;
          default -> false;
        };
    if (needsChoices == choices.isEmpty()) {
      throw new IllegalArgumentException(
          type + (needsChoices ? " needs answers" : " takes no choices"));
    }
    if ((type == ItemType.MATCHING) == pairs.isEmpty()) {
      throw new IllegalArgumentException(
          type + (type == ItemType.MATCHING ? " needs pairs" : " takes no pairs"));
    }
    Set<String> ids = new HashSet<>();
    for (Choice c : choices) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("choice id " + c.id() + " repeats");
      }
    }
    ids.clear();
    for (MatchPair p : pairs) {
      if (!ids.add(p.id())) {
        throw new IllegalArgumentException("pair id " + p.id() + " repeats");
      }
    }
    if (type == ItemType.ORDERING && choices.size() < 2) {
      throw new IllegalArgumentException("ORDERING needs at least 2 choices to order");
    }
    checkGaps(type, stemHtml, gaps, gapTexts);
  }

  /**
   * An item without gaps: the constructor of the item types that existed before cloze and gap
   * match, kept for their call sites.
   *
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Item(
      String identifier,
      String title,
      ItemType type,
      TextFormat stemFormat,
      String stemText,
      String stemHtml,
      int missingWordIndex,
      List<Choice> choices,
      List<MatchPair> pairs,
      String generalFeedbackHtml,
      String category,
      List<String> tags,
      int sourceLine,
      String sourceText) {
    this(
        identifier,
        title,
        type,
        stemFormat,
        stemText,
        stemHtml,
        missingWordIndex,
        choices,
        pairs,
        List.of(),
        List.of(),
        generalFeedbackHtml,
        category,
        tags,
        sourceLine,
        sourceText);
  }

  private static void checkGaps(
      ItemType type, String stemHtml, List<Gap> gaps, List<GapText> gapTexts) {
    boolean gapped = type == ItemType.CLOZE || type == ItemType.GAP_MATCH;
    if (gapped == gaps.isEmpty()) {
      throw new IllegalArgumentException(type + (gapped ? " needs gaps" : " takes no gaps"));
    }
    if ((type == ItemType.GAP_MATCH) == gapTexts.isEmpty()) {
      throw new IllegalArgumentException(
          type + (type == ItemType.GAP_MATCH ? " needs gap texts" : " takes no gap texts"));
    }
    Set<String> textIds = new HashSet<>();
    for (GapText t : gapTexts) {
      if (!textIds.add(t.id())) {
        throw new IllegalArgumentException("gap text id " + t.id() + " repeats");
      }
    }
    Set<String> ids = new HashSet<>();
    for (Gap g : gaps) {
      if (!ids.add(g.id())) {
        throw new IllegalArgumentException("gap id " + g.id() + " repeats");
      }
      if ((g.kind() == Gap.Kind.GAP_TEXT) != (type == ItemType.GAP_MATCH)) {
        throw new IllegalArgumentException(
            "gap " + g.id() + " of kind " + g.kind() + " does not fit a " + type + " item");
      }
      if (g.gapTextId() != null && !textIds.contains(g.gapTextId())) {
        throw new IllegalArgumentException(
            "gap " + g.id() + " names gap text " + g.gapTextId() + ", which the item lacks");
      }
      String token = gapToken(g.id());
      int at = stemHtml.indexOf(token);
      if (at < 0 || stemHtml.indexOf(token, at + 1) >= 0) {
        throw new IllegalArgumentException(
            "the stem HTML must hold " + token + " exactly once, where gap " + g.id() + " goes");
      }
    }
  }

  /**
   * The token that marks a gap's place in the stem of a cloze or gap-match item.
   *
   * @param gapId a gap id such as {@code "G2"}
   * @return {@code "[[G2]]"}
   */
  public static String gapToken(String gapId) {
    return "[[" + gapId + "]]";
  }

  /**
   * Looks up a gap by id.
   *
   * @param id a gap id such as {@code "G1"}
   * @return the gap, or empty when this item has no such gap
   */
  public Optional<Gap> gap(String id) {
    return gaps.stream().filter(g -> g.id().equals(id)).findFirst();
  }

  /**
   * Looks up a gap text by id.
   *
   * @param id a gap text id such as {@code "B"}
   * @return the gap text, or empty when this item has no such gap text
   */
  public Optional<GapText> gapText(String id) {
    return gapTexts.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * Whether the answer goes inside the stem rather than after it.
   *
   * @return true for a missing-word item
   */
  public boolean missingWord() {
    return missingWordIndex >= 0;
  }

  /**
   * A title to show in lists: the author's title, or else the start of the stem (as Moodle names
   * untitled GIFT questions).
   *
   * @return plain text, at most 60 characters; never blank unless the stem is empty too
   */
  public String displayTitle() {
    if (!title.isBlank()) {
      return title;
    }
    String flat = stemText.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    return flat.length() <= 60 ? flat : flat.substring(0, 57).strip() + "...";
  }

  /**
   * Looks up a choice by id.
   *
   * @param id a choice id such as {@code "B"}
   * @return the choice, or empty when this item has no such choice
   */
  public Optional<Choice> choice(String id) {
    return choices.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * The answers a matching item offers for every premise: each distinct answer text once, in source
   * order, distractors included.
   *
   * @return the answer texts; empty for other item types
   */
  public List<String> matchAnswers() {
    Set<String> answers = new LinkedHashSet<>();
    pairs.forEach(p -> answers.add(p.answer()));
    return List.copyOf(answers);
  }

  /**
   * This item under another identifier, category and tags: used when an importer learns them from
   * outside the question itself (a QTI package's manifest metadata).
   *
   * @param identifier the identifier, not blank
   * @param category the category path, {@code ""} for none
   * @param tags the tags, in order
   * @return a copy with those three values
   * @throws IllegalArgumentException when the identifier is blank
   */
  public Item withLabels(String identifier, String category, List<String> tags) {
    return relabelled(identifier, category, tags, sourceLine);
  }

  /**
   * This item as found at another place: used when a stored {@link #sourceText()} is parsed again
   * on its own and must carry its original category and line.
   *
   * @param category the category in force there
   * @param sourceLine the 1-based line there
   * @return a copy with those two values
   */
  public Item withOrigin(String category, int sourceLine) {
    return relabelled(identifier, category, tags, sourceLine);
  }

  private Item relabelled(String identifier, String category, List<String> tags, int sourceLine) {
    return new Item(
        identifier,
        title,
        type,
        stemFormat,
        stemText,
        stemHtml,
        missingWordIndex,
        choices,
        pairs,
        gaps,
        gapTexts,
        generalFeedbackHtml,
        category,
        tags,
        sourceLine,
        sourceText);
  }
}
