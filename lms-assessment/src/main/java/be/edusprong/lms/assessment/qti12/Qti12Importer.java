package be.edusprong.lms.assessment.qti12;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ItemImporter;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.imports.TextChecks;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import be.edusprong.lms.assessment.xml.SafeXmlReader;
import be.edusprong.lms.assessment.xml.XmlElement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads IMS QTI 1.2 item banks: a {@code <questestinterop>} document (namespace {@value #NS}, or
 * none) holding {@code <item>}s, directly or under {@code <assessment>}/{@code <section>} (nested
 * sections allowed) or {@code <objectbank>} (IMS QTI ASI XML Binding 1.2; Canvas "QTI export" and
 * the Common Cartridge 1.x QTI profile).
 *
 * <p><b>Refusals</b> (the whole file, no outcomes): empty, binary (a zipped {@code .imscc} or
 * content package), not XML, not well-formed (with line and column), a {@code <!DOCTYPE>} (so no
 * external entity and no entity bomb is ever expanded), more than 20 million characters, 64 levels
 * or 500,000 elements ({@link #XML}), a root other than {@code questestinterop} or in another
 * namespace.
 *
 * <p><b>One outcome per {@code <item>}</b>, in document order, at the line and column of its start
 * tag (or of the defect when rejected); an {@code <itemref>}/{@code <sectionref>} to another file
 * is rejected. The item type comes from the {@code qtimetadatafield} labelled {@code question_type}
 * (Canvas) or {@code cc_profile} (Common Cartridge):
 *
 * <ul>
 *   <li>{@code multiple_choice_question}, {@code cc.multiple_choice.v0p1}: {@link
 *       ItemType#CHOICE_SINGLE}; each {@code response_label} of the one {@code response_lid} a
 *       choice {@code A}, {@code B}, ... (the QTI {@code ident} only links the label to the
 *       conditions). Weight: the {@code SCORE} a {@code respcondition} testing {@code varequal} on
 *       the label sets, as a percentage of the {@code decvar maxvalue} (else of the highest score).
 *   <li>{@code true_false_question}, {@code cc.true_false.v0p1}: {@link ItemType#TRUE_FALSE}
 *       (choices {@code TRUE}/{@code FALSE}, told apart by their label texts True/False, also in
 *       Dutch, French and German); labels of other texts give a single choice item (a loss).
 *   <li>{@code multiple_answers_question}, {@code cc.multiple_response.v0p1}: {@link
 *       ItemType#CHOICE_MULTIPLE}. Canvas and Common Cartridge write one condition, an {@code
 *       <and>} of {@code varequal} on the correct labels and {@code <not><varequal>} on the others,
 *       which sets 100: all or nothing. Canvas classic quizzes score multiple answers with partial
 *       credit (points divided over the correct answers, wrong answers deduct the same share;
 *       Canvas Guides, "How do I create a quiz with individual question types?" / "multiple
 *       answers"), so each of the {@code n} correct choices gets {@code 100/n} and every other
 *       choice {@code -100/n}; when {@code n > 1} this is reported as a loss, because the file
 *       itself says all or nothing. Separate {@code Add} conditions per label give their share of
 *       the maximum.
 *   <li>{@code short_answer_question} (Canvas "fill in the blank"), {@code cc.fib.v0p1}, {@code
 *       cc.pattern_match.v0p1}: {@link ItemType#SHORT_ANSWER}; each {@code varequal} of a scoring
 *       condition an accepted answer ({@code *} escaped), {@code varsubstring} the pattern {@code
 *       *text*}; {@code case="Yes"} is a loss (case is a scoring option here).
 *   <li>{@code numerical_question} (or a {@code response_num}): {@link ItemType#NUMERICAL}; a
 *       {@code varequal} an exact answer, a {@code vargte}+{@code varlte} pair a range ({@link
 *       NumericAnswer#range}); Canvas writes an answer with a margin as {@code <or>} of the exact
 *       value and the range, read as the range; {@code vargt}/{@code varlt} are read as inclusive
 *       (a loss).
 *   <li>{@code matching_question}: {@link ItemType#MATCHING}; each {@code response_lid} a premise
 *       (its {@code material}), the label its condition names the answer; labels no premise uses
 *       become distractors. Unequal scores per premise are a loss (each pair counts equally here).
 *   <li>{@code essay_question}, {@code cc.essay.v0p1}: {@link ItemType#ESSAY}; {@code
 *       text_only_question}: {@link ItemType#DESCRIPTION}.
 *   <li>{@code fill_in_multiple_blanks_question} and {@code multiple_dropdowns_question} (Canvas
 *       Guides, "Fill In Multiple Blanks", "Multiple Dropdowns"): {@link ItemType#CLOZE}. The
 *       question text names each blank as {@code [name]} (letters, digits, {@code _}, {@code -},
 *       {@code .}); each placeholder becomes the token {@link Item#gapToken} of the next gap
 *       ({@code G1}, {@code G2}, ... in text order), filled by the {@code response_lid} whose
 *       {@code material} is the name (else whose ident is {@code response_<name>}). Fill in: a
 *       {@link Gap.Kind#TEXT_ENTRY} gap, each {@code response_label} an accepted answer at 100% (as
 *       is any text a scoring {@code varequal} names that is no label ident); dropdowns: a {@link
 *       Gap.Kind#INLINE_CHOICE} gap, the labels a scoring {@code varequal} names at 100%, the
 *       others at 0. Canvas gives each blank an equal share of the points ({@code Add 100/n});
 *       other shares give gap weights in the same whole ratio (60 and 40: 3 and 2). Rejected: a
 *       placeholder that names no response, a placeholder written twice, a response without
 *       placeholder, a dropdown without a scoring option, a condition on several blanks at once.
 *   <li>without type metadata, several {@code response_str} in the flow of the text (WebCT /
 *       Blackboard Vista "fill in the blank"): {@link ItemType#CLOZE}, a {@link
 *       Gap.Kind#TEXT_ENTRY} gap where each response stands, its accepted answers the {@code
 *       varequal} texts of the scoring conditions on it; reported as a guess.
 *   <li>without type metadata (e.g. Blackboard/WebCT exports) the type follows the presentation: no
 *       response a description, one {@code response_lid} single or multiple choice after its {@code
 *       rcardinality}, a {@code response_str} a short answer when a condition names accepted
 *       answers and an essay otherwise, a {@code response_num} numerical; this guess is reported.
 * </ul>
 *
 * <p><b>Rejected</b> with the type's name and position: {@code calculated_question}, {@code
 * file_upload_question}, {@code hot_spot_question} and any other type, and an item without type
 * metadata with several responses that are not all {@code response_str}; so is an item whose
 * conditions cannot be mapped (e.g. {@code setvar action="Multiply"}, a condition on an unknown
 * label), a choice item without a scoring choice, a short answer without accepted answer.
 *
 * <p><b>Common to all</b>: the stem is the {@code presentation}'s {@code material} outside the
 * responses ({@code mattext texttype="text/html"} as HTML, other text escaped, {@code matimage} as
 * {@code <img>}, {@code matbreak} as {@code <br>}), sanitised by {@link SafeHtml}. Title: the
 * item's {@code title}; identifier: its {@code ident} (a repeat gets {@code -2}, {@code -3}, ...; a
 * loss). Category: the titles of the enclosing {@code assessment}, {@code objectbank} and titled
 * {@code section}s joined by {@code /}. Feedback ({@code itemfeedback} shown by {@code
 * displayfeedback}): on a condition testing one label, that choice's feedback; on an {@code
 * <other/>} condition every answer reaches (all conditions before it {@code continue="Yes"}), the
 * general feedback; any other feedback (e.g. Canvas "incorrect" feedback) is a loss, as are {@code
 * hint}/{@code solution}, audio, video, applets, {@code itemproc_extension} and images outside the
 * file. {@link Item#sourceText()} is the {@code <item>} element as written.
 *
 * <p>Thread-safe and stateless.
 */
public final class Qti12Importer implements ItemImporter {

  /** The QTI 1.2 namespace (Common Cartridge and Canvas write it; older files have none). */
  public static final String NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2";

  /** How QTI 1.2 files are read: at most 20 million characters (a large bank), 500,000 elements. */
  static final SafeXmlReader.Profile XML =
      new SafeXmlReader.Profile("QTI 1.2", 20_000_000, 500_000, name -> name);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The source of an image in HTML text, quoted either way. */
  private static final Pattern IMG_SRC =
      Pattern.compile("<img\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']*)[\"']", Pattern.CASE_INSENSITIVE);

  /**
   * A Canvas blank placeholder in a question text: {@code [}, a name of letters, digits, {@code _},
   * {@code -} or {@code .}, {@code ]} (Canvas "Fill In Multiple Blanks" / "Multiple Dropdowns":
   * {@code Roses are [color1]}); group 1 is the name.
   */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\[([A-Za-z0-9_.\\-]+)\\]");

  private static final Set<String> TRUE_TEXTS =
      Set.of("true", "waar", "juist", "vrai", "wahr", "richtig", "correct", "yes", "ja");
  private static final Set<String> FALSE_TEXTS =
      Set.of("false", "onwaar", "fout", "niet waar", "faux", "falsch", "incorrect", "no", "nee");

  /** Item kinds, after the type metadata or the structure. */
  private enum Kind {
    CHOICE,
    TRUE_FALSE,
    MULTIPLE,
    SHORT,
    NUMERIC,
    MATCH,
    ESSAY,
    TEXT,
    /** Canvas fill in multiple blanks: {@code [name]} placeholders, text entry gaps. */
    BLANKS,
    /** Canvas multiple dropdowns: {@code [name]} placeholders, inline choice gaps. */
    DROPDOWNS,
    /** Several {@code response_str} in the flow, without type metadata (WebCT/Vista). */
    INLINE_BLANKS
  }

  @Override
  public BankFormat format() {
    return BankFormat.QTI12;
  }

  /**
   * Whether a document's first element is {@code questestinterop} (with or without a prefix), after
   * the XML declaration, comments and processing instructions; used by {@code Importers.importFile}
   * to route a file here.
   *
   * @param start the start of the document, leading whitespace and byte-order mark removed
   * @return true for a QTI 1.2 document
   */
  public static boolean isQti12(String start) {
    String rest = start;
    for (int guard = 0; guard < 100; guard++) {
      rest = rest.stripLeading();
      if (rest.startsWith("<?") || rest.startsWith("<!--")) {
        int end = rest.indexOf(rest.startsWith("<?") ? "?>" : "-->");
        if (end < 0) {
          return false;
        }
        rest = rest.substring(end + (rest.startsWith("<?") ? 2 : 3));
      } else {
        if (!rest.startsWith("<")) {
          return false;
        }
        int end = 1;
        while (end < rest.length()
            && !Character.isWhitespace(rest.charAt(end))
            && rest.charAt(end) != '>'
            && rest.charAt(end) != '/') {
          end++;
        }
        String name = rest.substring(1, end);
        return name.equals("questestinterop") || name.endsWith(":questestinterop");
      }
    }
    return false;
  }

  /**
   * Imports one QTI 1.2 document; see the class comment for refusals, mapping, losses and
   * rejections.
   *
   * @param text the file content; a leading byte-order mark is ignored
   * @param fileName the name for the report
   * @return the report, one outcome per item in document order, or a refusal; never throws on
   *     malformed input
   */
  @Override
  public FidelityReport importFile(String text, String fileName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    String body = TextChecks.withoutBom(text);
    String refusal =
        TextChecks.notXml(
            body,
            "this is a binary file (a zipped .imscc or content package?), not a QTI 1.2 document",
            "a QTI 1.2 document");
    if (refusal != null) {
      return refused(fileName, refusal);
    }
    XmlElement root;
    try {
      root = SafeXmlReader.parse(body, XML);
    } catch (SafeXmlReader.Refusal r) {
      return refused(fileName, r.getMessage());
    }
    if (!root.name.equals("questestinterop")) {
      return refused(
          fileName,
          "this is an XML document with root <"
              + root.name
              + ">, not a QTI 1.2 questestinterop document");
    }
    if (!root.namespace.isEmpty() && !root.namespace.startsWith(NS)) {
      return refused(
          fileName,
          "this is a questestinterop in namespace "
              + root.namespace
              + "; only QTI 1.2 ("
              + NS
              + " or no namespace) is read");
    }
    Reader reader = new Reader(body);
    reader.walk(root, List.of());
    return FidelityReport.of(fileName, BankFormat.QTI12, reader.outcomes);
  }

  private static FidelityReport refused(String fileName, String reason) {
    return FidelityReport.refused(fileName, BankFormat.QTI12, reason);
  }

  /** A defect that rejects the item, at a position. */
  private static final class Reject extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Reject(XmlElement at, String message) {
      super(message);
      this.line = at.line;
      this.column = at.column;
    }
  }

  /** One pass over one file; not thread-safe, one per call. */
  private static final class Reader {
    private final String text;
    private final List<ItemOutcome> outcomes = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    Reader(String text) {
      this.text = text;
    }

    void walk(XmlElement parent, List<String> path) {
      for (XmlElement n : parent.children()) {
        switch (n.name) {
          case "assessment", "section", "objectbank" -> {
            String title = n.attr("title") == null ? "" : n.attr("title").strip();
            List<String> inner = new ArrayList<>(path);
            if (!title.isEmpty()) {
              inner.add(title);
            }
            walk(n, inner);
          }
          case "item" -> outcomes.add(item(n, String.join("/", path)));
          case "itemref", "sectionref" ->
              outcomes.add(
                  ItemOutcome.rejected(
                      n.line,
                      n.column,
                      "'"
                          + n.name
                          + "' refers to '"
                          + n.attr("linkrefid")
                          + "' in another file, which is not imported with this one"));
          default -> {
            // metadata, selection_ordering, rubric, ...: no questions
          }
        }
      }
    }

    private ItemOutcome item(XmlElement node, String category) {
      try {
        return new ItemReader(node, category).read();
      } catch (Reject r) {
        return ItemOutcome.rejected(r.line, r.column, r.getMessage());
      } catch (RuntimeException e) {
        return ItemOutcome.rejected(
            node.line, node.column, "item could not be read: " + e.getMessage());
      }
    }

    /** A condition of resprocessing: its test, score change and feedback. */
    private record Condition(
        XmlElement node,
        XmlElement test,
        BigDecimal score,
        boolean set,
        List<String> feedback,
        boolean cont) {

      /** Whether this condition changes the score. */
      boolean scores() {
        return score != null && score.signum() != 0;
      }
    }

    /** One item; not thread-safe. */
    private final class ItemReader {
      private final XmlElement item;
      private final String category;
      private final List<String> losses = new ArrayList<>();
      private final Map<String, XmlElement> feedbacks = new LinkedHashMap<>();
      private final List<Condition> conditions = new ArrayList<>();
      private final Set<String> usedFeedback = new LinkedHashSet<>();
      private BigDecimal maxScore;
      private XmlElement presentation;

      /** For a cloze item read from placeholders: the stem with the gap tokens; else null. */
      private String clozeStem;

      /** For a cloze item whose responses stand in the flow: the gap token by response node. */
      private final Map<XmlElement, String> inlineGaps = new HashMap<>();

      ItemReader(XmlElement item, String category) {
        this.item = item;
        this.category = category;
      }

      ItemOutcome read() throws Reject {
        Map<String, XmlElement> meta = new LinkedHashMap<>();
        XmlElement itemmetadata = item.child("itemmetadata");
        if (itemmetadata != null) {
          for (XmlElement f : itemmetadata.find("qtimetadatafield")) {
            XmlElement label = f.child("fieldlabel");
            XmlElement entry = f.child("fieldentry");
            if (label != null && entry != null) {
              meta.putIfAbsent(label.textContent().strip(), entry);
            }
          }
        }
        presentation = item.child("presentation");
        for (XmlElement f : item.all("itemfeedback")) {
          feedbacks.put(f.attr("ident") == null ? "" : f.attr("ident"), f);
        }
        readConditions();
        XmlElement typeNode = meta.get("question_type");
        if (typeNode == null) {
          typeNode = meta.get("cc_profile");
        }
        String typeName = typeNode == null ? "" : typeNode.textContent().strip();
        Kind kind = typeName.isEmpty() ? infer() : kind(typeName, typeNode);
        if (presentation == null && kind != Kind.TEXT) {
          throw new Reject(item, "the item has no <presentation>");
        }

        ItemType type;
        List<Choice> choices = List.of();
        List<MatchPair> pairs = List.of();
        List<Gap> gaps = List.of();
        switch (kind) {
          case CHOICE, TRUE_FALSE, MULTIPLE -> {
            choices = choices(kind);
            type =
                choices.get(0).id().equals("TRUE")
                    ? ItemType.TRUE_FALSE
                    : kind == Kind.MULTIPLE ? ItemType.CHOICE_MULTIPLE : ItemType.CHOICE_SINGLE;
          }
          case SHORT -> {
            type = ItemType.SHORT_ANSWER;
            choices = shortAnswers();
          }
          case NUMERIC -> {
            type = ItemType.NUMERICAL;
            choices = numericAnswers();
          }
          case MATCH -> {
            type = ItemType.MATCHING;
            pairs = matchPairs();
          }
          case BLANKS, DROPDOWNS -> {
            type = ItemType.CLOZE;
            gaps = placeholderGaps(kind == Kind.DROPDOWNS);
          }
          case INLINE_BLANKS -> {
            type = ItemType.CLOZE;
            gaps = inlineGaps();
          }
          case ESSAY -> type = ItemType.ESSAY;
          default -> type = ItemType.DESCRIPTION;
        }

        String stemText =
            clozeStem != null
                ? clozeStem.strip()
                : presentation == null ? "" : stem(presentation).strip();
        String stemHtml = SafeHtml.sanitize(stemText).strip();
        String general = generalFeedback();
        otherLosses();

        String identifier = item.attr("ident") == null ? "" : item.attr("ident").strip();
        if (identifier.isEmpty()) {
          identifier = "qti12-item-" + item.line;
          losses.add("the item has no ident; '" + identifier + "' was used");
        }
        int seen = ids.merge(identifier, 1, Integer::sum);
        if (seen > 1) {
          String unique = identifier + "-" + seen;
          losses.add("ident '" + identifier + "' repeats; '" + unique + "' was used");
          identifier = unique;
        }
        String title = item.attr("title") == null ? "" : item.attr("title").strip();
        int end = item.end() > item.start ? item.end() : text.length();
        Item result =
            new Item(
                identifier,
                title,
                type,
                TextFormat.HTML,
                stemText,
                stemHtml,
                -1,
                choices,
                pairs,
                gaps,
                List.of(),
                general,
                category,
                List.of(),
                item.line,
                text.substring(item.start, end));
        List<String> unique = List.copyOf(new LinkedHashSet<>(losses));
        return unique.isEmpty()
            ? ItemOutcome.imported(result, item.line, item.column)
            : ItemOutcome.importedWithLosses(result, item.line, item.column, unique);
      }

      private Kind kind(String typeName, XmlElement at) throws Reject {
        return switch (typeName) {
          case "multiple_choice_question", "cc.multiple_choice.v0p1" -> Kind.CHOICE;
          case "true_false_question", "cc.true_false.v0p1" -> Kind.TRUE_FALSE;
          case "multiple_answers_question", "cc.multiple_response.v0p1" -> Kind.MULTIPLE;
          case "short_answer_question", "cc.fib.v0p1", "cc.pattern_match.v0p1" -> Kind.SHORT;
          case "numerical_question" -> Kind.NUMERIC;
          case "matching_question" -> Kind.MATCH;
          case "essay_question", "cc.essay.v0p1" -> Kind.ESSAY;
          case "text_only_question" -> Kind.TEXT;
          case "fill_in_multiple_blanks_question" -> Kind.BLANKS;
          case "multiple_dropdowns_question" -> Kind.DROPDOWNS;
          default -> throw new Reject(at, "unsupported question type '" + typeName + "'");
        };
      }

      /** The kind of an item without type metadata, from its presentation and conditions. */
      private Kind infer() throws Reject {
        if (presentation == null) {
          return Kind.TEXT;
        }
        List<XmlElement> responses = responses();
        if (responses.isEmpty()) {
          losses.add("no question type in the metadata; read as a description (no response)");
          return Kind.TEXT;
        }
        if (responses.size() > 1
            && responses.stream().allMatch(r -> r.name.equals("response_str"))) {
          losses.add(
              "no question type in the metadata; read as a cloze item with "
                  + responses.size()
                  + " text entry gaps from its "
                  + responses.size()
                  + " response_str in the text");
          return Kind.INLINE_BLANKS;
        }
        if (responses.size() > 1) {
          throw new Reject(
              responses.get(1),
              "the item has "
                  + responses.size()
                  + " responses and no question type; items with several responses (cloze) are"
                  + " not supported");
        }
        XmlElement r = responses.get(0);
        Kind kind =
            switch (r.name) {
              case "response_lid" ->
                  "Multiple".equalsIgnoreCase(r.attr("rcardinality")) ? Kind.MULTIPLE : Kind.CHOICE;
              case "response_str" ->
                  conditions.stream()
                          .anyMatch(c -> c.scores() && !c.test().find("varequal").isEmpty())
                      ? Kind.SHORT
                      : Kind.ESSAY;
              case "response_num" -> Kind.NUMERIC;
              default -> throw new Reject(r, "unsupported response '" + r.name + "'");
            };
        losses.add(
            "no question type in the metadata; read as "
                + switch (kind) {
                  case CHOICE -> "single choice";
                  case MULTIPLE -> "multiple choice";
                  case SHORT -> "short answer";
                  case NUMERIC -> "numerical";
                  default -> "essay";
                }
                + " from its '"
                + r.name
                + "'");
        return kind;
      }

      /** The response elements of the presentation, in document order. */
      private List<XmlElement> responses() {
        List<XmlElement> out = new ArrayList<>();
        collectResponses(presentation, out);
        return out;
      }

      private void collectResponses(XmlElement n, List<XmlElement> out) {
        for (XmlElement c : n.children()) {
          if (c.name.startsWith("response_") && !c.name.equals("response_label")) {
            out.add(c);
          } else {
            collectResponses(c, out);
          }
        }
      }

      private void readConditions() throws Reject {
        for (XmlElement rp : item.all("resprocessing")) {
          XmlElement outcomesNode = rp.child("outcomes");
          if (outcomesNode != null) {
            for (XmlElement d : outcomesNode.all("decvar")) {
              String var = d.attr("varname") == null ? "SCORE" : d.attr("varname");
              if (var.equals("SCORE") && d.attr("maxvalue") != null) {
                maxScore = number(d, d.attr("maxvalue"));
              }
            }
          }
          for (XmlElement c : rp.all("respcondition")) {
            XmlElement test = c.child("conditionvar");
            if (test == null) {
              throw new Reject(c, "respcondition has no conditionvar");
            }
            BigDecimal score = null;
            boolean set = false;
            for (XmlElement s : c.all("setvar")) {
              String var = s.attr("varname") == null ? "SCORE" : s.attr("varname");
              if (!var.equals("SCORE")) {
                losses.add("setvar of variable '" + var + "' (" + s.where() + ") is not kept");
                continue;
              }
              String action = s.attr("action") == null ? "Set" : s.attr("action");
              BigDecimal v = number(s, s.textContent());
              switch (action) {
                case "Set" -> {
                  score = v;
                  set = true;
                }
                case "Add" -> score = score == null ? v : score.add(v);
                case "Subtract" -> score = score == null ? v.negate() : score.subtract(v);
                default ->
                    throw new Reject(
                        s, "setvar action '" + action + "' cannot be mapped to answer weights");
              }
            }
            List<String> fb = new ArrayList<>();
            for (XmlElement d : c.all("displayfeedback")) {
              if (d.attr("linkrefid") != null) {
                fb.add(d.attr("linkrefid"));
              }
            }
            boolean cont = "Yes".equalsIgnoreCase(c.attr("continue"));
            conditions.add(new Condition(c, test, score, set, fb, cont));
          }
        }
      }

      // ---- choice items ----

      private List<Choice> choices(Kind kind) throws Reject {
        List<XmlElement> responses = responses();
        List<XmlElement> lids =
            responses.stream().filter(r -> r.name.equals("response_lid")).toList();
        if (lids.size() != 1 || responses.size() != 1) {
          throw new Reject(
              lids.isEmpty() ? presentation : lids.get(lids.size() - 1),
              "a choice item needs exactly one response_lid and no other response, found "
                  + responses.stream().map(r -> r.name).toList());
        }
        XmlElement lid = lids.get(0);
        List<XmlElement> labels = lid.find("response_label");
        if (labels.size() < 2) {
          throw new Reject(lid, "a choice item needs at least 2 response_labels");
        }
        for (XmlElement rc : lid.find("render_choice")) {
          if ("No".equalsIgnoreCase(rc.attr("shuffle"))) {
            losses.add("shuffle='No' is not kept; shuffling is an option of the assessment here");
          }
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
          index.putIfAbsent(labels.get(i).attr("ident"), i);
        }
        String lidIdent = lid.attr("ident");
        BigDecimal[] raw = new BigDecimal[labels.size()];
        java.util.Arrays.fill(raw, BigDecimal.ZERO);
        List<StringBuilder> fb = new ArrayList<>();
        labels.forEach(l -> fb.add(new StringBuilder()));
        Set<Integer> allOrNothing = null;
        BigDecimal allOrNothingScore = null;
        for (Condition c : conditions) {
          List<XmlElement> tests = c.test().children();
          // one label tested: feedback for that choice, and its score
          if (tests.size() == 1 && tests.get(0).name.equals("varequal")) {
            int i = label(tests.get(0), lidIdent, index);
            for (String f : c.feedback()) {
              appendFeedback(fb.get(i), f);
            }
          }
          if (!c.scores()) {
            continue;
          }
          List<XmlElement> flat = tests;
          if (flat.size() == 1 && flat.get(0).name.equals("or")) {
            flat = flat.get(0).children();
          }
          if (!flat.isEmpty() && flat.stream().allMatch(t -> t.name.equals("varequal"))) {
            for (XmlElement t : flat) {
              int i = label(t, lidIdent, index);
              raw[i] = c.set() ? c.score() : raw[i].add(c.score());
            }
            continue;
          }
          List<XmlElement> parts =
              flat.size() == 1 && flat.get(0).name.equals("and") ? flat.get(0).children() : flat;
          Set<Integer> correct = new LinkedHashSet<>();
          for (XmlElement p : parts) {
            if (p.name.equals("varequal")) {
              correct.add(label(p, lidIdent, index));
            } else if (p.name.equals("not")
                && p.children().size() == 1
                && p.children().get(0).name.equals("varequal")) {
              label(p.children().get(0), lidIdent, index);
            } else {
              throw new Reject(
                  p,
                  "condition '"
                      + p.name
                      + "' cannot be mapped to choice weights (only varequal, and, or, not)");
            }
          }
          if (correct.isEmpty() || allOrNothing != null) {
            throw new Reject(
                c.node(),
                correct.isEmpty()
                    ? "the scoring condition names no correct response_label"
                    : "more than one all-or-nothing condition cannot be mapped to choice weights");
          }
          allOrNothing = correct;
          allOrNothingScore = c.score();
        }
        BigDecimal[] weights = new BigDecimal[labels.size()];
        boolean single = kind != Kind.MULTIPLE;
        if (allOrNothing != null) {
          if (allOrNothingScore.signum() <= 0) {
            throw new Reject(item, "the all-or-nothing condition gives no positive score");
          }
          int n = allOrNothing.size();
          if (single && n > 1) {
            throw new Reject(
                item,
                "a single choice item whose condition requires "
                    + n
                    + " choices together cannot be mapped; use a multiple answers question");
          }
          BigDecimal share = plain(HUNDRED.divide(BigDecimal.valueOf(n), 5, RoundingMode.HALF_UP));
          for (int i = 0; i < weights.length; i++) {
            weights[i] =
                allOrNothing.contains(i) ? share : single ? BigDecimal.ZERO : share.negate();
          }
          if (n > 1) {
            losses.add(
                "the file scores this item all or nothing (one 'and' condition); here each of the "
                    + n
                    + " correct choices earns "
                    + share.toPlainString()
                    + (allOrNothing.size() < labels.size()
                        ? "% and each other choice -" + share.toPlainString() + "%"
                        : "%")
                    + " (partial credit, as Canvas classic quizzes score multiple answers)");
          }
        } else {
          BigDecimal max = BigDecimal.ZERO;
          for (BigDecimal r : raw) {
            if (r.signum() > 0) {
              max = single ? max.max(r) : max.add(r);
            }
          }
          if (max.signum() <= 0) {
            throw new Reject(
                lid,
                "no choice earns marks: no respcondition sets a positive SCORE for a response_label");
          }
          if (maxScore != null && maxScore.signum() > 0) {
            max = maxScore;
          }
          for (int i = 0; i < weights.length; i++) {
            weights[i] = percent(raw[i], max, labels.get(i));
          }
        }
        boolean trueFalse = kind == Kind.TRUE_FALSE;
        int truthIndex = -1;
        if (trueFalse) {
          String a = material(labels.get(0)).plain();
          String b = material(labels.get(1)).plain();
          if (labels.size() == 2 && TRUE_TEXTS.contains(a) && FALSE_TEXTS.contains(b)) {
            truthIndex = 0;
          } else if (labels.size() == 2 && FALSE_TEXTS.contains(a) && TRUE_TEXTS.contains(b)) {
            truthIndex = 1;
          } else {
            losses.add(
                "a true/false question whose labels are not True and False was read as a single"
                    + " choice item");
          }
        }
        List<Choice> out = new ArrayList<>();
        if (truthIndex >= 0) {
          int f = 1 - truthIndex;
          out.add(
              new Choice(
                  "TRUE",
                  "TRUE",
                  TextFormat.HTML,
                  "True",
                  weights[truthIndex],
                  SafeHtml.sanitize(fb.get(truthIndex).toString()),
                  null));
          out.add(
              new Choice(
                  "FALSE",
                  "FALSE",
                  TextFormat.HTML,
                  "False",
                  weights[f],
                  SafeHtml.sanitize(fb.get(f).toString()),
                  null));
          return out;
        }
        for (int i = 0; i < labels.size(); i++) {
          Material m = material(labels.get(i));
          out.add(
              new Choice(
                  Choice.idFor(i),
                  m.text(),
                  m.format(),
                  m.html(),
                  weights[i],
                  SafeHtml.sanitize(fb.get(i).toString()),
                  null));
        }
        return out;
      }

      /** The index of the label a varequal names; rejects a wrong respident or an unknown label. */
      private int label(XmlElement varequal, String lidIdent, Map<String, Integer> index)
          throws Reject {
        String resp = varequal.attr("respident");
        if (resp != null && lidIdent != null && !resp.equals(lidIdent)) {
          throw new Reject(
              varequal,
              "varequal tests response '"
                  + resp
                  + "', but the item's response is '"
                  + lidIdent
                  + "'");
        }
        String value = varequal.textContent().strip();
        Integer i = index.get(value);
        if (i == null) {
          throw new Reject(
              varequal, "varequal names '" + value + "', which is no response_label ident");
        }
        return i;
      }

      private void appendFeedback(StringBuilder into, String feedbackId) {
        XmlElement f = feedbacks.get(feedbackId);
        if (f == null) {
          return;
        }
        usedFeedback.add(feedbackId);
        String html = stem(f).strip();
        if (!html.isEmpty()) {
          into.append(into.length() == 0 ? "" : " ").append(html);
        }
      }

      // ---- text and numbers ----

      private List<Choice> shortAnswers() throws Reject {
        XmlElement str = singleResponse("response_str", "a short answer");
        Map<String, BigDecimal> accepted = new LinkedHashMap<>();
        Map<String, StringBuilder> fb = new LinkedHashMap<>();
        BigDecimal max = BigDecimal.ZERO;
        for (Condition c : conditions) {
          if (!c.scores()) {
            continue;
          }
          for (XmlElement t : allTests(c.test())) {
            switch (t.name) {
              case "varequal", "varsubstring" -> {
                checkResp(t, str);
                String v = t.textContent().strip();
                String pattern =
                    t.name.equals("varequal")
                        ? v.replace("*", "\\*")
                        : "*" + v.replace("*", "\\*") + "*";
                if ("Yes".equalsIgnoreCase(t.attr("case"))) {
                  losses.add(
                      "case-sensitive answer '"
                          + v
                          + "': case sensitivity is a scoring option of the assessment here");
                }
                accepted.merge(pattern, c.score(), BigDecimal::max);
                StringBuilder b = fb.computeIfAbsent(pattern, k -> new StringBuilder());
                for (String f : c.feedback()) {
                  appendFeedback(b, f);
                }
              }
              case "or", "other" -> {
                // alternatives: each value is read; 'other' alone scores nothing here
              }
              default ->
                  throw new Reject(
                      t, "condition '" + t.name + "' cannot be mapped to accepted answers");
            }
          }
          max = max.max(c.score());
        }
        if (accepted.isEmpty() || max.signum() <= 0) {
          throw new Reject(str, "the short answer has no accepted answer (no scoring varequal)");
        }
        if (maxScore != null && maxScore.signum() > 0) {
          max = maxScore;
        }
        List<Choice> out = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : accepted.entrySet()) {
          String shown = e.getKey().replace("\\*", "*");
          out.add(
              new Choice(
                  Choice.idFor(out.size()),
                  e.getKey(),
                  TextFormat.PLAIN,
                  SafeHtml.escape(shown),
                  percent(e.getValue(), max, str),
                  SafeHtml.sanitize(fb.get(e.getKey()).toString()),
                  null));
        }
        return out;
      }

      /** The tests of a conditionvar, {@code or} unwrapped; {@code and}/{@code not} kept. */
      private List<XmlElement> allTests(XmlElement conditionvar) {
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement t : conditionvar.children()) {
          if (t.name.equals("or")) {
            out.addAll(allTests(t));
          } else {
            out.add(t);
          }
        }
        return out;
      }

      private void checkResp(XmlElement test, XmlElement response) throws Reject {
        String resp = test.attr("respident");
        if (resp != null
            && response.attr("ident") != null
            && !resp.equals(response.attr("ident"))) {
          throw new Reject(
              test,
              "'"
                  + test.name
                  + "' tests response '"
                  + resp
                  + "', but the item's response is '"
                  + response.attr("ident")
                  + "'");
        }
      }

      private XmlElement singleResponse(String preferred, String what) throws Reject {
        List<XmlElement> responses = responses();
        if (responses.size() != 1) {
          throw new Reject(
              responses.size() > 1 ? responses.get(1) : presentation,
              what + " needs exactly one response, found " + responses.size());
        }
        XmlElement r = responses.get(0);
        if (!r.name.equals(preferred)
            && !r.name.equals("response_str")
            && !r.name.equals("response_num")) {
          throw new Reject(r, what + " needs a " + preferred + ", found '" + r.name + "'");
        }
        return r;
      }

      private List<Choice> numericAnswers() throws Reject {
        XmlElement num = singleResponse("response_num", "a numerical item");
        List<NumericAnswer> answers = new ArrayList<>();
        List<BigDecimal> scores = new ArrayList<>();
        List<StringBuilder> fbs = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (Condition c : conditions) {
          if (!c.scores()) {
            continue;
          }
          List<NumericAnswer> found = new ArrayList<>();
          numbers(c.test(), num, found);
          if (found.isEmpty()) {
            throw new Reject(c.node(), "the scoring condition names no number");
          }
          StringBuilder fb = new StringBuilder();
          for (String f : c.feedback()) {
            appendFeedback(fb, f);
          }
          for (NumericAnswer a : found) {
            answers.add(a);
            scores.add(c.score());
            fbs.add(fb);
          }
          max = max.max(c.score());
        }
        if (answers.isEmpty() || max.signum() <= 0) {
          throw new Reject(num, "the numerical item has no accepted number (no scoring condition)");
        }
        if (maxScore != null && maxScore.signum() > 0) {
          max = maxScore;
        }
        List<Choice> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
          NumericAnswer a = answers.get(i);
          String spec =
              a.tolerance().signum() == 0
                  ? a.value().toPlainString()
                  : a.low().toPlainString() + ".." + a.high().toPlainString();
          out.add(
              new Choice(
                  Choice.idFor(i),
                  spec,
                  TextFormat.PLAIN,
                  SafeHtml.escape(spec),
                  percent(scores.get(i), max, num),
                  SafeHtml.sanitize(fbs.get(i).toString()),
                  a));
        }
        return out;
      }

      /**
       * The numbers a test accepts: bounds among the direct children form one range, a varequal
       * outside that range an exact answer; {@code or}/{@code and} children are read the same way.
       */
      private void numbers(XmlElement group, XmlElement response, List<NumericAnswer> out)
          throws Reject {
        BigDecimal low = null;
        BigDecimal high = null;
        List<BigDecimal> exact = new ArrayList<>();
        List<NumericAnswer> nested = new ArrayList<>();
        for (XmlElement t : group.children()) {
          switch (t.name) {
            case "varequal" -> {
              checkResp(t, response);
              exact.add(number(t, t.textContent()));
            }
            case "vargte", "vargt" -> {
              checkResp(t, response);
              low = number(t, t.textContent());
              if (t.name.equals("vargt")) {
                losses.add("the strict bound vargt " + low.toPlainString() + " is read as >=");
              }
            }
            case "varlte", "varlt" -> {
              checkResp(t, response);
              high = number(t, t.textContent());
              if (t.name.equals("varlt")) {
                losses.add("the strict bound varlt " + high.toPlainString() + " is read as <=");
              }
            }
            case "or", "and" -> numbers(t, response, nested);
            default ->
                throw new Reject(t, "condition '" + t.name + "' cannot be mapped to a number");
          }
        }
        NumericAnswer range = null;
        if (low != null || high != null) {
          if (low == null || high == null) {
            throw new Reject(
                group,
                "an open range (only "
                    + (low == null ? "an upper" : "a lower")
                    + " bound) is not supported");
          }
          if (low.compareTo(high) > 0) {
            throw new Reject(
                group,
                "range " + low.toPlainString() + ".." + high.toPlainString() + " runs backwards");
          }
          range = NumericAnswer.range(low, high);
        }
        List<NumericAnswer> ranges = new ArrayList<>(nested);
        if (range != null) {
          ranges.add(0, range);
        }
        for (BigDecimal e : exact) {
          if (ranges.stream().noneMatch(r -> r.tolerance().signum() > 0 && r.accepts(e))) {
            out.add(NumericAnswer.exact(e));
          }
        }
        out.addAll(ranges);
      }

      // ---- matching ----

      private List<MatchPair> matchPairs() throws Reject {
        List<XmlElement> lids = responses();
        if (lids.isEmpty() || lids.stream().anyMatch(r -> !r.name.equals("response_lid"))) {
          throw new Reject(
              lids.isEmpty() ? presentation : lids.get(0),
              "a matching item needs one response_lid per premise");
        }
        Map<String, String> answerByLabel = new LinkedHashMap<>();
        for (XmlElement lid : lids) {
          for (XmlElement l : lid.find("response_label")) {
            answerByLabel.putIfAbsent(l.attr("ident"), collapse(material(l).plain(false)));
          }
        }
        Map<String, List<String>> correct = new LinkedHashMap<>();
        Set<BigDecimal> scores = new LinkedHashSet<>();
        for (Condition c : conditions) {
          if (!c.scores()) {
            continue;
          }
          for (XmlElement t : allTests(c.test())) {
            if (!t.name.equals("varequal")) {
              throw new Reject(t, "condition '" + t.name + "' cannot be mapped to a matching pair");
            }
            String label = t.textContent().strip();
            if (!answerByLabel.containsKey(label)) {
              throw new Reject(
                  t, "varequal names '" + label + "', which is no response_label ident");
            }
            correct.computeIfAbsent(t.attr("respident"), k -> new ArrayList<>()).add(label);
            scores.add(c.score().stripTrailingZeros());
          }
        }
        if (scores.size() > 1) {
          losses.add(
              "the premises have different scores "
                  + scores.stream().map(BigDecimal::toPlainString).toList()
                  + "; here each pair counts equally");
        }
        List<MatchPair> out = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (XmlElement lid : lids) {
          List<String> to = correct.getOrDefault(lid.attr("ident"), List.of());
          XmlElement premiseMaterial = lid.child("material");
          String premise = premiseMaterial == null ? "" : stem(lid).strip();
          if (to.size() > 1) {
            throw new Reject(
                lid,
                "premise '"
                    + lid.attr("ident")
                    + "' has "
                    + to.size()
                    + " correct answers; a matching item gives each premise one answer");
          }
          if (to.isEmpty() || premise.isEmpty()) {
            losses.add(
                "premise '"
                    + lid.attr("ident")
                    + "' ("
                    + lid.where()
                    + ") has "
                    + (premise.isEmpty() ? "no text" : "no correct answer")
                    + " and was dropped");
            continue;
          }
          String answer = answerByLabel.get(to.get(0));
          if (answer.isBlank()) {
            throw new Reject(lid, "the answer '" + to.get(0) + "' has no text");
          }
          used.add(answer);
          out.add(
              new MatchPair(
                  Choice.idFor(out.size()),
                  premise,
                  TextFormat.HTML,
                  SafeHtml.sanitize(premise).strip(),
                  answer));
        }
        if (out.isEmpty()) {
          throw new Reject(lids.get(0), "no premise has a correct answer");
        }
        for (String answer : new LinkedHashSet<>(answerByLabel.values())) {
          if (!answer.isBlank() && used.add(answer)) {
            out.add(new MatchPair(Choice.idFor(out.size()), "", TextFormat.HTML, "", answer));
          }
        }
        return out;
      }

      // ---- cloze items ----

      /**
       * The gaps of a Canvas fill in multiple blanks or multiple dropdowns item: each {@code
       * [name]} placeholder of the stem becomes the token of the next gap, filled by the {@code
       * response_lid} whose material is that name (or whose ident is {@code response_<name>}).
       */
      private List<Gap> placeholderGaps(boolean dropdowns) throws Reject {
        List<XmlElement> responses = responses();
        if (responses.isEmpty()) {
          throw new Reject(
              presentation, "a cloze item needs one response_lid per blank, found none");
        }
        Map<String, XmlElement> byName = new LinkedHashMap<>();
        for (XmlElement r : responses) {
          if (!r.name.equals("response_lid")) {
            throw new Reject(
                r,
                "a Canvas "
                    + (dropdowns ? "multiple dropdowns" : "fill in multiple blanks")
                    + " item needs a response_lid per blank, found '"
                    + r.name
                    + "'");
          }
          String name = blankName(r);
          if (name.isEmpty()) {
            throw new Reject(r, "response '" + r.attr("ident") + "' names no blank");
          }
          if (byName.putIfAbsent(name, r) != null) {
            throw new Reject(r, "two responses are for the blank [" + name + "]");
          }
        }
        String raw = stem(presentation);
        Matcher existing = Item.GAP_TOKEN.matcher(raw);
        if (existing.find()) {
          throw new Reject(
              stemNode("[[" + existing.group(1) + "]]"),
              "the question text holds '"
                  + existing.group()
                  + "', which this platform uses to mark gaps");
        }
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuilder stemOut = new StringBuilder();
        Map<String, String> gapIds = new LinkedHashMap<>();
        while (m.find()) {
          String name = m.group(1);
          if (!byName.containsKey(name)) {
            throw new Reject(
                stemNode(m.group()),
                "the placeholder "
                    + m.group()
                    + " names no response; the responses are for "
                    + byName.keySet().stream().map(n -> "[" + n + "]").toList());
          }
          if (gapIds.containsKey(name)) {
            throw new Reject(
                stemNode(m.group()),
                "the placeholder " + m.group() + " stands twice in the question text");
          }
          String gapId = Gap.idFor(gapIds.size());
          gapIds.put(name, gapId);
          m.appendReplacement(stemOut, Matcher.quoteReplacement(Item.gapToken(gapId)));
        }
        m.appendTail(stemOut);
        for (Map.Entry<String, XmlElement> e : byName.entrySet()) {
          if (!gapIds.containsKey(e.getKey())) {
            throw new Reject(
                e.getValue(),
                "response '"
                    + e.getValue().attr("ident")
                    + "' is for the blank ["
                    + e.getKey()
                    + "], which has no placeholder in the question text");
          }
        }
        clozeStem = stemOut.toString();
        List<XmlElement> ordered = new ArrayList<>();
        gapIds.keySet().forEach(n -> ordered.add(byName.get(n)));
        List<BigDecimal> scores = new ArrayList<>();
        List<List<Choice>> answers = new ArrayList<>();
        for (XmlElement r : ordered) {
          BlankAnswers a = blankAnswers(r, dropdowns);
          answers.add(a.choices());
          scores.add(a.score());
        }
        checkOtherConditions(ordered);
        List<Integer> weights = gapWeights(ordered, scores);
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
          gaps.add(
              Gap.cloze(
                  Gap.idFor(i),
                  dropdowns ? Gap.Kind.INLINE_CHOICE : Gap.Kind.TEXT_ENTRY,
                  answers.get(i),
                  weights.get(i)));
        }
        return gaps;
      }

      /** The blank a Canvas response fills: its material, else its ident without response_. */
      private String blankName(XmlElement response) {
        XmlElement mat = response.child("material");
        String name = mat == null ? "" : collapse(mat.textContent());
        if (name.isEmpty() && response.attr("ident") != null) {
          name = response.attr("ident").strip();
          if (name.startsWith("response_")) {
            name = name.substring("response_".length());
          }
        }
        return name;
      }

      /** The stem's mattext holding a text, for the position of a defect; else the presentation. */
      private XmlElement stemNode(String piece) {
        for (XmlElement t : presentation.find("mattext")) {
          if (t.textContent().contains(piece)) {
            return t;
          }
        }
        return presentation;
      }

      /** The answers of one blank and the highest score a condition on it gives (0 if none). */
      private record BlankAnswers(List<Choice> choices, BigDecimal score) {}

      /**
       * The answers of one Canvas blank: for a dropdown its options, those a scoring {@code
       * varequal} names at 100% and the others at 0; for a fill-in blank every option (the accepted
       * answers) at 100%, plus any text a scoring {@code varequal} accepts that is no option ident.
       */
      private BlankAnswers blankAnswers(XmlElement response, boolean dropdown) throws Reject {
        String ident = response.attr("ident");
        String name = blankName(response);
        List<XmlElement> labels = response.find("response_label");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
          index.putIfAbsent(labels.get(i).attr("ident"), i);
        }
        Set<Integer> correct = new LinkedHashSet<>();
        List<String> extra = new ArrayList<>();
        List<StringBuilder> fb = new ArrayList<>();
        labels.forEach(l -> fb.add(new StringBuilder()));
        Map<String, StringBuilder> extraFb = new LinkedHashMap<>();
        BigDecimal score = BigDecimal.ZERO;
        for (Condition c : conditions) {
          List<XmlElement> tests = allTests(c.test());
          List<XmlElement> mine = new ArrayList<>();
          for (XmlElement t : tests) {
            if (t.name.equals("varequal") && ident != null && ident.equals(t.attr("respident"))) {
              mine.add(t);
            }
          }
          if (mine.isEmpty()) {
            continue;
          }
          if (mine.size() != tests.size()) {
            if (!c.scores()) {
              continue;
            }
            throw new Reject(
                c.node(),
                "the condition tests blank ["
                    + name
                    + "] together with other responses; a cloze item scores each blank on its own");
          }
          for (XmlElement t : mine) {
            String value = t.textContent().strip();
            Integer i = index.get(value);
            StringBuilder into;
            if (i != null) {
              into = fb.get(i);
              if (c.scores() && c.score().signum() > 0) {
                correct.add(i);
              }
            } else if (dropdown) {
              throw new Reject(
                  t,
                  "varequal names '"
                      + value
                      + "', which is no option (response_label ident) of blank ["
                      + name
                      + "]");
            } else {
              into = extraFb.computeIfAbsent(value, k -> new StringBuilder());
              if (c.scores() && c.score().signum() > 0 && !extra.contains(value)) {
                extra.add(value);
              }
            }
            if ("Yes".equalsIgnoreCase(t.attr("case"))) {
              losses.add(
                  "case-sensitive answer '"
                      + value
                      + "': case sensitivity is a scoring option of the assessment here");
            }
            if (mine.size() == 1) {
              for (String f : c.feedback()) {
                appendFeedback(into, f);
              }
            }
          }
          if (c.scores() && c.score().signum() > 0) {
            score = score.max(c.score());
          }
        }
        List<Choice> out = new ArrayList<>();
        if (dropdown) {
          if (labels.isEmpty()) {
            throw new Reject(response, "the dropdown for blank [" + name + "] has no options");
          }
          if (correct.isEmpty()) {
            throw new Reject(
                response,
                "no option of the dropdown for blank ["
                    + name
                    + "] earns marks: no respcondition sets a positive SCORE for it");
          }
          for (int i = 0; i < labels.size(); i++) {
            Material mt = material(labels.get(i));
            if (mt.plainText().isBlank()) {
              throw new Reject(labels.get(i), "an option of blank [" + name + "] has no text");
            }
            out.add(
                new Choice(
                    Choice.idFor(i),
                    mt.text(),
                    mt.format(),
                    mt.html(),
                    correct.contains(i) ? HUNDRED : BigDecimal.ZERO,
                    SafeHtml.sanitize(fb.get(i).toString()),
                    null));
          }
          return new BlankAnswers(out, score);
        }
        Map<String, StringBuilder> accepted = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
          String text = collapse(material(labels.get(i)).plainText());
          if (!text.isEmpty()) {
            accepted.merge(text, fb.get(i), StringBuilder::append);
          }
        }
        for (String text : extra) {
          accepted.merge(text, extraFb.get(text), StringBuilder::append);
        }
        if (accepted.isEmpty()) {
          throw new Reject(response, "blank [" + name + "] has no accepted answer");
        }
        for (Map.Entry<String, StringBuilder> e : accepted.entrySet()) {
          out.add(
              new Choice(
                  Choice.idFor(out.size()),
                  e.getKey().replace("*", "\\*"),
                  TextFormat.PLAIN,
                  SafeHtml.escape(e.getKey()),
                  HUNDRED,
                  SafeHtml.sanitize(e.getValue().toString()),
                  null));
        }
        return new BlankAnswers(out, score);
      }

      /**
       * The gaps of an item whose {@code response_str}s stand in the flow of the text (WebCT /
       * Blackboard Vista fill in the blank): each a text entry gap at its place, its accepted
       * answers the {@code varequal} texts of the scoring conditions on it.
       */
      private List<Gap> inlineGaps() throws Reject {
        List<XmlElement> responses = responses();
        Map<String, XmlElement> byIdent = new LinkedHashMap<>();
        for (XmlElement r : responses) {
          String ident = r.attr("ident") == null ? "" : r.attr("ident");
          if (byIdent.putIfAbsent(ident, r) != null) {
            throw new Reject(r, "two responses have the ident '" + ident + "'");
          }
          inlineGaps.put(r, Item.gapToken(Gap.idFor(inlineGaps.size())));
        }
        String raw = stem(presentation);
        Matcher tokens = Item.GAP_TOKEN.matcher(raw);
        int count = 0;
        while (tokens.find()) {
          count++;
        }
        if (count != responses.size()) {
          throw new Reject(
              presentation,
              "the question text must hold each of its "
                  + responses.size()
                  + " response_str once in its flow, and no '[[G..]]' of its own (this platform"
                  + " marks gaps with it)");
        }
        clozeStem = raw;
        List<BigDecimal> scores = new ArrayList<>();
        List<List<Choice>> answers = new ArrayList<>();
        for (XmlElement r : responses) {
          BlankAnswers a = blankAnswers(r, false);
          answers.add(a.choices());
          scores.add(a.score());
        }
        checkOtherConditions(responses);
        List<Integer> weights = gapWeights(responses, scores);
        List<Gap> gaps = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
          gaps.add(Gap.cloze(Gap.idFor(i), Gap.Kind.TEXT_ENTRY, answers.get(i), weights.get(i)));
        }
        return gaps;
      }

      /** Rejects a scoring condition that tests no blank of the item (an unknown respident). */
      private void checkOtherConditions(List<XmlElement> responses) throws Reject {
        Set<String> idents = new LinkedHashSet<>();
        responses.forEach(r -> idents.add(r.attr("ident")));
        for (Condition c : conditions) {
          if (!c.scores()) {
            continue;
          }
          for (XmlElement t : allTests(c.test())) {
            if (!t.name.equals("varequal")) {
              throw new Reject(
                  t, "condition '" + t.name + "' cannot be mapped to the answers of a blank");
            }
            if (!idents.contains(t.attr("respident"))) {
              throw new Reject(
                  t,
                  "varequal tests response '"
                      + t.attr("respident")
                      + "', which is no blank of this item");
            }
          }
        }
      }

      /**
       * The weight of each gap: 1 each when the blanks score the same (Canvas divides the points
       * equally over the blanks) or when a blank has no scoring condition; otherwise the scores in
       * their smallest whole ratio (e.g. 60 and 40 give 3 and 2), or equal weights and a loss when
       * that ratio needs weights above 100.
       */
      private List<Integer> gapWeights(List<XmlElement> responses, List<BigDecimal> scores) {
        List<Integer> equal = new ArrayList<>();
        scores.forEach(s -> equal.add(1));
        if (scores.stream().anyMatch(s -> s.signum() <= 0)) {
          for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).signum() <= 0) {
              losses.add(
                  "no condition scores the blank of response '"
                      + responses.get(i).attr("ident")
                      + "'; it counts as much as each other blank");
            }
          }
          return equal;
        }
        if (scores.stream().map(BigDecimal::stripTrailingZeros).distinct().count() == 1) {
          return equal;
        }
        List<java.math.BigInteger> cents = new ArrayList<>();
        java.math.BigInteger gcd = java.math.BigInteger.ZERO;
        for (BigDecimal s : scores) {
          java.math.BigInteger c = s.setScale(2, RoundingMode.HALF_UP).unscaledValue();
          cents.add(c);
          gcd = gcd.gcd(c);
        }
        List<Integer> out = new ArrayList<>();
        for (java.math.BigInteger c : cents) {
          java.math.BigInteger w = c.divide(gcd);
          if (w.compareTo(HUNDRED.toBigInteger()) > 0) {
            losses.add(
                "the blanks score "
                    + scores.stream().map(BigDecimal::toPlainString).toList()
                    + ", a ratio that needs gap weights above 100; here each blank counts equally");
            return equal;
          }
          out.add(w.intValueExact());
        }
        return out;
      }

      // ---- feedback and other losses ----

      private String generalFeedback() {
        StringBuilder general = new StringBuilder();
        boolean reachable = true;
        for (Condition c : conditions) {
          List<XmlElement> tests = c.test().children();
          boolean other = tests.size() == 1 && tests.get(0).name.equals("other");
          for (String f : c.feedback()) {
            if (usedFeedback.contains(f)) {
              continue;
            }
            if (other && reachable) {
              appendFeedback(general, f);
            } else if (feedbacks.containsKey(f)) {
              losses.add(
                  "feedback '"
                      + f
                      + "' (shown under the condition at "
                      + c.node().where()
                      + ") is not kept: the item keeps only per-answer and general feedback");
            }
          }
          reachable &= c.cont();
        }
        return SafeHtml.sanitize(general.toString());
      }

      private void otherLosses() {
        for (XmlElement f : feedbacks.values()) {
          for (String part : List.of("hint", "solution")) {
            if (!f.find(part).isEmpty()) {
              losses.add("the " + part + " in itemfeedback '" + f.attr("ident") + "' is not kept");
            }
          }
        }
        if (item.child("itemproc_extension") != null) {
          losses.add(
              "itemproc_extension ("
                  + item.child("itemproc_extension").where()
                  + ") is not kept (vendor scoring data)");
        }
      }

      // ---- material ----

      /** Text of a label or feedback: its material as HTML, the plain text, and the format. */
      private record Material(String text, TextFormat format, String html, String plainText) {
        String plain() {
          return plainText.strip().toLowerCase(Locale.ROOT);
        }

        String plain(boolean lower) {
          return lower ? plain() : plainText;
        }
      }

      private Material material(XmlElement label) {
        List<XmlElement> mats = label.find("mattext");
        boolean html =
            mats.stream()
                .anyMatch(m -> m.attr("texttype") != null && m.attr("texttype").contains("html"));
        String markup = stem(label).strip();
        String plain =
            mats.stream().map(XmlElement::textContent).reduce("", String::concat).strip();
        if (html) {
          String flat = markup.replaceAll("<[^>]*>", " ");
          flat =
              flat.replace("&lt;", "<")
                  .replace("&gt;", ">")
                  .replace("&quot;", "\"")
                  .replace("&#39;", "'")
                  .replace("&nbsp;", " ")
                  .replace("&amp;", "&");
          return new Material(markup, TextFormat.HTML, SafeHtml.sanitize(markup).strip(), flat);
        }
        return new Material(plain, TextFormat.PLAIN, SafeHtml.escape(plain), plain);
      }

      /**
       * The material of a node as HTML, responses left out: {@code mattext} as HTML or escaped
       * text, {@code matimage} as an image, {@code matbreak} as a line break.
       */
      private String stem(XmlElement node) {
        StringBuilder out = new StringBuilder();
        html(node, out);
        return out.toString();
      }

      private void html(XmlElement node, StringBuilder out) {
        for (XmlElement n : node.children()) {
          switch (n.name) {
            case "mattext", "matemtext" -> {
              String type = n.attr("texttype") == null ? "text/plain" : n.attr("texttype");
              String t = n.textContent();
              String piece = type.contains("html") ? t : SafeHtml.escape(t.strip());
              if (type.contains("html")) {
                Matcher img = IMG_SRC.matcher(t);
                while (img.find()) {
                  String src = img.group(1);
                  if (!src.startsWith("http://") && !src.startsWith("https://")) {
                    losses.add(
                        "image '"
                            + src
                            + "' is not part of this file; the reference is kept but the image must"
                            + " be added to resolve");
                  }
                }
              }
              if (n.name.equals("matemtext")) {
                piece = "<em>" + piece + "</em>";
              }
              if (out.length() > 0 && !piece.isBlank()) {
                out.append(' ');
              }
              out.append(piece);
            }
            case "matbreak" -> out.append("<br>");
            case "matimage" -> {
              String uri = n.attr("uri") == null ? "" : n.attr("uri");
              if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
                losses.add(
                    "image '"
                        + uri
                        + "' is not part of this file; the reference is kept but the image must be"
                        + " added to resolve");
              }
              out.append("<img src=\"")
                  .append(SafeHtml.escape(uri))
                  .append("\" alt=\"")
                  .append(SafeHtml.escape(n.attr("label") == null ? "" : n.attr("label")))
                  .append("\">");
            }
            case "mataudio", "matvideo", "matapplet", "matapplication", "mat_extension" ->
                losses.add("'" + n.name + "' (" + n.where() + ") is not kept");
            case "material", "flow", "flow_mat", "flow_label" -> html(n, out);
            case "response_str" -> {
              String token = inlineGaps.get(n);
              if (token != null) {
                out.append(out.length() == 0 || out.charAt(out.length() - 1) == ' ' ? "" : " ")
                    .append(token);
              }
            }
            default -> {
              // responses (rendered by the page), altmaterial (an alternative), metadata
            }
          }
        }
      }

      // ---- numbers ----

      private static BigDecimal number(XmlElement at, String raw) throws Reject {
        try {
          return new BigDecimal(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
          throw new Reject(at, "'" + raw + "' is not a number");
        }
      }

      private BigDecimal percent(BigDecimal value, BigDecimal max, XmlElement at) {
        BigDecimal p =
            value.multiply(HUNDRED).divide(max, 5, RoundingMode.HALF_UP).stripTrailingZeros();
        if (p.abs().compareTo(HUNDRED) > 0) {
          BigDecimal clamped = p.signum() > 0 ? HUNDRED : HUNDRED.negate();
          losses.add(
              "weight "
                  + p.toPlainString()
                  + "% ("
                  + at.where()
                  + ") was clamped to "
                  + clamped.toPlainString()
                  + "%");
          return clamped;
        }
        return plain(p);
      }
    }
  }

  /** 50 rather than 5E+1. */
  private static BigDecimal plain(BigDecimal p) {
    BigDecimal s = p.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  private static String collapse(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
