package be.edusprong.lms.assessment.moodlexml;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ItemImporter;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.imports.TextChecks;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import be.edusprong.lms.assessment.xml.LinePositions;
import be.edusprong.lms.assessment.xml.SafeXmlReader;
import be.edusprong.lms.assessment.xml.XmlElement;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Moodle XML question files ({@code <quiz>} of {@code <question type="...">}; docs.moodle.org
 * /en/Moodle_XML_format, reference implementation Moodle {@code question/format/xml/format.php}).
 *
 * <p>Parsing is safe ({@link SafeXmlReader}): a file with a {@code <!DOCTYPE>} (external entities,
 * entity bombs), more than 20 million characters, or more than 64 levels of nesting is refused
 * before any question is read; so is a file that is not well-formed (with line and column), empty,
 * binary, or whose root is not {@code <quiz>} (the message names what it is, e.g. "a QTI
 * assessmentItem, not a Moodle XML quiz").
 *
 * <p>Each {@code <question>} gives one outcome at the line and column of its start tag, except
 * {@code type="category"}, which sets the category of the questions after it to the path as written
 * ({@code $course$/top/A/B}; Moodle {@code import_category}). Mapping, with the Moodle source of
 * each rule ({@code format.php} functions):
 *
 * <ul>
 *   <li>{@code multichoice} ({@code import_multichoice}): {@code <single>true</single>} (the
 *       default) gives {@link ItemType#CHOICE_SINGLE}, {@code false} {@link
 *       ItemType#CHOICE_MULTIPLE}; each non-blank {@code <answer>} a choice {@code A}, {@code B},
 *       ... with weight = {@code fraction} (percent, negative allowed) and its feedback. Rejected:
 *       fewer than 2 answers, or none earning marks.
 *   <li>{@code truefalse} ({@code import_truefalse}): choices {@code TRUE} and {@code FALSE}; the
 *       answer whose text is {@code true} gives TRUE's weight and feedback. Rejected: no true or no
 *       false answer.
 *   <li>{@code shortanswer} ({@code import_shortanswer}): each answer an accepted pattern ({@code
 *       *} a wildcard, as in Moodle) with its fraction. {@code <usecase>1</usecase>} is a loss:
 *       case sensitivity is a scoring option here, not part of the item.
 *   <li>{@code numerical} ({@code import_numerical}): each answer a {@link NumericAnswer} (value
 *       and {@code <tolerance>}), {@code *} the catch-all; {@code <units>} are a loss.
 *   <li>{@code matching} ({@code import_match}): each {@code <subquestion>} a pair {@code A},
 *       {@code B}, ...; an empty subquestion text is a distractor (its answer is only offered).
 *       Rejected: fewer than 2 premises with text (Moodle {@code notenoughqsandas}).
 *   <li>{@code essay} ({@code import_essay}), {@code description} ({@code import_description}).
 *   <li>{@code cloze} (Moodle's export name) or {@code multianswer} ({@code import_multianswer},
 *       syntax from {@code qtype_multianswer_extract_question} and docs.moodle.org/en/
 *       Embedded_Answers_(Cloze)_question_type): {@link ItemType#CLOZE}. Each {@code
 *       {n:TYPE:answers}} in the question text becomes a {@link Gap} {@code G1}, {@code G2}, ... in
 *       text order, replaced in the stem by its token ({@link Item#gapToken}); {@code n} is the
 *       gap's weight (1 when empty). {@code SHORTANSWER}/{@code SA}/{@code MW} give {@link
 *       Gap.Kind#TEXT_ENTRY} ({@code _C} case-sensitive variants are a loss, as {@code usecase}),
 *       {@code NUMERICAL}/{@code NM} {@link Gap.Kind#NUMERICAL} ({@code value:tolerance}, {@code *}
 *       the catch-all), {@code MULTICHOICE}/{@code MC} and its {@code _V}, {@code _H}, {@code _S}
 *       variants {@link Gap.Kind#INLINE_CHOICE} (vertical/horizontal radio buttons are a loss: the
 *       gap is one choice list), {@code MULTIRESPONSE}/{@code MR} and variants {@link
 *       Gap.Kind#MULTIPLE_RESPONSE}. Answers are separated by {@code ~}; {@code =} means 100%,
 *       {@code %n%} n%, none 0%; {@code #} starts an answer's feedback (not in a character
 *       reference such as {@code &#39;}); a backslash escapes {@code ~}, {@code #}, <code>&#125;
 *       </code>, {@code /} and itself. Rejected: no embedded answer, an unknown sub-question type,
 *       a gap without an answer earning marks, a numerical answer that is not a number.
 *   <li>{@code ddwtos} and {@code gapselect} ({@code qtype_ddwtos}/{@code qtype_gapselect} {@code
 *       import_from_xml}): {@link ItemType#GAP_MATCH}. Each {@code <dragbox>} (ddwtos, HTML) or
 *       {@code <selectoption>} (gapselect, plain text) a {@link GapText} {@code A}, {@code B}, ...
 *       with its {@code <group>} and, for ddwtos, {@code <infinite/>}; each {@code [[k]]} in the
 *       question text a gap {@code G1}, {@code G2}, ... whose correct text is the k-th. Rejected:
 *       no gap, or a gap naming a text that does not exist. Drop-down lists (gapselect) and drag
 *       and drop (ddwtos) are one item type here; the page decides how to show it.
 *   <li>{@code ordering} ({@code qtype_ordering} {@code import_from_xml}): {@link
 *       ItemType#ORDERING}, the answers as choices in their correct order: by {@code fraction},
 *       which the plugin uses as the answer's position, else in document order. Weights are 0
 *       (unused). Losses: partial-credit grading types (scored here all or nothing), showing a
 *       subset of the items ({@code selecttype}/{@code selectcount}). Rejected: fewer than 2
 *       answers.
 * </ul>
 *
 * <p>Common to all: {@code <name>} is the title, {@code <questiontext format>} the stem format
 * ({@code html}, {@code moodle_auto_format}, {@code plain_text}, {@code markdown}; missing means
 * html, as in {@code import_headers}), {@code <generalfeedback>} the general feedback, {@code
 * <tags>} the tags, {@code <idnumber>} the identifier when given. Fractions must be one of Moodle's
 * grades ({@code question_bank::fraction_options_full}, matched within 0.001 percent, as {@code
 * qformat_default::importprocess} does); any other grade rejects the question, as Moodle does.
 *
 * <p>Losses (imported with losses, each said): embedded {@code <file>} images (dropped for now),
 * {@code @@PLUGINFILE@@} references to them, {@code <hint>}s, non-default combined feedback
 * (correct / partially correct / incorrect), {@code shuffleanswers} false (the assessment decides
 * shuffling), essay grader info, response templates and attachments, numerical units,
 * case-sensitive short answers, an unknown text format (read as HTML).
 *
 * <p>Every other type ({@code calculated}, {@code calculatedsimple}, {@code calculatedmulti},
 * {@code ddimageortext}, {@code ddmarker}, {@code random}, {@code randomsamatch}, plugin types such
 * as {@code gapfill}, ...) is rejected with "unsupported question type 'X' (line:col)", never
 * dropped. ({@code gapfill} stays rejected: its gap syntax, {@code [a|b]} alternatives, and its
 * options for case, duplicates and drag-and-drop differ from Moodle's own types.)
 *
 * <p>Identifiers: {@code <idnumber>} when given and unique, else {@code <slug of the name or
 * stem>-<8 hex digits of SHA-256 of the question's XML>}; repeats get {@code -2}, {@code -3}, ...
 * {@link Item#sourceText()} is the {@code <question>} element as written.
 *
 * <p>Thread-safe and stateless.
 */
public final class MoodleXmlImporter implements ItemImporter {

  /** Moodle's grades in percent ({@code question_bank::fraction_options_full}). */
  private static final List<BigDecimal> GRADES =
      Arrays.stream(
              new String[] {
                "100",
                "90",
                "83.33333",
                "80",
                "75",
                "70",
                "66.66667",
                "60",
                "50",
                "40",
                "33.33333",
                "30",
                "25",
                "20",
                "16.66667",
                "14.28571",
                "12.5",
                "11.11111",
                "10",
                "5",
                "0"
              })
          .map(BigDecimal::new)
          .flatMap(g -> java.util.stream.Stream.of(g, g.negate()))
          .toList();

  /**
   * How Moodle XML files are read: at most 20 million characters (about 20 MB); no element limit
   * beyond that (a large bank has many).
   */
  static final SafeXmlReader.Profile XML =
      new SafeXmlReader.Profile("a Moodle XML export", 20_000_000, Integer.MAX_VALUE, name -> name);

  private static final BigDecimal GRADE_TOLERANCE = new BigDecimal("0.001");
  private static final Pattern PLUGINFILE = Pattern.compile("@@PLUGINFILE@@/([^\"'\\s>)]*)");
  private static final Set<String> DEFAULT_COMBINED_FEEDBACK =
      Set.of(
          "your answer is correct.",
          "your answer is partially correct.",
          "your answer is incorrect.");

  @Override
  public BankFormat format() {
    return BankFormat.MOODLE_XML;
  }

  /**
   * Imports a Moodle XML file; see the class comment for refusals, mapping, losses and rejections.
   *
   * @param text the file content; a leading byte-order mark is ignored
   * @param fileName the name for the report
   * @return the report, one outcome per non-category question in source order, or a refusal; never
   *     throws on malformed input
   */
  @Override
  public FidelityReport importFile(String text, String fileName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    String body = TextChecks.withoutBom(text);
    String refusal =
        TextChecks.notXml(
            body, "this is a binary file, not a Moodle XML text file", "a Moodle XML quiz");
    if (refusal != null) {
      return refused(fileName, refusal);
    }
    XmlElement root;
    try {
      root = SafeXmlReader.parse(body, XML);
    } catch (SafeXmlReader.Refusal r) {
      return refused(fileName, r.getMessage());
    }
    if (!root.name.equals("quiz")) {
      return refused(fileName, whatItIs(root.name) + ", not a Moodle XML quiz");
    }
    return FidelityReport.of(fileName, BankFormat.MOODLE_XML, new Reader(body).read(root));
  }

  private static FidelityReport refused(String fileName, String reason) {
    return FidelityReport.refused(fileName, BankFormat.MOODLE_XML, reason);
  }

  private static String whatItIs(String root) {
    return switch (root) {
      case "assessmentItem", "qti-assessment-item" -> "this is a QTI assessmentItem";
      case "assessmentTest", "qti-assessment-test" -> "this is a QTI assessmentTest";
      case "questestinterop" -> "this is a QTI 1.2 questestinterop document";
      case "assessmentResult", "qti-assessment-result" -> "this is a QTI result report";
      case "manifest" -> "this is an IMS content package manifest (imsmanifest.xml)";
      case "html" -> "this is an HTML page";
      default -> "this is an XML document with root element <" + root + ">";
    };
  }

  /** One pass over one file; not thread-safe, one per call. */
  /** The text of {@code <name><text>...</text></name>} inside {@code q}, or "" when absent. */
  private static String textOf(XmlElement q, String name) {
    XmlElement c = q.child(name);
    return c == null ? "" : c.childText("text");
  }

  private static final class Reader {
    private final String text;
    private final LinePositions lines;
    private final List<ItemOutcome> outcomes = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private String category = "";

    Reader(String text) {
      this.text = text;
      this.lines = new LinePositions(text);
    }

    List<ItemOutcome> read(XmlElement quiz) {
      for (XmlElement q : quiz.children()) {
        if (!q.name.equals("question")) {
          continue;
        }
        int[] pos = position(q.start);
        String type = q.attributes.getOrDefault("type", "").strip();
        if (type.equals("category")) {
          category = q.child("category") == null ? "" : textOf(q, "category").strip();
          continue;
        }
        try {
          question(q, type, pos);
        } catch (Reject r) {
          outcomes.add(ItemOutcome.rejected(pos[0], pos[1], r.getMessage()));
        } catch (RuntimeException e) {
          outcomes.add(
              ItemOutcome.rejected(
                  pos[0], pos[1], "question could not be read: " + e.getMessage()));
        }
      }
      return outcomes;
    }

    /** 1-based line and column of a character offset. */
    int[] position(int offset) {
      return lines.position(offset);
    }

    private void question(XmlElement q, String type, int[] pos) throws Reject {
      String where = "(" + pos[0] + ":" + pos[1] + ")";
      ItemType itemType =
          switch (type) {
            case "multichoice" -> single(q) ? ItemType.CHOICE_SINGLE : ItemType.CHOICE_MULTIPLE;
            case "truefalse" -> ItemType.TRUE_FALSE;
            case "shortanswer" -> ItemType.SHORT_ANSWER;
            case "numerical" -> ItemType.NUMERICAL;
            case "matching" -> ItemType.MATCHING;
            case "essay" -> ItemType.ESSAY;
            case "description" -> ItemType.DESCRIPTION;
            case "cloze", "multianswer" -> ItemType.CLOZE;
            case "ddwtos", "gapselect" -> ItemType.GAP_MATCH;
            case "ordering" -> ItemType.ORDERING;
            default ->
                throw new Reject(
                    type.isEmpty()
                        ? "question without a type attribute " + where
                        : "unsupported question type '" + type + "' " + where);
          };
      List<String> losses = new ArrayList<>();
      String title = textOf(q, "name").strip();
      XmlElement qt = q.child("questiontext");
      TextFormat stemFormat = format(qt, losses, "question text");
      String stemText = qt == null ? "" : qt.childText("text");
      String writtenStem = stemText;
      String generalFeedback = html(q.child("generalfeedback"), losses, "general feedback");
      List<Choice> choices = new ArrayList<>();
      List<MatchPair> pairs = new ArrayList<>();
      List<Gap> gaps = new ArrayList<>();
      List<GapText> gapTexts = new ArrayList<>();
      switch (itemType) {
        case CHOICE_SINGLE, CHOICE_MULTIPLE -> choices = multichoice(q, losses);
        case TRUE_FALSE -> choices = trueFalse(q, stemFormat, losses);
        case SHORT_ANSWER -> choices = shortAnswer(q, losses);
        case NUMERICAL -> choices = numerical(q, losses);
        case MATCHING -> pairs = matching(q, losses);
        case ESSAY -> essay(q, losses);
        case ORDERING -> choices = ordering(q, losses);
        case CLOZE -> stemText = cloze(stemText, gaps, losses);
        case GAP_MATCH -> {
          gapTexts = gapTexts(q, type.equals("ddwtos"), losses);
          stemText = gapMatch(stemText, gapTexts, gaps);
        }
        default -> {
          // description: text only
        }
      }
      shuffle(q, losses);
      combinedFeedback(q, losses);
      if (!q.all("hint").isEmpty()) {
        losses.add(
            q.all("hint").size()
                + " hint(s) dropped: hints for interactive mode are not supported yet");
      }
      files(q, losses);
      List<String> tags = new ArrayList<>();
      XmlElement tagsNode = q.child("tags");
      if (tagsNode != null) {
        for (XmlElement t : tagsNode.all("tag")) {
          String tag = t.childText("text").strip();
          if (!tag.isEmpty()) {
            tags.add(tag);
          }
        }
      }
      String sourceText = text.substring(q.start, Math.max(q.start, q.end()));
      String idNumber = q.value("idnumber");
      String base;
      if (idNumber != null && !idNumber.isEmpty()) {
        base = idNumber;
      } else {
        String slug = slug(title.isEmpty() ? writtenStem.replaceAll("<[^>]*>", " ") : title);
        base = (slug.isEmpty() ? "q" : slug) + "-" + hash(sourceText);
      }
      int n = ids.merge(base, 1, Integer::sum);
      Item item =
          new Item(
              n == 1 ? base : base + "-" + n,
              title,
              itemType,
              stemFormat,
              stemText,
              SafeHtml.render(stemText, stemFormat),
              -1,
              choices,
              pairs,
              gaps,
              gapTexts,
              generalFeedback,
              category,
              tags,
              pos[0],
              sourceText.isEmpty() ? "<question/>" : sourceText);
      outcomes.add(
          losses.isEmpty()
              ? ItemOutcome.imported(item, pos[0], pos[1])
              : ItemOutcome.importedWithLosses(
                  item, pos[0], pos[1], List.copyOf(new LinkedHashSet<>(losses))));
    }

    private static boolean single(XmlElement q) {
      String s = q.value("single");
      return s == null || !(s.equalsIgnoreCase("false") || s.equals("0"));
    }

    private List<Choice> multichoice(XmlElement q, List<String> losses) throws Reject {
      List<Choice> choices = new ArrayList<>();
      for (XmlElement a : q.all("answer")) {
        BigDecimal weight = fraction(a);
        String answerText = a.childText("text");
        if (answerText.isBlank()) {
          if (weight.signum() != 0) {
            losses.add(
                "a blank answer with fraction " + weight + "% was dropped (Moodle skips it)");
          }
          continue;
        }
        TextFormat f = format(a, losses, "answer");
        choices.add(
            new Choice(
                Choice.idFor(choices.size()),
                answerText,
                f,
                SafeHtml.render(answerText, f),
                weight,
                html(a.child("feedback"), losses, "answer feedback"),
                null));
      }
      if (choices.size() < 2) {
        throw new Reject(
            "a multiple-choice question needs at least 2 answers, this one has " + choices.size());
      }
      if (choices.stream().noneMatch(c -> c.weightPercent().signum() > 0)) {
        throw new Reject("no answer earns marks: give the right answer(s) a positive fraction");
      }
      return choices;
    }

    private List<Choice> trueFalse(XmlElement q, TextFormat stemFormat, List<String> losses)
        throws Reject {
      Choice truth = null;
      Choice falsehood = null;
      for (XmlElement a : q.all("answer")) {
        String t = a.childText("text").strip().toLowerCase(Locale.ROOT);
        BigDecimal weight = fraction(a);
        String feedback = html(a.child("feedback"), losses, "answer feedback");
        if (t.equals("true") && truth == null) {
          truth = new Choice("TRUE", "TRUE", stemFormat, "True", weight, feedback, null);
        } else if (t.equals("false") && falsehood == null) {
          falsehood = new Choice("FALSE", "FALSE", stemFormat, "False", weight, feedback, null);
        } else {
          throw new Reject(
              "a true/false answer must be written 'true' or 'false' once each, found '"
                  + a.childText("text").strip()
                  + "'");
        }
      }
      if (truth == null || falsehood == null) {
        throw new Reject("a true/false question needs a 'true' and a 'false' answer");
      }
      return List.of(truth, falsehood);
    }

    private List<Choice> shortAnswer(XmlElement q, List<String> losses) throws Reject {
      String usecase = q.value("usecase");
      if (usecase != null && (usecase.equals("1") || usecase.equalsIgnoreCase("true"))) {
        losses.add(
            "usecase=1 (case-sensitive answers) is not kept with the item; answers are compared"
                + " case-insensitively unless the scorer is made case-sensitive");
      }
      List<Choice> choices = new ArrayList<>();
      for (XmlElement a : q.all("answer")) {
        BigDecimal weight = fraction(a);
        String pattern = a.childText("text").strip();
        if (pattern.isEmpty()) {
          continue;
        }
        choices.add(
            new Choice(
                Choice.idFor(choices.size()),
                pattern,
                TextFormat.PLAIN,
                SafeHtml.render(pattern, TextFormat.PLAIN),
                weight,
                html(a.child("feedback"), losses, "answer feedback"),
                null));
      }
      if (choices.isEmpty()) {
        throw new Reject("a short-answer question needs at least one answer");
      }
      if (choices.stream().noneMatch(c -> c.weightPercent().signum() > 0)) {
        throw new Reject("no answer earns marks: give the accepted answer(s) a positive fraction");
      }
      return choices;
    }

    private List<Choice> numerical(XmlElement q, List<String> losses) throws Reject {
      XmlElement units = q.child("units");
      if (units != null && !units.all("unit").isEmpty()) {
        List<String> names =
            units.all("unit").stream().map(u -> String.valueOf(u.value("unit_name"))).toList();
        losses.add(
            "units "
                + names
                + " dropped: numerical units are not supported yet; learners answer with the"
                + " number only");
      }
      List<Choice> choices = new ArrayList<>();
      for (XmlElement a : q.all("answer")) {
        BigDecimal weight = fraction(a);
        String value = a.childText("text").strip();
        String feedback = html(a.child("feedback"), losses, "answer feedback");
        String id = Choice.idFor(choices.size());
        if (value.equals("*") || value.isEmpty()) {
          choices.add(new Choice(id, "*", TextFormat.PLAIN, "*", weight, feedback, null));
          continue;
        }
        BigDecimal number = number(value, "answer");
        String tol = a.value("tolerance");
        BigDecimal tolerance =
            tol == null || tol.isEmpty() ? BigDecimal.ZERO : number(tol, "tolerance").abs();
        NumericAnswer numeric = new NumericAnswer(number, tolerance);
        String spec =
            tolerance.signum() == 0
                ? number.toPlainString()
                : number.toPlainString() + ":" + tolerance.toPlainString();
        choices.add(
            new Choice(
                id, spec, TextFormat.PLAIN, SafeHtml.escape(spec), weight, feedback, numeric));
      }
      if (choices.stream().noneMatch(c -> c.numeric() != null)) {
        throw new Reject("a numerical question needs at least one numeric answer");
      }
      if (choices.stream().noneMatch(c -> c.weightPercent().signum() > 0)) {
        throw new Reject("no answer earns marks: give the accepted number(s) a positive fraction");
      }
      return choices;
    }

    private List<MatchPair> matching(XmlElement q, List<String> losses) throws Reject {
      List<MatchPair> pairs = new ArrayList<>();
      int premises = 0;
      for (XmlElement s : q.all("subquestion")) {
        String premise = s.childText("text");
        String answer =
            s.child("answer") == null ? "" : s.child("answer").childText("text").strip();
        if (answer.isEmpty()) {
          if (!premise.isBlank()) {
            throw new Reject("subquestion '" + premise.strip() + "' has no answer");
          }
          continue;
        }
        TextFormat f = format(s, losses, "subquestion");
        boolean distractor = premise.isBlank();
        if (!distractor) {
          premises++;
        }
        pairs.add(
            new MatchPair(
                Choice.idFor(pairs.size()),
                distractor ? "" : premise,
                f,
                distractor ? "" : SafeHtml.render(premise, f),
                answer));
      }
      if (premises < 2) {
        throw new Reject(
            "a matching question needs at least 2 subquestions with text, this one has "
                + premises);
      }
      return pairs;
    }

    private List<Choice> ordering(XmlElement q, List<String> losses) throws Reject {
      record Entry(BigDecimal position, XmlElement node) {}
      List<Entry> entries = new ArrayList<>();
      Set<BigDecimal> positions = new java.util.HashSet<>();
      boolean byFraction = true;
      for (XmlElement a : q.all("answer")) {
        if (a.childText("text").isBlank()) {
          continue;
        }
        String raw = a.attributes.getOrDefault("fraction", "").strip();
        BigDecimal position = null;
        try {
          position = raw.isEmpty() ? null : new BigDecimal(raw);
        } catch (NumberFormatException e) {
          position = null;
        }
        if (position == null || !positions.add(position.stripTrailingZeros())) {
          byFraction = false;
        }
        entries.add(new Entry(position, a));
      }
      if (entries.size() < 2) {
        throw new Reject(
            "an ordering question needs at least 2 items to order, this one has " + entries.size());
      }
      if (byFraction) {
        entries.sort(Comparator.comparing(Entry::position));
      }
      String grading = q.value("gradingtype");
      if (grading != null
          && !grading.isEmpty()
          && !grading.equalsIgnoreCase("ALL_OR_NOTHING")
          && !grading.equals("-1")) {
        losses.add(
            "gradingtype "
                + grading
                + " (partial credit) is not kept: ordering items are scored all or nothing");
      }
      String select = q.value("selecttype");
      String count = q.value("selectcount");
      boolean subset =
          (select != null
                  && !select.isEmpty()
                  && !select.equalsIgnoreCase("ALL")
                  && !select.equals("0"))
              || (count != null
                  && count.matches("[0-9]+")
                  && Integer.parseInt(count) > 0
                  && Integer.parseInt(count) < entries.size());
      if (subset) {
        losses.add(
            "selecttype/selectcount (show a subset of the items) is not kept: all "
                + entries.size()
                + " items are shown");
      }
      List<Choice> choices = new ArrayList<>();
      for (Entry e : entries) {
        TextFormat f = format(e.node(), losses, "answer");
        String t = e.node().childText("text");
        choices.add(
            new Choice(
                Choice.idFor(choices.size()),
                t,
                f,
                SafeHtml.render(t, f),
                BigDecimal.ZERO,
                html(e.node().child("feedback"), losses, "answer feedback"),
                null));
      }
      return choices;
    }

    private static final Pattern CLOZE_START = Pattern.compile("\\{([0-9]*):([A-Za-z_]+):");
    private static final Pattern GAP_NUMBER = Pattern.compile("\\[\\[([0-9]+)\\]\\]");

    /** Replaces each embedded answer by its gap token; the gaps are added to {@code gaps}. */
    private String cloze(String stem, List<Gap> gaps, List<String> losses) throws Reject {
      StringBuilder out = new StringBuilder();
      Matcher m = CLOZE_START.matcher(stem);
      int last = 0;
      while (m.find(last)) {
        int end = closingBrace(stem, m.end());
        if (end < 0) {
          break;
        }
        String gapId = Gap.idFor(gaps.size());
        gaps.add(subQuestion(gapId, m.group(1), m.group(2), stem.substring(m.end(), end), losses));
        out.append(stem, last, m.start()).append(Item.gapToken(gapId));
        last = end + 1;
      }
      out.append(stem.substring(last));
      if (gaps.isEmpty()) {
        throw new Reject(
            "a cloze question needs at least one embedded answer such as {1:SHORTANSWER:=answer}");
      }
      return out.toString();
    }

    /** The index of the first '}' at or after {@code from} that no backslash escapes, or -1. */
    private static int closingBrace(String s, int from) {
      for (int i = from; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '}') {
          return i;
        }
      }
      return -1;
    }

    private Gap subQuestion(
        String gapId, String weight, String type, String body, List<String> losses) throws Reject {
      String t = type.toUpperCase(Locale.ROOT);
      String what = "cloze gap " + gapId + " ({" + weight + ":" + type + ":...})";
      Gap.Kind kind =
          switch (t) {
            case "SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC" -> Gap.Kind.TEXT_ENTRY;
            case "NUMERICAL", "NM" -> Gap.Kind.NUMERICAL;
            case "MULTICHOICE",
                    "MC",
                    "MULTICHOICE_V",
                    "MCV",
                    "MULTICHOICE_H",
                    "MCH",
                    "MULTICHOICE_S",
                    "MCS",
                    "MULTICHOICE_VS",
                    "MCVS",
                    "MULTICHOICE_HS",
                    "MCHS" ->
                Gap.Kind.INLINE_CHOICE;
            case "MULTIRESPONSE",
                    "MR",
                    "MULTIRESPONSE_H",
                    "MRH",
                    "MULTIRESPONSE_S",
                    "MRS",
                    "MULTIRESPONSE_HS",
                    "MRHS" ->
                Gap.Kind.MULTIPLE_RESPONSE;
            default ->
                throw new Reject("unknown cloze sub-question type '" + type + "' in " + what);
          };
      if (t.endsWith("_C") || t.equals("SAC") || t.equals("MWC")) {
        losses.add(
            what
                + " is case-sensitive; answers are compared case-insensitively unless the scorer"
                + " is made case-sensitive");
      }
      if (kind == Gap.Kind.INLINE_CHOICE
          && (t.contains("_V") || t.contains("_H") || t.startsWith("MCV") || t.startsWith("MCH"))) {
        losses.add(
            what
                + ": vertical or horizontal radio buttons are not kept; the gap is one choice list");
      }
      List<Choice> answers = new ArrayList<>();
      for (String alternative : splitUnescaped(body, '~')) {
        if (alternative.isBlank()) {
          continue;
        }
        BigDecimal percent = BigDecimal.ZERO;
        String rest = alternative;
        if (rest.startsWith("=")) {
          percent = Choice.FULL_WEIGHT;
          rest = rest.substring(1);
        } else if (rest.startsWith("%")) {
          int close = rest.indexOf('%', 1);
          if (close < 0) {
            throw new Reject(what + ": weight '" + rest + "' lacks its closing %");
          }
          percent = number(rest.substring(1, close).replace(',', '.'), "weight");
          if (percent.abs().compareTo(Choice.FULL_WEIGHT) > 0) {
            throw new Reject(what + ": weight " + percent + "% lies outside -100..100");
          }
          rest = rest.substring(close + 1);
        }
        int hash = feedbackSeparator(rest);
        String answer = unescape(hash < 0 ? rest : rest.substring(0, hash));
        String feedback = hash < 0 ? "" : SafeHtml.sanitize(unescape(rest.substring(hash + 1)));
        String id = Choice.idFor(answers.size());
        switch (kind) {
          case NUMERICAL -> {
            String spec = answer.strip();
            if (spec.equals("*") || spec.isEmpty()) {
              answers.add(new Choice(id, "*", TextFormat.PLAIN, "*", percent, feedback, null));
              continue;
            }
            int colon = spec.indexOf(':');
            BigDecimal value =
                number(colon < 0 ? spec : spec.substring(0, colon), what + " answer");
            BigDecimal tolerance =
                colon < 0
                    ? BigDecimal.ZERO
                    : number(spec.substring(colon + 1), what + " tolerance").abs();
            answers.add(
                new Choice(
                    id,
                    spec,
                    TextFormat.PLAIN,
                    SafeHtml.escape(spec),
                    percent,
                    feedback,
                    new NumericAnswer(value, tolerance)));
          }
          case TEXT_ENTRY -> {
            String plain = decodeEntities(answer.replaceAll("<[^>]*>", "")).strip();
            answers.add(
                new Choice(
                    id, plain, TextFormat.PLAIN, SafeHtml.escape(plain), percent, feedback, null));
          }
          default ->
              answers.add(
                  new Choice(
                      id,
                      answer.strip(),
                      TextFormat.HTML,
                      SafeHtml.sanitize(answer.strip()),
                      percent,
                      feedback,
                      null));
        }
      }
      if (answers.stream().noneMatch(c -> c.weightPercent().signum() > 0)) {
        throw new Reject(what + " has no answer earning marks: mark the right one with = or %100%");
      }
      int w = weight.isEmpty() ? 1 : Integer.parseInt(weight.length() > 6 ? "1000000" : weight);
      return Gap.cloze(gapId, kind, answers, Math.max(1, w));
    }

    /** Splits on {@code sep} where no backslash escapes it. */
    private static List<String> splitUnescaped(String s, char sep) {
      List<String> parts = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length()) {
          cur.append(c).append(s.charAt(++i));
        } else if (c == sep) {
          parts.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(c);
        }
      }
      parts.add(cur.toString());
      return parts;
    }

    /** The first '#' not escaped and not part of a character reference ({@code &#39;}), or -1. */
    private static int feedbackSeparator(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == '#' && !(i > 0 && s.charAt(i - 1) == '&')) {
          return i;
        }
      }
      return -1;
    }

    private static String unescape(String s) {
      return s.replaceAll("\\\\([\\\\~#}{/])", "$1");
    }

    private static String decodeEntities(String s) {
      return s.replace("&nbsp;", "\u00A0")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&quot;", "\"")
          .replace("&#39;", "'")
          .replace("&#039;", "'")
          .replace("&amp;", "&");
    }

    private List<GapText> gapTexts(XmlElement q, boolean dragAndDrop, List<String> losses)
        throws Reject {
      List<GapText> out = new ArrayList<>();
      for (XmlElement box : q.all(dragAndDrop ? "dragbox" : "selectoption")) {
        String t = box.childText("text");
        if (t.isBlank()) {
          throw new Reject(
              (dragAndDrop ? "dragbox " : "selectoption ") + (out.size() + 1) + " has no text");
        }
        String g = box.value("group");
        int group;
        try {
          group = g == null || g.isEmpty() ? 1 : Integer.parseInt(g);
        } catch (NumberFormatException e) {
          throw new Reject("group '" + g + "' is not a number");
        }
        if (group < 1) {
          throw new Reject("group " + group + " must be 1 or more");
        }
        TextFormat f = dragAndDrop ? TextFormat.HTML : TextFormat.PLAIN;
        String text = dragAndDrop ? t.strip() : decodeEntities(t).strip();
        out.add(
            new GapText(
                Choice.idFor(out.size()),
                text,
                f,
                SafeHtml.render(text, f),
                group,
                dragAndDrop && box.child("infinite") != null));
      }
      if (out.isEmpty()) {
        throw new Reject(
            "a "
                + (dragAndDrop ? "ddwtos" : "gapselect")
                + " question needs texts to fill the gaps");
      }
      return out;
    }

    /** Replaces each {@code [[k]]} by a gap token; the gaps are added to {@code gaps}. */
    private static String gapMatch(String stem, List<GapText> texts, List<Gap> gaps) throws Reject {
      StringBuilder out = new StringBuilder();
      Matcher m = GAP_NUMBER.matcher(stem);
      int last = 0;
      while (m.find()) {
        int k = m.group(1).length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
        if (k < 1 || k > texts.size()) {
          throw new Reject(
              "gap [["
                  + m.group(1)
                  + "]] names text "
                  + m.group(1)
                  + ", but the question has "
                  + texts.size()
                  + " text(s) to choose from");
        }
        String gapId = Gap.idFor(gaps.size());
        gaps.add(Gap.gapMatch(gapId, texts.get(k - 1).id()));
        out.append(stem, last, m.start()).append(Item.gapToken(gapId));
        last = m.end();
      }
      out.append(stem.substring(last));
      if (gaps.isEmpty()) {
        throw new Reject("the question text has no gap [[1]], [[2]], ... to fill");
      }
      return out.toString();
    }

    private void essay(XmlElement q, List<String> losses) {
      String attachments = q.value("attachments");
      if (attachments != null && !attachments.equals("0") && !attachments.isEmpty()) {
        losses.add("file attachments (" + attachments + ") dropped: essays take text only");
      }
      if (!textOf(q, "graderinfo").isBlank()) {
        losses.add("grader information dropped: not stored with the item yet");
      }
      if (!textOf(q, "responsetemplate").isBlank()) {
        losses.add("response template dropped: not stored with the item yet");
      }
    }

    private static void shuffle(XmlElement q, List<String> losses) {
      String s = q.value("shuffleanswers");
      if (s != null && (s.equals("0") || s.equalsIgnoreCase("false"))) {
        losses.add(
            "shuffleanswers=false (keep the answer order) is not kept; the assessment decides"
                + " whether choices are shuffled");
      }
    }

    private static void combinedFeedback(XmlElement q, List<String> losses) {
      for (String name :
          List.of("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback")) {
        String f = textOf(q, name).replaceAll("<[^>]*>", "").strip();
        if (!f.isEmpty() && !DEFAULT_COMBINED_FEEDBACK.contains(f.toLowerCase(Locale.ROOT))) {
          losses.add(name + " dropped: combined feedback has no place in the item model yet");
        }
      }
    }

    private static void files(XmlElement q, List<String> losses) {
      List<XmlElement> files = new ArrayList<>();
      files.addAll(q.find("file"));
      for (XmlElement f : files) {
        losses.add(
            "embedded image dropped: '"
                + f.attributes.getOrDefault("name", "?")
                + "' (embedded files are not stored yet)");
      }
      Set<String> refs = new LinkedHashSet<>();
      collectPluginFiles(q, refs);
      for (String ref : refs) {
        losses.add(
            "@@PLUGINFILE@@ reference '"
                + ref
                + "' points at a file that is not imported; the image will not show");
      }
    }

    private static void collectPluginFiles(XmlElement node, Set<String> refs) {
      if (!node.name.equals("file")) {
        Matcher m = PLUGINFILE.matcher(node.text());
        while (m.find()) {
          refs.add(m.group(1));
        }
        node.children().forEach(c -> collectPluginFiles(c, refs));
      }
    }

    private static BigDecimal fraction(XmlElement answer) throws Reject {
      String raw = answer.attributes.getOrDefault("fraction", "0").strip();
      BigDecimal f = number(raw.isEmpty() ? "0" : raw, "fraction");
      for (BigDecimal g : GRADES) {
        if (f.subtract(g).abs().compareTo(GRADE_TOLERANCE) < 0) {
          return f;
        }
      }
      throw new Reject(
          "invalid grade: fraction=\""
              + raw
              + "\" is not one of Moodle's grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60,"
              + " 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0, or"
              + " their negatives)");
    }

    private static BigDecimal number(String raw, String what) throws Reject {
      try {
        return new BigDecimal(raw.strip());
      } catch (NumberFormatException e) {
        throw new Reject(what + " '" + raw + "' is not a number");
      }
    }

    private static TextFormat format(XmlElement node, List<String> losses, String what) {
      String f = node == null ? null : node.attributes.get("format");
      if (f == null || f.isEmpty()) {
        return TextFormat.HTML;
      }
      return switch (f) {
        case "html" -> TextFormat.HTML;
        case "moodle_auto_format" -> TextFormat.MOODLE;
        case "plain_text" -> TextFormat.PLAIN;
        case "markdown" -> TextFormat.MARKDOWN;
        default -> {
          losses.add("unknown text format '" + f + "' of the " + what + " was read as HTML");
          yield TextFormat.HTML;
        }
      };
    }

    private static String html(XmlElement node, List<String> losses, String what) {
      if (node == null) {
        return "";
      }
      return SafeHtml.render(node.childText("text"), format(node, losses, what));
    }
  }

  /** A question that cannot become an item; the message is the outcome's reason. */
  private static final class Reject extends Exception {
    private static final long serialVersionUID = 1L;

    Reject(String message) {
      super(message);
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
      return java.util.HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
