package be.edusprong.lms.assessment.gift;

import be.edusprong.lms.assessment.item.Item;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Moodle GIFT text into {@link Item}s.
 *
 * <p>Grammar (docs.moodle.org/en/GIFT_format; Moodle {@code question/format/gift/format.php}):
 *
 * <ul>
 *   <li>Questions are separated by blank lines. Lines starting with {@code //} are comments; {@code
 *       // [id:x]} and {@code // [tag:y]} in the comments of a question give its identifier and
 *       tags.
 *   <li>{@code $CATEGORY: path} on its own sets the category of the questions after it.
 *   <li>{@code ::title::} opens a question; {@code [html]}, {@code [markdown]}, {@code [moodle]} or
 *       {@code [plain]} before the stem sets its format, which answers and feedback inherit unless
 *       they carry their own tag.
 *   <li>{@code \~ \= \# \{ \} \: \\} stand for the character itself and {@code \n} for a line
 *       break.
 *   <li>The answer block {@code {...}} follows the stem, or stands inside it for a missing-word
 *       question. Its content decides the type, in this order: empty: essay; starting with {@code
 *       #}: numerical ({@code 42}, {@code 3.14:0.01}, {@code 1..5}, several {@code =%w%n:t}, {@code
 *       ~#feedback} for any other number); containing {@code ~}: multiple choice (single answer if
 *       some answer has {@code =}, else multiple answers weighted by {@code ~%w%}); {@code =a -> b}
 *       pairs: matching ({@code = -> x} adds a distractor); {@code T}, {@code TRUE}, {@code F},
 *       {@code FALSE}: true/false ({@code #feedback if wrong#feedback if right}); anything else:
 *       short answer ({@code =%w%text}, {@code *} as wildcard). {@code #feedback} follows an
 *       answer; {@code ####feedback} closes the block with general feedback.
 *   <li>No answer block at all: a description.
 * </ul>
 *
 * <p>Where this parser is stricter than Moodle, it reports a problem instead of guessing: text
 * before the first {@code =}/{@code ~} of a choice or matching block, a weight that is not a number
 * in {@code -100..100}, a multiple-answer question where no answer earns marks, a second answer
 * block, stray braces, a numerical answer that is not a number, a repeated {@code [id:]}. It is
 * more lenient in one way: blank lines inside a closed answer block do not end the question.
 *
 * <p>Identifiers: {@code [id:x]} gives {@code x}. Otherwise the identifier is derived from the
 * content, so it survives moving the question and parsing its {@link Item#sourceText()} alone:
 * {@code <slug of the title, or of the stem's start>-<8 hex digits of SHA-256 of the question text,
 * whitespace collapsed>}, e.g. {@code grants-tomb-3fa2b1c0}. It changes when the text changes; give
 * {@code [id:]} where that matters. Two identical questions in one file get {@code -2}, {@code -3},
 * ... appended in source order.
 *
 * <p>Thread-safe and stateless; one instance can serve the whole application.
 */
public final class GiftParser {

  /**
   * Parses a GIFT file, collecting every problem instead of stopping at the first.
   *
   * @param text the file content; a leading byte-order mark is ignored; any line ending
   * @param fileName the name to put in problems, e.g. {@code units/01-wachtwoorden.gift}
   * @return the items that parsed and the problems, both in source order; never throws on malformed
   *     input
   * @throws NullPointerException when an argument is null
   */
  public GiftParseResult parse(String text, String fileName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    GiftSource src = new GiftSource(body, fileName);
    List<Item> items = new ArrayList<>();
    List<GiftProblem> problems = new ArrayList<>();
    Map<String, Integer> explicitIds = new HashMap<>();
    Map<String, Integer> derivedIds = new HashMap<>();
    String category = "";
    for (GiftSegmenter.Part part : new GiftSegmenter(src).segment()) {
      if (part instanceof GiftSegmenter.Category c) {
        category = c.name();
        continue;
      }
      GiftSegmenter.Chunk chunk = (GiftSegmenter.Chunk) part;
      GiftQuestionParser.Draft draft;
      try {
        draft = new GiftQuestionParser(src, chunk, category).parse();
      } catch (GiftQuestionParser.Abort abort) {
        problems.add(abort.problem);
        continue;
      } catch (RuntimeException bug) {
        // The contract is "problems, never exceptions"; say where so the author can work around it.
        problems.add(
            src.problem(
                src.start(chunk.content()),
                "could not read this question (" + bug.getClass().getSimpleName() + ")"));
        continue;
      }
      Item item = draft.item();
      String id;
      if (draft.explicitId() != null) {
        id = draft.explicitId();
        Integer earlier = explicitIds.putIfAbsent(id, item.sourceLine());
        if (earlier != null) {
          problems.add(
              src.problem(
                  src.start(chunk.content()),
                  "id '" + id + "' is already used by the question on line " + earlier));
          continue;
        }
      } else {
        String base = slug(item.title().isBlank() ? item.stemText() : item.title());
        base = (base.isEmpty() ? "q" : base) + "-" + draft.contentHash();
        int n = derivedIds.merge(base, 1, Integer::sum);
        id = n == 1 ? base : base + "-" + n;
      }
      items.add(
          new Item(
              id,
              item.title(),
              item.type(),
              item.stemFormat(),
              item.stemText(),
              item.stemHtml(),
              item.missingWordIndex(),
              item.choices(),
              item.pairs(),
              item.generalFeedbackHtml(),
              item.category(),
              item.tags(),
              item.sourceLine(),
              item.sourceText()));
    }
    return new GiftParseResult(items, problems);
  }

  /**
   * Parses a GIFT file that must be free of defects.
   *
   * @param text the file content
   * @param fileName the name to put in the exception message
   * @return the items in source order
   * @throws GiftSyntaxException on the first problem, with message {@code file:line:column: reason}
   *     (all problems are in {@link GiftSyntaxException#problems()})
   */
  public List<Item> parseStrict(String text, String fileName) {
    GiftParseResult result = parse(text, fileName);
    if (!result.ok()) {
      throw new GiftSyntaxException(result.problems());
    }
    return result.items();
  }

  /**
   * Parses one stored question again, e.g. an {@link Item#sourceText()} kept in the database, and
   * puts it back at its original place. For an item parsed from a file this gives an equal item,
   * except that the {@code -2}, {@code -3}, ... suffix of an exact duplicate is not restored.
   *
   * @param sourceText the GIFT text of exactly one question
   * @param fileName the name to put in problems
   * @param category the category the question had ({@code ""} for none)
   * @param sourceLine the 1-based line the question had
   * @return the item
   * @throws GiftSyntaxException when the text has a problem or does not hold exactly one question
   */
  public Item parseStored(String sourceText, String fileName, String category, int sourceLine) {
    List<Item> items = parseStrict(sourceText, fileName);
    if (items.size() != 1) {
      throw new GiftSyntaxException(
          List.of(
              new GiftProblem(
                  fileName, 1, 1, "expected exactly one question, found " + items.size())));
    }
    return items.get(0).withOrigin(category, sourceLine);
  }

  /** Lowercase ASCII letters and digits joined by '-', at most 40 characters. */
  static String slug(String text) {
    String ascii =
        Normalizer.normalize(text.replace(Item.MISSING_WORD_BLANK, " "), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("<[^>]*>", " ")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
    }
    return slug.replaceAll("-+$", "");
  }
}
