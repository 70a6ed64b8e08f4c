package be.edusprong.lms.assessment.gift;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.qti.Qti3Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "The same items" as {@link GiftWriter} promises them: equal in every component of {@link Item}
 * (records compare {@code BigDecimal} weights with their scale) except {@link Item#sourceLine()}
 * and {@link Item#sourceText()}, which describe the place in the file that was read.
 *
 * <p>{@link #qtiDifferences(Item, Item)} compares an item with what {@code qti.QtiItemImporter}
 * reads back from its {@code qti.Qti3Writer} document, allowing the normalisations that importer
 * documents (and reports as losses).
 */
public final class SameItems {

  private SameItems() {}

  /** The item with its origin blanked out, so that {@code equals} compares the rest. */
  static Item withoutOrigin(Item item) {
    return new Item(
        item.identifier(),
        item.title(),
        item.type(),
        item.stemFormat(),
        item.stemText(),
        item.stemHtml(),
        item.missingWordIndex(),
        item.choices(),
        item.pairs(),
        item.gaps(),
        item.gapTexts(),
        item.generalFeedbackHtml(),
        item.category(),
        item.tags(),
        1,
        "");
  }

  static boolean same(Item a, Item b) {
    return withoutOrigin(a).equals(withoutOrigin(b));
  }

  /**
   * The components in which two items differ, {@code sourceLine} and {@code sourceText} left out.
   *
   * @return e.g. {@code ["choices: [...] != [...]"]}; empty when the items are the same
   */
  static List<String> differences(Item a, Item b) {
    List<String> out = new ArrayList<>();
    diff(out, "identifier", a.identifier(), b.identifier());
    diff(out, "title", a.title(), b.title());
    diff(out, "type", a.type(), b.type());
    diff(out, "stemFormat", a.stemFormat(), b.stemFormat());
    diff(out, "stemText", a.stemText(), b.stemText());
    diff(out, "stemHtml", a.stemHtml(), b.stemHtml());
    diff(out, "missingWordIndex", a.missingWordIndex(), b.missingWordIndex());
    diff(out, "choices", a.choices(), b.choices());
    diff(out, "pairs", a.pairs(), b.pairs());
    diff(out, "gaps", a.gaps(), b.gaps());
    diff(out, "gapTexts", a.gapTexts(), b.gapTexts());
    diff(out, "generalFeedbackHtml", a.generalFeedbackHtml(), b.generalFeedbackHtml());
    diff(out, "category", a.category(), b.category());
    diff(out, "tags", a.tags(), b.tags());
    return out;
  }

  /**
   * How an item read back from its QTI 3.0 package ({@code Qti3PackageWriter}, read by {@code
   * QtiPackageImporter}) differs from the original, after the normalisations that remain (see
   * {@code Qti3Writer}, "Read back"):
   *
   * <ul>
   *   <li>text (stem, choices, feedback, premises, gap texts): compared as the text of their HTML
   *       ({@link #text(String)}): QTI holds HTML; the source text is not in the package (its
   *       format is named in the manifest, but a format without its text cannot be given back);
   *   <li>a numerical catch-all answer without feedback is not compared;
   *   <li>ordering choices: without feedback; pairs: premises in order, then the distractors;
   *   <li>gap text groups are not compared.
   * </ul>
   *
   * <p>Identifier, title, type (true/false included), category, tags, the missing-word blank of
   * short answer and numerical items, choice ids, weights, numerical tolerances, cloze gap kinds
   * and weights and every answer's feedback must be equal.
   *
   * @param original the exported item
   * @param back the item read back
   * @return the differences left; empty when the items are the same up to these normalisations
   */
  public static List<String> qtiDifferences(Item original, Item back) {
    return qtiDifferences(original, back, true);
  }

  /**
   * How an item read back from its lone QTI 3.0 item document ({@code Qti3Writer}, no package)
   * differs from the original: as {@link #qtiDifferences(Item, Item)}, but what only the package
   * manifest keeps is not compared (category, tags) and the identifier is compared with {@link
   * Qti3Writer#qtiIdentifier(String)} of the original.
   *
   * @param original the exported item
   * @param back the item read back from its item document
   * @return the differences left; empty when the items are the same up to these normalisations
   */
  public static List<String> qtiDocumentDifferences(Item original, Item back) {
    return qtiDifferences(original, back, false);
  }

  private static List<String> qtiDifferences(Item original, Item back, boolean inPackage) {
    List<String> out = new ArrayList<>();
    diff(
        out,
        "identifier",
        inPackage ? original.identifier() : Qti3Writer.qtiIdentifier(original.identifier()),
        back.identifier());
    diff(out, "title", original.title(), back.title());
    diff(out, "type", original.type(), back.type());
    diff(out, "stem text", text(original.stemHtml()), text(back.stemHtml()));
    if (original.type() == ItemType.SHORT_ANSWER || original.type() == ItemType.NUMERICAL) {
      // a choice item's blank stays text: QTI has no inline choice for a whole item
      diff(out, "missing word", original.missingWord(), back.missingWord());
    }
    diff(
        out,
        "general feedback text",
        text(original.generalFeedbackHtml()),
        text(back.generalFeedbackHtml()));
    switch (original.type()) {
      case SHORT_ANSWER, NUMERICAL ->
          diff(out, "answers", textAnswers(original.choices()), textAnswers(back.choices()));
      case CHOICE_SINGLE, CHOICE_MULTIPLE, TRUE_FALSE ->
          diff(out, "choices", choices(original.choices(), true), choices(back.choices(), true));
      case ORDERING ->
          diff(out, "choices", choices(original.choices(), false), choices(back.choices(), false));
      default -> {
        // other types have no choices
      }
    }
    diff(out, "pairs", pairs(original.pairs()), pairs(back.pairs()));
    List<String> gaps = new ArrayList<>();
    for (Gap g : original.gaps()) {
      gaps.add(gap(original, g));
    }
    List<String> backGaps = new ArrayList<>();
    for (Gap g : back.gaps()) {
      backGaps.add(gap(back, g));
    }
    diff(out, "gaps", gaps, backGaps);
    List<String> texts = new ArrayList<>();
    original
        .gapTexts()
        .forEach(t -> texts.add(text(t.textHtml()) + (t.infinite() ? " (infinite)" : "")));
    List<String> backTexts = new ArrayList<>();
    back.gapTexts()
        .forEach(t -> backTexts.add(text(t.textHtml()) + (t.infinite() ? " (infinite)" : "")));
    diff(out, "gap texts", texts, backTexts);
    if (inPackage) {
      diff(out, "category", original.category(), back.category());
      diff(out, "tags", original.tags(), back.tags());
    }
    return out;
  }

  /** Choices as "id text weight [feedback text]"; with or without the feedback. */
  private static List<String> choices(List<Choice> choices, boolean feedback) {
    List<String> out = new ArrayList<>();
    for (Choice c : choices) {
      out.add(
          c.id()
              + " "
              + text(c.textHtml())
              + " "
              + c.weightPercent().stripTrailingZeros().toPlainString()
              + (feedback ? " [" + text(c.feedbackHtml()) + "]" : ""));
    }
    return out;
  }

  /**
   * Text answers as "value~tolerance weight [feedback text]", numbers by value; a numerical
   * catch-all without feedback is left out (an exactly scored numerical item has no place for it).
   */
  private static List<String> textAnswers(List<Choice> answers) {
    List<String> out = new ArrayList<>();
    boolean numeric = answers.stream().anyMatch(a -> a.numeric() != null);
    for (Choice c : answers) {
      if (c.catchAll() && numeric && c.feedbackHtml().isEmpty()) {
        continue;
      }
      String value =
          c.numeric() != null
              ? c.numeric().value().stripTrailingZeros().toPlainString()
                  + "~"
                  + c.numeric().tolerance().stripTrailingZeros().toPlainString()
              : c.text().replace("\\*", "*");
      out.add(
          value
              + " "
              + c.weightPercent().stripTrailingZeros().toPlainString()
              + " ["
              + text(c.feedbackHtml())
              + "]");
    }
    return out;
  }

  private static List<String> pairs(List<MatchPair> pairs) {
    List<String> out = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (MatchPair p : pairs) {
      if (!p.distractor()) {
        out.add(text(p.premiseHtml()) + " -> " + p.answer());
        answers.add(p.answer());
      }
    }
    for (MatchPair p : pairs) {
      if (p.distractor() && !answers.contains(p.answer())) {
        out.add("-> " + p.answer());
        answers.add(p.answer());
      }
    }
    return out;
  }

  private static String gap(Item item, Gap g) {
    if (g.kind() == Gap.Kind.GAP_TEXT) {
      GapText t = item.gapText(g.gapTextId()).orElseThrow();
      return g.id() + " " + g.kind() + " " + text(t.textHtml());
    }
    if (g.kind() == Gap.Kind.INLINE_CHOICE) {
      return g.id() + " " + g.kind() + " weight " + g.weight() + " " + choices(g.answers(), true);
    }
    return g.id() + " " + g.kind() + " weight " + g.weight() + " " + textAnswers(g.answers());
  }

  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-z]+);");

  /**
   * The text of sanitised HTML: tags removed ({@code br} as a space), character references
   * resolved, whitespace collapsed.
   *
   * @param html sanitised HTML
   * @return its text, stripped
   */
  public static String text(String html) {
    String s = html.replaceAll("<br\\s*/?>", " ").replaceAll("<[^>]*>", " ");
    Matcher m = ENTITY.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String r;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        r = Character.toString(Integer.parseInt(e.substring(2), 16));
      } else if (e.startsWith("#")) {
        r = Character.toString(Integer.parseInt(e.substring(1)));
      } else {
        r =
            switch (e) {
              case "amp" -> "&";
              case "lt" -> "<";
              case "gt" -> ">";
              case "quot" -> "\"";
              case "apos" -> "'";
              case "nbsp" -> " ";
              default -> m.group();
            };
      }
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    }
    m.appendTail(out);
    return out.toString().replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }

  private static void diff(List<String> out, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + ": " + a + " != " + b);
    }
  }
}
