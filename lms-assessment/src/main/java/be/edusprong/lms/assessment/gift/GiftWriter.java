package be.edusprong.lms.assessment.gift;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@link Item}s as Moodle GIFT text (docs.moodle.org/en/GIFT_format; Moodle {@code
 * question/format/gift/format.php}), the inverse of {@link GiftParser}.
 *
 * <p><b>Round-trip contract.</b> For every item this writer can express (see "Limits" below),
 * {@code new GiftParser().parseStrict(new GiftWriter().write(items), name)} returns <em>the same
 * items</em>: the same number, in the same order, and each equal ({@link Item#equals}) to the
 * original in every component except {@link Item#sourceLine()} and {@link Item#sourceText()}, which
 * describe the place in the new file. In particular identifier, title, type, stem format, stem text
 * and HTML, blank position, choices (id, text, format, HTML, weight with its {@link
 * BigDecimal#scale() scale}, feedback HTML, numeric answer), pairs, general feedback, category and
 * tags are equal.
 *
 * <p><b>Shape of the output.</b> UTF-8 text with {@code \n} line ends, one question after another,
 * separated by one blank line, ending with a line end:
 *
 * <pre>{@code
 * $CATEGORY: digitaal/wachtwoorden        (only where the category changes)
 *
 * // [id:wachtwoord-1]                    (always, so identifiers survive)
 * // [tag:veiligheid] [tag:basis]         (when the item has tags)
 * ::Sterk wachtwoord::[html]Welk <b>wachtwoord</b> is sterk? {
 * =Paard-Batterij-Nietje#Juist.
 * ~%-50%123456#Nee.
 * ####Lang en onvoorspelbaar.
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Format tags: the stem's tag ({@code [html]}, {@code [markdown]}, {@code [plain]}) is
 *       written unless it is GIFT's default {@code [moodle]}; an answer or premise carries its own
 *       tag only when its format differs from the stem's. {@code [moodle]} is also written when the
 *       text itself starts with something a reader would take for a tag or a comment.
 *   <li>Answers: blocks with one short entry stay on the stem's line ({@code {T}}, {@code {#42}},
 *       {@code {}}); longer blocks put each answer on its own line. A missing-word item keeps its
 *       block inline at the blank ({@code Grant is {~buried =entombed} in Grant's tomb.}).
 *   <li>Weights: {@code =} for exactly 100, {@code ~} for exactly 0 (a choice), otherwise {@code
 *       %w%} as {@link BigDecimal#toPlainString()}; a single-choice item whose answers all carry
 *       partial weights gets {@code =%w%} on its first answer so that it reads back as single
 *       choice.
 *   <li>True/false: {@code {TRUE#feedback if wrong#feedback if right}}, Moodle's order.
 *   <li>Numerical: {@code {#spec}} for one full-mark answer, else {@code =%w%spec#feedback} lines;
 *       a catch-all wrong answer is written last as {@code ~#feedback}.
 *   <li>Text: {@code \ ~ = # { } :} are escaped with a backslash everywhere (title, stem, answers,
 *       feedback, premises, match answers). A line break is written as a real line break, or as
 *       {@code \n} where a real one would end the question or start a comment or {@code $CATEGORY:}
 *       line.
 *   <li>Feedback is kept by the model only as HTML. It is written as plain text when rendering that
 *       text in the inherited format gives the same HTML again, else with an explicit format tag
 *       ({@code [html]} and the HTML itself as last resort).
 * </ul>
 *
 * <p><b>Limits</b> (what GIFT or {@link GiftParser} cannot carry; the writer then writes the
 * nearest GIFT and never throws, and the items read back differ as said):
 *
 * <ul>
 *   <li>text with leading or trailing whitespace, or a carriage return: GIFT trims every text and
 *       reads {@code \r} as a line end;
 *   <li>a description ({@link ItemType#DESCRIPTION}) with general feedback: GIFT has no block to
 *       put it in, so it is dropped;
 *   <li>the format of a numerical answer: GIFT gives it the stem's format;
 *   <li>a numerical catch-all answer that is not the last answer: it is moved to the end, so the
 *       ids after it shift; a catch-all with a weight other than 0 reads back with weight 0;
 *   <li>{@code ->} in a matching premise or in a short answer: GIFT has no escape for it;
 *   <li>a short-answer or choice answer that is empty, or a matching answer with a line break;
 *   <li>feedback HTML that no GIFT text renders to exactly (the {@code [html]} path sanitises it
 *       again, which may change it);
 *   <li>a missing-word blank at the very end of the stem: GIFT reads a block at the end as the
 *       answers following the stem;
 *   <li>a category, identifier or tag with a line break, or a tag with {@code ]}.
 * </ul>
 *
 * <p><b>Not exportable.</b> GIFT has no syntax for ordering ({@link ItemType#ORDERING}), cloze
 * ({@link ItemType#CLOZE}: Moodle's GIFT format allows one answer block per question) or gap-match
 * ({@link ItemType#GAP_MATCH}) items (docs.moodle.org/en/GIFT_format lists its question types).
 * Such an item is never written and never dropped silently: {@link #notExportable(List)} names each
 * one with the reason, and {@link #write(List)} and {@link #write(Item)} refuse with an {@link
 * IllegalArgumentException} carrying the same messages. A caller checks first and reports them (as
 * a losses list) or converts to a format that can carry them.
 *
 * <p>Thread-safe and stateless.
 */
public final class GiftWriter {

  private static final String ESCAPED = "\\~=#{}:";
  private static final Pattern FORMAT_TAG = Pattern.compile("^\\[(moodle|html|plain|markdown)\\]");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-z]+);");

  /**
   * Writes items as one GIFT file.
   *
   * @param items the items, written in this order; may be empty
   * @return the GIFT text, {@code ""} for no items; never null
   * @throws NullPointerException when the list or an item in it is null
   * @throws IllegalArgumentException when any item cannot be written as GIFT; the message lists
   *     {@link #notExportable(List)}
   */
  public String write(List<Item> items) {
    Objects.requireNonNull(items, "items");
    List<String> problems = notExportable(items);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    StringBuilder out = new StringBuilder();
    String category = "";
    for (Item item : items) {
      Objects.requireNonNull(item, "item");
      if (!item.category().equals(category)) {
        category = item.category();
        out.append("$CATEGORY: ").append(category.replaceAll("[\r\n]+", " ")).append("\n\n");
      }
      out.append(write(item)).append("\n\n");
    }
    if (out.length() > 0) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /**
   * Writes one question without its category: comment lines, title, stem and answer block.
   *
   * @param item the item
   * @return the GIFT text of the question, without a trailing line end
   * @throws IllegalArgumentException when the item cannot be written as GIFT ({@link
   *     #notExportable(Item)})
   */
  public String write(Item item) {
    String problem = notExportable(item);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    StringBuilder out = new StringBuilder();
    out.append("// [id:").append(oneLine(item.identifier()).replace("]", "\\]")).append("]\n");
    if (!item.tags().isEmpty()) {
      out.append("//");
      for (String tag : item.tags()) {
        out.append(" [tag:").append(oneLine(tag).replace("]", "")).append(']');
      }
      out.append('\n');
    }
    if (!item.title().isEmpty()) {
      out.append("::").append(escape(item.title())).append("::");
    }
    TextFormat f = item.stemFormat();
    String block = block(item);
    if (item.missingWord()) {
      int at = blankInStemText(item);
      String before = item.stemText().substring(0, at);
      String after = item.stemText().substring(at + Item.MISSING_WORD_BLANK.length());
      out.append(tag(f, TextFormat.MOODLE, item.stemText()))
          .append(text(before))
          .append(block)
          .append(text(after));
    } else {
      out.append(tag(f, TextFormat.MOODLE, item.stemText())).append(text(item.stemText()));
      if (block != null) {
        out.append(item.stemText().isEmpty() || block.startsWith("{\n") ? "" : " ").append(block);
      }
    }
    return out.toString();
  }

  /**
   * Why one item cannot be written as GIFT.
   *
   * @param item the item
   * @return one English sentence naming the item (identifier and type) and why, e.g. {@code "item
   *     'q1' (ORDERING) cannot be exported to GIFT: GIFT has no ordering question"}; null when the
   *     item can be written
   */
  public static String notExportable(Item item) {
    Objects.requireNonNull(item, "item");
    String why =
        switch (item.type()) {
          case ORDERING -> "GIFT has no ordering question";
          case CLOZE ->
              "GIFT has no cloze (embedded answers) question: a GIFT question has one answer"
                  + " block, this item has "
                  + item.gaps().size()
                  + " gap(s)";
          case GAP_MATCH -> "GIFT has no drag-and-drop or select-missing-words question";
          default -> null;
        };
    return why == null
        ? null
        : "item '"
            + item.identifier()
            + "' ("
            + item.type()
            + ") cannot be exported to GIFT: "
            + why;
  }

  /**
   * The items of a list that cannot be written as GIFT, each with the reason.
   *
   * @param items the items to export
   * @return one message per such item ({@link #notExportable(Item)}), in list order; empty when all
   *     can be written
   */
  public static List<String> notExportable(List<Item> items) {
    List<String> out = new ArrayList<>();
    for (Item item : items) {
      String problem = notExportable(Objects.requireNonNull(item, "item"));
      if (problem != null) {
        out.add(problem);
      }
    }
    return out;
  }

  // ---- answer blocks ------------------------------------------------------------------------

  /** The answer block including braces, or null for a description. */
  private String block(Item item) {
    TextFormat f = item.stemFormat();
    List<String> entries = new ArrayList<>();
    switch (item.type()) {
      case DESCRIPTION -> {
        return null;
      }
      case ORDERING, CLOZE, GAP_MATCH -> throw new IllegalArgumentException(notExportable(item));
      case ESSAY -> {
        // no entries
      }
      case TRUE_FALSE -> entries.add(trueFalse(item, f));
      case CHOICE_SINGLE, CHOICE_MULTIPLE -> {
        boolean single = item.type() == ItemType.CHOICE_SINGLE;
        boolean anyRight =
            item.choices().stream().anyMatch(c -> c.weightPercent().equals(Choice.FULL_WEIGHT));
        boolean first = true;
        for (Choice c : item.choices()) {
          BigDecimal w = c.weightPercent();
          String marker;
          String weight;
          if (single && w.equals(Choice.FULL_WEIGHT)) {
            marker = "=";
            weight = "";
          } else if (single && !anyRight && first) {
            marker = "=";
            weight = weight(w);
          } else {
            marker = "~";
            weight = w.equals(BigDecimal.ZERO) ? "" : weight(w);
          }
          first = false;
          entries.add(
              marker + answer(weight, w, c.text(), c.format(), f) + feedback(c.feedbackHtml(), f));
        }
      }
      case SHORT_ANSWER -> {
        for (Choice c : item.choices()) {
          String weight =
              c.weightPercent().equals(Choice.FULL_WEIGHT) ? "" : weight(c.weightPercent());
          entries.add(
              "="
                  + answer(weight, c.weightPercent(), c.text(), c.format(), f)
                  + feedback(c.feedbackHtml(), f));
        }
      }
      case NUMERICAL -> entries.addAll(numerical(item, f));
      case MATCHING -> {
        for (MatchPair pair : item.pairs()) {
          String premise =
              pair.distractor()
                  ? ""
                  : tag(pair.premiseFormat(), f, pair.premiseText())
                      + text(pair.premiseText())
                      + " ";
          entries.add("=" + premise + "-> " + escape(oneLine(pair.answer())));
        }
      }
    }
    String general =
        item.generalFeedbackHtml().isEmpty()
            ? ""
            : "####" + richText(item.generalFeedbackHtml(), f);
    if (item.missingWord()) {
      StringBuilder b = new StringBuilder("{");
      if (item.type() == ItemType.NUMERICAL && !entries.isEmpty()) {
        b.append('#');
      }
      b.append(String.join(" ", entries));
      if (!general.isEmpty()) {
        b.append(entries.isEmpty() ? "" : " ").append(general);
      }
      return b.append('}').toString();
    }
    boolean inline =
        general.isEmpty()
            && entries.size() <= 1
            && (item.type() != ItemType.CHOICE_SINGLE && item.type() != ItemType.CHOICE_MULTIPLE);
    if (item.type() == ItemType.NUMERICAL) {
      // The leading '#' marks the block as numerical; entries then follow it.
      if (inline) {
        return "{#" + entries.get(0) + "}";
      }
      StringBuilder b = new StringBuilder("{#\n");
      entries.forEach(e -> b.append(e).append('\n'));
      if (!general.isEmpty()) {
        b.append(general).append('\n');
      }
      return b.append('}').toString();
    }
    if (inline) {
      return "{" + (entries.isEmpty() ? "" : entries.get(0)) + "}";
    }
    StringBuilder b = new StringBuilder("{\n");
    entries.forEach(e -> b.append(e).append('\n'));
    if (!general.isEmpty()) {
      b.append(general).append('\n');
    }
    return b.append('}').toString();
  }

  // Moodle: {TRUE#feedback if the learner is wrong#feedback if the learner is right}.
  private String trueFalse(Item item, TextFormat f) {
    Choice truth = item.choice("TRUE").orElseThrow();
    Choice falsehood = item.choice("FALSE").orElseThrow();
    boolean isTrue = truth.weightPercent().compareTo(falsehood.weightPercent()) >= 0;
    Choice right = isTrue ? truth : falsehood;
    Choice wrong = isTrue ? falsehood : truth;
    StringBuilder b = new StringBuilder(isTrue ? "TRUE" : "FALSE");
    if (!wrong.feedbackHtml().isEmpty() || !right.feedbackHtml().isEmpty()) {
      b.append('#').append(richText(wrong.feedbackHtml(), f));
    }
    if (!right.feedbackHtml().isEmpty()) {
      b.append('#').append(richText(right.feedbackHtml(), f));
    }
    return b.toString();
  }

  private List<String> numerical(Item item, TextFormat f) {
    List<String> entries = new ArrayList<>();
    List<Choice> numbers = item.choices().stream().filter(c -> !isCatchAll(c)).toList();
    boolean one =
        numbers.size() == 1
            && numbers.get(0).weightPercent().equals(Choice.FULL_WEIGHT)
            && numbers.size() == item.choices().size()
            && !item.missingWord();
    for (Choice c : numbers) {
      String spec = escapeExcept(oneLine(c.text()).strip(), ':');
      String weight = c.weightPercent().equals(Choice.FULL_WEIGHT) ? "" : weight(c.weightPercent());
      entries.add((one ? "" : "=") + weight + spec + feedback(c.feedbackHtml(), f));
    }
    for (Choice c : item.choices()) {
      if (isCatchAll(c)) {
        entries.add("~#" + richText(c.feedbackHtml(), f));
      }
    }
    return entries;
  }

  private static boolean isCatchAll(Choice c) {
    return c.numeric() == null;
  }

  private static String weight(BigDecimal w) {
    return "%" + w.toPlainString() + "%";
  }

  /** An answer's {@code [%w%][tag]text}; a weight is forced when the text starts with '%'. */
  private static String answer(
      String weight, BigDecimal value, String text, TextFormat format, TextFormat inherited) {
    String tag = tag(format, inherited, text);
    // Without an explicit weight the reader would take the text's '%' for the start of one.
    String w = weight.isEmpty() && tag.isEmpty() && text.startsWith("%") ? weight(value) : weight;
    return w + tag + text(text);
  }

  private String feedback(String html, TextFormat inherited) {
    return html.isEmpty() ? "" : "#" + richText(html, inherited);
  }

  // ---- text ---------------------------------------------------------------------------------

  /**
   * GIFT text (format tag included when needed) that {@link GiftParser} renders to exactly {@code
   * html} in a context whose format is {@code inherited}; {@code [html]} and the HTML as fallback.
   */
  static String richText(String html, TextFormat inherited) {
    if (html.isEmpty()) {
      return "";
    }
    String plain = htmlToText(html);
    if (plain != null && !plain.isEmpty()) {
      if (SafeHtml.render(plain, inherited).equals(html)) {
        return tag(inherited, inherited, plain) + text(plain);
      }
      for (TextFormat g : List.of(TextFormat.MOODLE, TextFormat.PLAIN, TextFormat.MARKDOWN)) {
        if (SafeHtml.render(plain, g).equals(html)) {
          return "[" + g.giftName() + "]" + text(plain);
        }
      }
    }
    if (inherited == TextFormat.HTML) {
      return tag(inherited, inherited, html) + text(html);
    }
    return "[html]" + text(html);
  }

  /** The text a text-format rendering came from, or null when {@code html} holds other markup. */
  private static String htmlToText(String html) {
    String s = html.replaceAll("<br\\s*/?>", "\n");
    if (s.indexOf('<') >= 0 || s.indexOf('>') >= 0) {
      return null;
    }
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
              case "nbsp" -> "\u00A0";
              default -> m.group();
            };
      }
      m.appendReplacement(out, Matcher.quoteReplacement(r));
    }
    m.appendTail(out);
    return out.toString();
  }

  /**
   * The format tag to write before {@code text}: none when the format is the one inherited and the
   * text cannot be mistaken for a tag or comment, else the format's own tag.
   */
  private static String tag(TextFormat format, TextFormat inherited, String text) {
    boolean ambiguous =
        FORMAT_TAG.matcher(text).find() || text.startsWith("//") || text.startsWith("$CATEGORY:");
    return format == inherited && !ambiguous ? "" : "[" + format.giftName() + "]";
  }

  /**
   * Escapes {@code \ ~ = # { } :} and writes line breaks as real ones except where a real one would
   * end the question or start a comment or category line there.
   */
  static String text(String text) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        String next = lines[i].strip();
        boolean unsafe = next.isEmpty() || next.startsWith("//") || next.startsWith("$CATEGORY:");
        out.append(unsafe ? "\\n" : "\n");
      }
      out.append(escape(lines[i]));
    }
    return out.toString();
  }

  /** Escapes the GIFT special characters; a line break becomes {@code \n}. */
  static String escape(String text) {
    return escapeExcept(text, '\0');
  }

  private static String escapeExcept(String text, char keep) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c != keep && ESCAPED.indexOf(c) >= 0) {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String oneLine(String s) {
    return s.replaceAll("[\r\n]+", " ");
  }

  /** Where the blank of a missing-word item stands in its stem text: same ordinal as in HTML. */
  private static int blankInStemText(Item item) {
    int ordinal = 0;
    int at = item.stemHtml().indexOf(Item.MISSING_WORD_BLANK);
    while (at >= 0 && at < item.missingWordIndex()) {
      ordinal++;
      at = item.stemHtml().indexOf(Item.MISSING_WORD_BLANK, at + Item.MISSING_WORD_BLANK.length());
    }
    int pos = item.stemText().indexOf(Item.MISSING_WORD_BLANK);
    for (int k = 0; k < ordinal && pos >= 0; k++) {
      pos =
          item.stemText().indexOf(Item.MISSING_WORD_BLANK, pos + Item.MISSING_WORD_BLANK.length());
    }
    return pos >= 0 ? pos : item.stemText().length();
  }
}
