package be.edusprong.lms.assessment.aiken;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ItemImporter;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.imports.TextChecks;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle Aiken text into {@link ItemType#CHOICE_SINGLE} items.
 *
 * <p>Grammar (docs.moodle.org/en/Aiken_format; Moodle {@code question/format/aiken/format.php}),
 * each line read with surrounding whitespace removed:
 *
 * <pre>
 * Welke poort gebruikt HTTPS standaard?      question text, one or more lines
 * A) 80                                      options: a capital letter, ')' or '.', a space or
 * B. 443                                       tab, the option text ("A)  ." is an option ".")
 * ANSWER: B                                  the letter of the one right option; ends the question
 * </pre>
 *
 * <p>Blank lines are ignored (they usually separate questions; question-text lines with a blank
 * line between them still form one stem, as in Moodle). The question text is plain text: {@code
 * <html class="cool"> &} stays those characters and is escaped in {@link Item#stemHtml()}; so is
 * option text. Each question becomes an item with choices {@code A}, {@code B}, ... (weight 100 for
 * the right one, 0 for the others), format {@link TextFormat#PLAIN}, no title (its {@link
 * Item#displayTitle()} is the start of the stem, as Moodle names Aiken questions), {@link
 * Item#sourceLine()} the line of the first stem line and {@link Item#sourceText()} the lines from
 * the stem to {@code ANSWER:}, as written.
 *
 * <p>Rejected, each with the position of the defect (Moodle imports these wrongly, or stops):
 *
 * <ul>
 *   <li>an option or {@code ANSWER:} line before any question text;
 *   <li>options not lettered {@code A}, {@code B}, {@code C}, ... in order (Moodle maps the answer
 *       letter to the option's position, not its label, so {@code A C D} with {@code ANSWER: C}
 *       would mark {@code D});
 *   <li>an option without text ({@code C)} alone), more than 26 options;
 *   <li>fewer than 2 options;
 *   <li>no {@code ANSWER:} line before the next question text or the end of the file;
 *   <li>an {@code ANSWER:} line without a single capital letter, or whose letter names no option;
 *       an answer line written {@code Answer:} or {@code ANSWER :} (Moodle requires {@code
 *       ANSWER:}).
 * </ul>
 *
 * <p>Imported with losses: text after the answer letter ({@code ANSWER: B (zie p. 12)}), which
 * Moodle ignores too.
 *
 * <p>Where this importer keeps more than Moodle: lines of one character (Moodle skips every line
 * shorter than 2 characters) are kept as question text.
 *
 * <p>Refused as a whole: a binary file, an XML or HTML document, a JSON document, an empty file,
 * and text without any option or {@code ANSWER:} line, each with a message saying what the file
 * seems to be.
 *
 * <p>Identifiers, as for GIFT: {@code <slug of the stem's start>-<8 hex digits of SHA-256 of the
 * question text, whitespace collapsed>}; identical questions in one file get {@code -2}, {@code
 * -3}, ... in source order.
 *
 * <p>Thread-safe and stateless.
 */
public final class AikenImporter implements ItemImporter {

  private static final Pattern OPTION = Pattern.compile("([A-Z])[).](?:[ \\t](.*))?");
  private static final Pattern ANSWER_LIKE = Pattern.compile("(?i)answer\\s*:");
  private static final BigDecimal RIGHT = Choice.FULL_WEIGHT;

  @Override
  public BankFormat format() {
    return BankFormat.AIKEN;
  }

  /**
   * Imports an Aiken file; see the class comment for the grammar, rejections and losses.
   *
   * @param text the file content; a leading byte-order mark is ignored; any line ending
   * @param fileName the name for the report
   * @return the report, one outcome per question in source order, or a refusal; never throws on
   *     malformed input
   */
  @Override
  public FidelityReport importFile(String text, String fileName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    String body = TextChecks.withoutBom(text);
    String refusal = sniff(body);
    if (refusal != null) {
      return FidelityReport.refused(fileName, BankFormat.AIKEN, refusal);
    }
    List<String> lines = List.of(body.split("\r\n|\r|\n", -1));
    return FidelityReport.of(fileName, BankFormat.AIKEN, new Reader(lines).read());
  }

  /** Why a file is not Aiken at all, or null when it may be. */
  private static String sniff(String body) {
    String refusal =
        TextChecks.binaryOrEmpty(body, "this is a binary file, not an Aiken text file");
    if (refusal != null) {
      return refusal;
    }
    String start = body.stripLeading();
    if (start.startsWith("<")) {
      return "this is an XML or HTML document (Moodle XML or QTI?), not an Aiken text file";
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return "this looks like a JSON document, not an Aiken text file";
    }
    for (String line : body.split("\r\n|\r|\n")) {
      String t = line.strip();
      if (OPTION.matcher(t).matches() || ANSWER_LIKE.matcher(t).lookingAt()) {
        return null;
      }
    }
    return "no Aiken question found: no option line such as 'A) ...' and no 'ANSWER:' line";
  }

  /** One pass over the lines of one file; not thread-safe, one per call. */
  private static final class Reader {
    private final List<String> lines;
    private final List<ItemOutcome> outcomes = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private Draft draft;

    Reader(List<String> lines) {
      this.lines = lines;
    }

    List<ItemOutcome> read() {
      for (int i = 0; i < lines.size(); i++) {
        String raw = lines.get(i);
        String t = raw.strip();
        if (t.isEmpty()) {
          continue;
        }
        int line = i + 1;
        int col = raw.indexOf(t.charAt(0)) + 1;
        Matcher option = OPTION.matcher(t);
        if (ANSWER_LIKE.matcher(t).lookingAt()) {
          answer(i, t, col);
        } else if (option.matches()) {
          option(line, col, option);
        } else {
          if (draft != null && (draft.orphan || !draft.options.isEmpty())) {
            closeWithoutAnswer();
          }
          if (draft == null) {
            draft = new Draft(i, col, false);
          }
          draft.stem.add(t);
        }
      }
      if (draft != null) {
        closeWithoutAnswer();
      }
      return outcomes;
    }

    private void option(int line, int col, Matcher m) {
      if (draft == null) {
        draft = new Draft(line - 1, col, true);
        draft.fail(
            line,
            col,
            "option '"
                + m.group(1)
                + "' comes before any question text; write the question on the line(s) above its"
                + " options");
      }
      String letter = m.group(1);
      String text = m.group(2) == null ? "" : m.group(2).strip();
      int n = draft.options.size();
      if (n >= 26) {
        draft.fail(line, col, "more than 26 options; Aiken letters run from A to Z");
      } else if (!letter.equals(Choice.idFor(n))) {
        draft.fail(
            line,
            col,
            "option '"
                + letter
                + "' where '"
                + Choice.idFor(n)
                + "' was expected; letter the options A, B, C, ... in order");
      } else if (text.isEmpty()) {
        draft.fail(line, col, "option '" + letter + "' has no text");
      }
      draft.options.add(text);
      draft.lastOptionLine = line;
    }

    private void answer(int index, String t, int col) {
      int line = index + 1;
      if (draft == null) {
        outcomes.add(
            ItemOutcome.rejected(
                line, col, "'ANSWER:' line without a question and options above it"));
        return;
      }
      Draft d = draft;
      draft = null;
      if (!t.startsWith("ANSWER:")) {
        d.fail(line, col, "write the answer line as 'ANSWER: X' (capitals, ':' right after)");
      }
      int colon = t.indexOf(':');
      String rest = t.substring(colon + 1);
      String after = rest.stripLeading();
      int letterCol = col + colon + 1 + (rest.length() - after.length());
      List<String> losses = new ArrayList<>();
      if (after.isEmpty()) {
        d.fail(line, col, "'ANSWER:' names no option; write e.g. 'ANSWER: B'");
      } else {
        char letter = after.charAt(0);
        boolean single = after.length() == 1 || !Character.isLetterOrDigit(after.charAt(1));
        if (letter < 'A' || letter > 'Z' || !single) {
          d.fail(
              line,
              letterCol,
              "'ANSWER:' must name one option by its capital letter, e.g. 'ANSWER: B'; found '"
                  + after
                  + "'");
        } else if (d.options.size() < 2) {
          d.fail(
              line, col, "a question needs at least 2 options, this one has " + d.options.size());
        } else if (letter - 'A' >= d.options.size()) {
          d.fail(
              line,
              letterCol,
              "'ANSWER: "
                  + letter
                  + "' names no option; this question has options A to "
                  + Choice.idFor(d.options.size() - 1));
        } else {
          d.right = letter - 'A';
          String extra = after.substring(1).strip();
          if (!extra.isEmpty()) {
            losses.add(
                "text after the answer letter was dropped: '"
                    + extra
                    + "' (Aiken has no place for it)");
          }
        }
      }
      if (d.failed()) {
        outcomes.add(ItemOutcome.rejected(d.errorLine, d.errorColumn, d.error));
        return;
      }
      Item item = item(d, index);
      outcomes.add(
          losses.isEmpty()
              ? ItemOutcome.imported(item, d.firstIndex + 1, d.column)
              : ItemOutcome.importedWithLosses(item, d.firstIndex + 1, d.column, losses));
    }

    private void closeWithoutAnswer() {
      Draft d = draft;
      draft = null;
      if (d.failed()) {
        outcomes.add(ItemOutcome.rejected(d.errorLine, d.errorColumn, d.error));
      } else if (d.options.isEmpty()) {
        outcomes.add(
            ItemOutcome.rejected(
                d.firstIndex + 1,
                d.column,
                "question text without options and without an 'ANSWER:' line"));
      } else {
        String last = lines.get(d.lastOptionLine - 1).stripTrailing();
        outcomes.add(
            ItemOutcome.rejected(
                d.lastOptionLine,
                last.length() + 1,
                "missing 'ANSWER: X' line after option '"
                    + Choice.idFor(d.options.size() - 1)
                    + "'"));
      }
    }

    private Item item(Draft d, int answerIndex) {
      String stemText = String.join("\n", d.stem);
      List<Choice> choices = new ArrayList<>();
      for (int k = 0; k < d.options.size(); k++) {
        String text = d.options.get(k);
        choices.add(
            new Choice(
                Choice.idFor(k),
                text,
                TextFormat.PLAIN,
                SafeHtml.render(text, TextFormat.PLAIN),
                k == d.right ? RIGHT : BigDecimal.ZERO,
                "",
                null));
      }
      String sourceText = String.join("\n", lines.subList(d.firstIndex, answerIndex + 1));
      String base = slug(stemText);
      base = (base.isEmpty() ? "q" : base) + "-" + hash(sourceText);
      int n = ids.merge(base, 1, Integer::sum);
      return new Item(
          n == 1 ? base : base + "-" + n,
          "",
          ItemType.CHOICE_SINGLE,
          TextFormat.PLAIN,
          stemText,
          SafeHtml.render(stemText, TextFormat.PLAIN),
          -1,
          choices,
          List.of(),
          "",
          "",
          List.of(),
          d.firstIndex + 1,
          sourceText);
    }
  }

  /** A question being read. */
  private static final class Draft {
    final int firstIndex;
    final int column;
    final boolean orphan;
    final List<String> stem = new ArrayList<>();
    final List<String> options = new ArrayList<>();
    int lastOptionLine;
    int right = -1;
    String error;
    int errorLine;
    int errorColumn;

    Draft(int firstIndex, int column, boolean orphan) {
      this.firstIndex = firstIndex;
      this.column = column;
      this.orphan = orphan;
    }

    /** Records the first defect only; later ones are usually its consequences. */
    void fail(int line, int column, String message) {
      if (error == null) {
        error = message;
        errorLine = line;
        errorColumn = column;
      }
    }

    boolean failed() {
      return error != null;
    }
  }

  /** Lowercase ASCII letters and digits joined by '-', at most 40 characters. */
  static String slug(String text) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("-[^-]*$", "");
    }
    return slug.replaceAll("-+$", "");
  }

  private static String hash(String sourceText) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(sourceText.replaceAll("\\s+", " ").strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
