package be.edusprong.lms.assessment.qti;

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

/**
 * Reads one QTI single-item file: a QTI 2.1 {@code assessmentItem} (namespace {@value #NS_21}; IMS
 * QTI 2.1 Assessment, Section and Item Information Model, section 3 "Items") or a QTI 3.0 {@code
 * qti-assessment-item} (namespace {@value #NS_30}; 1EdTech QTI 3.0 ASI Information Model, "Item").
 * QTI 3.0 names are read as their QTI 2.1 equivalents ({@code qti-choice-interaction} as {@code
 * choiceInteraction}, {@code max-choices} as {@code maxChoices}).
 *
 * <p>An importer is made for one version ({@link #qti21()}, {@link #qti30()}); its {@link
 * #format()} is written into every report, and a file of the other version is refused with a
 * message that names it, so a caller can hand it to the other importer.
 *
 * <p><b>Refusals</b> (the whole file, no outcomes): empty, binary, not XML, not well-formed (line
 * and column), a {@code <!DOCTYPE>} (so no external entity or entity bomb is ever expanded), more
 * than 5 million characters, 64 levels or 100,000 elements ({@link #XML}); and any root that is not
 * an item, named for what it is: {@code assessmentTest} ("a QTI assessment test"), {@code
 * assessmentResult} ("a QTI result report, not an item"), {@code manifest} ("an IMS content package
 * manifest"), {@code questestinterop} (QTI 1.2), a bare QTI fragment without namespace.
 *
 * <p><b>One outcome</b> per file, at the line and column of the root (or of the defect when
 * rejected). Mapping (the interaction must be the only one in the item, except for the inline
 * interactions of a cloze item):
 *
 * <ul>
 *   <li>{@code choiceInteraction} (QTI 2.1 section 5.1.1): {@code maxChoices="1"} gives {@link
 *       ItemType#CHOICE_SINGLE}, anything else {@link ItemType#CHOICE_MULTIPLE}; each {@code
 *       simpleChoice} a choice {@code A}, {@code B}, ... (the QTI identifier is not kept; it only
 *       links the choice to the response). Weights: with {@code map_response} (or no {@code
 *       correctResponse}) each {@code mapEntry} value as a percentage of the maximum score (the
 *       mapping's {@code upperBound}, else the highest value for single, the sum of positive values
 *       for multiple), unmapped choices the {@code defaultValue}; otherwise from {@code
 *       correctResponse}: single 100 for the correct choice, multiple {@code 100/n} for each of the
 *       {@code n} correct choices and {@code -100/n} for the others (a loss: QTI {@code
 *       match_correct} is all or nothing). Weights outside -100..100 are clamped (a loss).
 *   <li>{@code textEntryInteraction} (5.1.10): base type {@code float} or {@code integer} gives
 *       {@link ItemType#NUMERICAL} with exact answers, any other {@link ItemType#SHORT_ANSWER};
 *       accepted values from {@code correctResponse} (100%) or the mapping (as above), {@code *}
 *       escaped. Inside a paragraph the stem gets {@link Item#MISSING_WORD_BLANK} in its place.
 *       Values differing only in case are a loss (QTI compares case-sensitively by default).
 *   <li>{@code extendedTextInteraction} (5.1.11): {@link ItemType#ESSAY}.
 *   <li>{@code matchInteraction} (5.1.4, {@code directedPair}): {@link ItemType#MATCHING}, one pair
 *       per source choice with its one correct target; unused targets become distractors; a source
 *       with several targets is rejected, one without a target dropped (a loss), unequal pair
 *       weights are a loss (each pair counts equally here).
 *   <li>{@code associateInteraction} (5.1.3, {@code pair}): MATCHING when the pairs are disjoint,
 *       first member as premise, second as answer (a loss: the pairs are no longer undirected).
 *   <li>{@code orderInteraction} (5.1.2, cardinality {@code ordered}): {@link ItemType#ORDERING},
 *       the {@code simpleChoice}s as choices in the order of the {@code correctResponse} (weights
 *       0, unused; scored all or nothing as {@code match_correct}). A mapping is a loss; a correct
 *       response that leaves out choices or names unknown ones is rejected.
 *   <li>{@code inlineChoiceInteraction} (5.1.9) and {@code textEntryInteraction}, when the body
 *       holds one or more inline choices or more than one text entry (and no other interaction):
 *       {@link ItemType#CLOZE}, one {@link Gap} {@code G1}, {@code G2}, ... per interaction in body
 *       order, each its own response; the interaction is replaced in the stem by the gap's token
 *       ({@link Item#gapToken}). Inline choices give {@link Gap.Kind#INLINE_CHOICE} (weights as for
 *       a single choice), text entries {@link Gap.Kind#TEXT_ENTRY} or {@link Gap.Kind#NUMERICAL}
 *       (as for text entry alone). Every gap has weight 1: QTI sums the responses' scores, which
 *       for match_correct or normalised mappings is each response an equal share; unequal maximum
 *       scores are a loss.
 *   <li>{@code gapMatchInteraction} (5.1.8, {@code directedPair} gap text to gap): {@link
 *       ItemType#GAP_MATCH}; each {@code gapText} a {@link GapText} {@code A}, {@code B}, ...
 *       ({@code matchMax="0"}, unlimited, gives {@code infinite}; group 1); each {@code gap} in the
 *       body a gap {@code G1}, {@code G2}, ... replaced by its token, whose correct text comes from
 *       the correct response (or the positive map entries). Losses: unequal pair weights (each gap
 *       counts equally here), a mapping's negative {@code defaultValue}, a gap accepting several
 *       texts (the first is kept). Rejected: a gap without a correct text, a pair naming an unknown
 *       text or gap.
 *   <li>no interaction: {@link ItemType#DESCRIPTION}.
 * </ul>
 *
 * <p>Stem: the {@code itemBody} as HTML ({@link TextFormat#HTML}, through {@link SafeHtml}), the
 * interaction replaced by its {@code prompt}. Title: the {@code title} attribute; identifier: the
 * {@code identifier} attribute. {@code modalFeedback} becomes the general feedback, a loss (it was
 * shown only under a condition). Other losses: response processing other than the {@code
 * match_correct}/{@code map_response} templates, {@code feedbackInline}/{@code feedbackBlock},
 * {@code rubricBlock}, stylesheets, MathML and other non-HTML elements (their text is kept), images
 * referenced relative to the file (a single item file carries no media), a mapping's {@code
 * defaultValue} for text entry.
 *
 * <p><b>Rejections</b> (with line and column): every other interaction ({@code hotspotInteraction},
 * {@code hottextInteraction}, {@code sliderInteraction}, {@code uploadInteraction}, {@code
 * drawingInteraction}, custom and portable custom interactions, ...) as "unsupported interaction
 * 'X'", never dropped; more than one interaction in one item unless they form a cloze item (see
 * above); template variables ({@code templateDeclaration}, cloned items); an interaction without
 * its {@code responseDeclaration}; a scored interaction without a correct response or mapping; a
 * numerical value that is not a number.
 *
 * <p><b>Our own exports</b> (root {@code tool-name} {@link Qti3Writer#TOOL_NAME}; issue 3, point
 * 2): the writer's patterns are read exactly instead of the normalisations above: choice
 * identifiers kept, true/false by {@link Qti3Writer#DATA_TYPE}, weights as {@code mapped-value *
 * 100}, answer feedback from {@code feedbackInline}/{@code feedbackBlock} keyed on FEEDBACK (tied
 * to choices by identifier, to text and numerical answers by the response condition that sets it),
 * numerical tolerances and partial credit from the custom response processing ({@code equal
 * tolerance-mode="absolute"}, first match wins, the SCORE it sets), cloze gap weights (the whole
 * number that multiplies the gap's score, {@code product(weight, mapResponse)}; 1 for exports
 * before tool version 1.1), the catch-all ({@code not isNull}), a text entry in its own {@code div}
 * after the stem without a blank, a single text entry with response {@code RESPONSE_G1} as a cloze,
 * {@code GENERAL_FEEDBACK} as general feedback without a wrapper. What still does not round-trip is
 * listed in {@link Qti3Writer} ("Read back").
 *
 * <p>Thread-safe and stateless.
 */
public final class QtiItemImporter implements ItemImporter {

  /** The QTI 2.1 namespace. */
  public static final String NS_21 = "http://www.imsglobal.org/xsd/imsqti_v2p1";

  /** The QTI 3.0 namespace. */
  public static final String NS_30 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

  /**
   * How QTI 2.1 and 3.0 documents (items, tests, manifests) are read: at most 5 million characters
   * (a single item is far smaller) and 100,000 elements, QTI 3.0 names in QTI 2.1 spelling ({@link
   * #qti21Name(String)}), so that one reader serves both versions.
   */
  static final SafeXmlReader.Profile XML =
      new SafeXmlReader.Profile("a QTI item", 5_000_000, 100_000, QtiItemImporter::qti21Name);

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * A QTI 3.0 element name in QTI 2.1 spelling: {@code qti-choice-interaction} becomes {@code
   * choiceInteraction}; any other name is kept.
   *
   * @param name a local name
   * @return the QTI 2.1 name
   */
  static String qti21Name(String name) {
    if (!name.startsWith("qti-") || name.length() == 4) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.substring(4).toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  private static final Set<String> SUPPORTED =
      Set.of(
          "choiceInteraction",
          "textEntryInteraction",
          "extendedTextInteraction",
          "matchInteraction",
          "associateInteraction",
          "orderInteraction",
          "inlineChoiceInteraction",
          "gapMatchInteraction");

  /** HTML elements that may appear in an itemBody (QTI 2.1 section 4.2 "XHTML"), kept as is. */
  private static final Set<String> HTML =
      Set.of(
          "p",
          "div",
          "span",
          "br",
          "img",
          "strong",
          "em",
          "b",
          "i",
          "u",
          "sub",
          "sup",
          "small",
          "big",
          "tt",
          "ul",
          "ol",
          "li",
          "dl",
          "dt",
          "dd",
          "table",
          "thead",
          "tbody",
          "tfoot",
          "tr",
          "td",
          "th",
          "caption",
          "colgroup",
          "col",
          "blockquote",
          "pre",
          "code",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "a",
          "cite",
          "q",
          "abbr",
          "acronym",
          "dfn",
          "kbd",
          "samp",
          "var",
          "address",
          "label",
          "bdo",
          "bdi",
          "figure",
          "figcaption",
          "section",
          "article",
          "aside",
          "header",
          "footer",
          "nav",
          "ruby",
          "rt",
          "rp",
          "mark",
          "s",
          "del",
          "ins");

  private final BankFormat version;

  private QtiItemImporter(BankFormat version) {
    this.version = version;
  }

  /**
   * The importer for QTI 2.1 items.
   *
   * @return an importer whose reports carry {@link BankFormat#QTI21}
   */
  public static QtiItemImporter qti21() {
    return new QtiItemImporter(BankFormat.QTI21);
  }

  /**
   * The importer for QTI 3.0 items.
   *
   * @return an importer whose reports carry {@link BankFormat#QTI30}
   */
  public static QtiItemImporter qti30() {
    return new QtiItemImporter(BankFormat.QTI30);
  }

  @Override
  public BankFormat format() {
    return version;
  }

  /**
   * Imports one QTI item file; see the class comment for refusals, mapping, losses and rejections.
   *
   * @param text the file content; a leading byte-order mark is ignored
   * @param fileName the name for the report
   * @return a report with one outcome, or a refusal; never throws on malformed input
   */
  @Override
  public FidelityReport importFile(String text, String fileName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    String body = TextChecks.withoutBom(text);
    String refusal =
        TextChecks.notXml(
            body, "this is a binary file (a ZIP content package?), not a QTI item", "a QTI item");
    if (refusal != null) {
      return refused(fileName, refusal);
    }
    XmlElement root;
    try {
      root = SafeXmlReader.parse(body, XML);
    } catch (SafeXmlReader.Refusal r) {
      return refused(fileName, r.getMessage());
    }
    String problem = whatItIs(root);
    if (problem != null) {
      return refused(fileName, problem);
    }
    ItemOutcome outcome;
    try {
      outcome = new Reader(root, body).read();
    } catch (Reject r) {
      outcome = ItemOutcome.rejected(r.line, r.column, r.getMessage());
    } catch (RuntimeException e) {
      outcome =
          ItemOutcome.rejected(root.line, root.column, "item could not be read: " + e.getMessage());
    }
    return FidelityReport.of(fileName, version, List.of(outcome));
  }

  private FidelityReport refused(String fileName, String reason) {
    return FidelityReport.refused(fileName, version, reason);
  }

  /** Null when the root is an item of this importer's version, else why the file is refused. */
  private String whatItIs(XmlElement root) {
    String ns = root.namespace;
    String versionName = version == BankFormat.QTI21 ? "QTI 2.1" : "QTI 3.0";
    switch (root.name) {
      case "assessmentItem" -> {
        if (ns.equals(version == BankFormat.QTI21 ? NS_21 : NS_30)) {
          return null;
        }
        if (ns.equals(NS_21) || ns.equals(NS_30)) {
          return "this is a "
              + (ns.equals(NS_21) ? "QTI 2.1" : "QTI 3.0")
              + " item, not a "
              + versionName
              + " item: read it with the "
              + (ns.equals(NS_21) ? "qti21" : "qti30")
              + " importer";
        }
        return ns.isEmpty()
            ? "this is an <" + root.rawName + "> without the QTI namespace: unknown QTI version"
            : "this is a QTI item in namespace " + ns + "; only QTI 2.1 and 3.0 items are read";
      }
      case "assessmentTest" -> {
        List<XmlElement> all = new ArrayList<>();
        root.descendants(all);
        long refs = all.stream().filter(n -> n.name.equals("assessmentItemRef")).count();
        return "this is a QTI assessment test referring to "
            + refs
            + " item file(s), not an item: import the items (or their content package) instead";
      }
      case "assessmentResult" -> {
        return "this is a QTI result report (assessmentResult), not an item";
      }
      case "manifest" -> {
        return "this is an IMS content package manifest (imsmanifest.xml), not an item;"
            + " content packages are not handled by the single-item importer";
      }
      case "questestinterop" -> {
        return "this is a QTI 1.2 document (questestinterop), not a QTI 2.1 or 3.0 item";
      }
      case "quiz" -> {
        return "this is a Moodle XML quiz, not a QTI item";
      }
      case "html" -> {
        return "this is an HTML page, not a QTI item";
      }
      default -> {
        String what = ns.isEmpty() ? "without namespace (no QTI version)" : "in namespace " + ns;
        return "this is an XML document with root <"
            + root.rawName
            + "> "
            + what
            + ", not a QTI assessmentItem";
      }
    }
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

  /** A response declaration's correct values and mapping. */
  private record Response(
      XmlElement node,
      String cardinality,
      String baseType,
      List<String> correct,
      Mapping mapping) {}

  /** A {@code mapping}: entries in order, bounds and default. */
  private record Mapping(
      Map<String, BigDecimal> entries,
      Set<String> caseInsensitive,
      BigDecimal lowerBound,
      BigDecimal upperBound,
      BigDecimal defaultValue) {}

  /** One pass over one item; not thread-safe. */
  private static final class Reader {
    /** Ours: what is put before an answer's id to find its feedback ({@code G1_} in a cloze). */
    private String feedbackPrefix = "";

    private final XmlElement root;
    private final String text;
    private final List<String> losses = new ArrayList<>();
    private final Map<String, Response> responses = new HashMap<>();
    private XmlElement interaction;
    private boolean inlineBlank;

    /** The gap id of each cloze interaction or gap-match {@code gap} element, in body order. */
    private final Map<XmlElement, String> gapIds = new java.util.IdentityHashMap<>();

    /** Whether the item is an export of {@link Qti3Writer} (its {@code tool-name}). */
    private final boolean ours;

    /** Ours: the answer feedback ({@code feedbackInline}/{@code feedbackBlock}) by identifier. */
    private final Map<String, String> feedback = new HashMap<>();

    Reader(XmlElement root, String text) {
      this.root = root;
      this.text = text;
      this.ours = Qti3Writer.TOOL_NAME.equals(root.attr("toolName"));
    }

    /** Whether {@code n} is answer feedback written by {@link Qti3Writer}, keyed on FEEDBACK. */
    private boolean ourFeedback(XmlElement n) {
      return ours
          && (n.name.equals("feedbackInline") || n.name.equals("feedbackBlock"))
          && "FEEDBACK".equals(n.attr("outcomeIdentifier"))
          && n.attr("identifier") != null;
    }

    /** Ours: collects the answer feedback of the body by identifier. */
    private void collectFeedback(XmlElement body) {
      List<XmlElement> all = new ArrayList<>();
      body.descendants(all);
      for (XmlElement n : all) {
        if (ourFeedback(n)) {
          StringBuilder html = new StringBuilder();
          html(n, html);
          feedback.put(n.attr("identifier"), SafeHtml.sanitize(html.toString().strip()).strip());
        }
      }
    }

    /** Ours: the gap id of a cloze interaction, from its response {@code RESPONSE_G1}. */
    private String ourGapId(XmlElement n, int index) {
      String rid = n.attr("responseIdentifier");
      if (ours && rid != null && rid.startsWith("RESPONSE_") && rid.length() > 9) {
        return rid.substring(9);
      }
      return Gap.idFor(index);
    }

    ItemOutcome read() throws Reject {
      XmlElement template = root.child("templateDeclaration");
      if (template == null) {
        template = root.child("templateProcessing");
      }
      if (template != null) {
        throw new Reject(
            template,
            "template variables ('"
                + template.rawName
                + "': a cloned item with random values) are not supported");
      }
      for (XmlElement d : root.all("responseDeclaration")) {
        responses.put(d.attr("identifier"), response(d));
      }
      XmlElement body = root.child("itemBody");
      List<XmlElement> interactions = new ArrayList<>();
      if (body != null) {
        List<XmlElement> all = new ArrayList<>();
        body.descendants(all);
        for (XmlElement n : all) {
          if (n.name.endsWith("Interaction")) {
            interactions.add(n);
          }
        }
      }
      for (XmlElement n : interactions) {
        if (!SUPPORTED.contains(n.name)) {
          throw new Reject(n, "unsupported interaction '" + n.rawName + "'");
        }
      }
      boolean cloze =
          !interactions.isEmpty()
              && interactions.stream()
                  .allMatch(
                      n ->
                          n.name.equals("inlineChoiceInteraction")
                              || n.name.equals("textEntryInteraction"))
              && (interactions.size() > 1
                  || interactions.get(0).name.equals("inlineChoiceInteraction")
                  || ours
                      && String.valueOf(interactions.get(0).attr("responseIdentifier"))
                          .startsWith("RESPONSE_"));
      if (cloze) {
        for (XmlElement n : interactions) {
          gapIds.put(n, ourGapId(n, gapIds.size()));
        }
      }
      if (body != null && ours) {
        collectFeedback(body);
      }
      if (interactions.size() > 1 && !cloze) {
        XmlElement second = interactions.get(1);
        throw new Reject(
            second,
            "the item has "
                + interactions.size()
                + " interactions ("
                + String.join(", ", interactions.stream().map(n -> n.rawName).toList())
                + "); an item with more than one interaction (composite or cloze) is not supported");
      }
      interaction = interactions.isEmpty() || cloze ? null : interactions.get(0);
      if (interaction != null && interaction.name.equals("gapMatchInteraction")) {
        List<XmlElement> inside = new ArrayList<>();
        interaction.descendants(inside);
        for (XmlElement n : inside) {
          if (n.name.equals("gap")) {
            gapIds.put(n, Gap.idFor(gapIds.size()));
          }
        }
      }
      XmlElement stylesheet = root.child("stylesheet");
      if (stylesheet != null) {
        losses.add("stylesheet '" + stylesheet.attr("href") + "' is not kept");
      }
      if ("true".equals(root.attr("adaptive"))) {
        losses.add(
            "adaptive item (several attempts with changing feedback) is read as a plain item");
      }

      StringBuilder stem = new StringBuilder();
      if (body != null) {
        html(body, stem);
      }
      String stemText = stem.toString().strip();
      String stemHtml = SafeHtml.sanitize(stemText).strip();
      int blank = inlineBlank ? stemHtml.indexOf(Item.MISSING_WORD_BLANK) : -1;

      ItemType type;
      List<Choice> choices = List.of();
      List<MatchPair> pairs = List.of();
      List<Gap> gaps = List.of();
      List<GapText> gapTexts = List.of();
      if (cloze) {
        type = ItemType.CLOZE;
        gaps = clozeGaps(interactions);
      } else if (interaction == null) {
        type = ItemType.DESCRIPTION;
      } else {
        Response response = responses.get(interaction.attr("responseIdentifier"));
        if (response == null) {
          throw new Reject(
              interaction,
              "interaction '"
                  + interaction.rawName
                  + "' refers to response '"
                  + interaction.attr("responseIdentifier")
                  + "', which is not declared");
        }
        switch (interaction.name) {
          case "choiceInteraction" -> {
            type = single(response) ? ItemType.CHOICE_SINGLE : ItemType.CHOICE_MULTIPLE;
            choices = choices(response, type == ItemType.CHOICE_SINGLE);
            if (ours
                && "true-false".equals(interaction.attr("dataEdusprongType"))
                && choices.size() == 2
                && choices.get(0).id().equals("TRUE")
                && choices.get(1).id().equals("FALSE")) {
              type = ItemType.TRUE_FALSE;
            }
          }
          case "textEntryInteraction" -> {
            boolean numeric =
                "float".equals(response.baseType()) || "integer".equals(response.baseType());
            type = numeric ? ItemType.NUMERICAL : ItemType.SHORT_ANSWER;
            choices = textAnswers(response, numeric);
          }
          case "extendedTextInteraction" -> type = ItemType.ESSAY;
          case "matchInteraction" -> {
            type = ItemType.MATCHING;
            pairs = matchPairs(response);
          }
          case "orderInteraction" -> {
            type = ItemType.ORDERING;
            choices = ordering(response);
          }
          case "gapMatchInteraction" -> {
            type = ItemType.GAP_MATCH;
            gapTexts = gapTexts();
            gaps = gapMatchGaps(response, gapTexts);
          }
          default -> {
            type = ItemType.MATCHING;
            pairs = associatePairs(response);
          }
        }
        if (type != ItemType.ESSAY) {
          responseProcessing(response);
        }
      }

      StringBuilder feedback = new StringBuilder();
      for (XmlElement f : root.all("modalFeedback")) {
        String title = f.attr("title");
        StringBuilder content = new StringBuilder();
        html(f, content);
        if (title != null && !title.isBlank()) {
          feedback.append("<p><strong>").append(SafeHtml.escape(title)).append("</strong></p>");
        }
        if (ours && "GENERAL_FEEDBACK".equals(f.attr("identifier"))) {
          feedback.append(content.toString().strip());
          continue; // Qti3Writer's general feedback, shown whatever the answer
        }
        feedback.append("<div>").append(content.toString().strip()).append("</div>");
        losses.add(
            "modalFeedback '"
                + f.attr("identifier")
                + "' (shown when "
                + f.attr("outcomeIdentifier")
                + " "
                + ("hide".equals(f.attr("showHide")) ? "is not " : "is ")
                + f.attr("identifier")
                + ") became general feedback, shown whatever the answer");
      }
      String identifier = root.attr("identifier");
      if (identifier == null || identifier.isBlank()) {
        identifier = "qti-item-" + root.line;
        losses.add("the item has no identifier; '" + identifier + "' was used");
      }
      String title = root.attr("title") == null ? "" : root.attr("title").strip();
      Item item =
          new Item(
              identifier,
              title,
              type,
              TextFormat.HTML,
              stemText,
              stemHtml,
              blank,
              choices,
              pairs,
              gaps,
              gapTexts,
              SafeHtml.sanitize(feedback.toString()),
              "",
              List.of(),
              root.line,
              text);
      List<String> unique = List.copyOf(new LinkedHashSet<>(losses));
      return unique.isEmpty()
          ? ItemOutcome.imported(item, root.line, root.column)
          : ItemOutcome.importedWithLosses(item, root.line, root.column, unique);
    }

    private Response response(XmlElement d) throws Reject {
      List<String> correct = new ArrayList<>();
      XmlElement c = d.child("correctResponse");
      if (c != null) {
        for (XmlElement v : c.all("value")) {
          correct.add(v.textContent().strip());
        }
      }
      Mapping mapping = null;
      XmlElement m = d.child("mapping");
      if (m != null) {
        Map<String, BigDecimal> entries = new LinkedHashMap<>();
        Set<String> insensitive = new LinkedHashSet<>();
        for (XmlElement e : m.all("mapEntry")) {
          String key = e.attr("mapKey") == null ? "" : e.attr("mapKey").strip();
          entries.put(key, number(e, e.attr("mappedValue"), "mappedValue"));
          if ("false".equals(e.attr("caseSensitive"))) {
            insensitive.add(key);
          }
        }
        mapping =
            new Mapping(
                entries,
                insensitive,
                m.attr("lowerBound") == null ? null : number(m, m.attr("lowerBound"), "lowerBound"),
                m.attr("upperBound") == null ? null : number(m, m.attr("upperBound"), "upperBound"),
                m.attr("defaultValue") == null
                    ? BigDecimal.ZERO
                    : number(m, m.attr("defaultValue"), "defaultValue"));
      }
      return new Response(
          d,
          d.attr("cardinality") == null ? "single" : d.attr("cardinality"),
          d.attr("baseType") == null ? "" : d.attr("baseType"),
          correct,
          mapping);
    }

    private static BigDecimal number(XmlElement at, String raw, String what) throws Reject {
      try {
        return new BigDecimal(raw == null ? "" : raw.strip());
      } catch (NumberFormatException e) {
        throw new Reject(at, what + " '" + raw + "' is not a number");
      }
    }

    private boolean single(Response response) {
      String max = interaction.attr("maxChoices");
      if (max == null) {
        return !"multiple".equals(response.cardinality());
      }
      return max.strip().equals("1");
    }

    /** Whether the scoring follows the mapping (map_response) rather than the correct response. */
    private boolean useMapping(Response response) {
      if (response.mapping() == null) {
        return false;
      }
      if (response.correct().isEmpty()) {
        return true;
      }
      return templateName().map(t -> t.startsWith("map_response")).orElse(false);
    }

    private java.util.Optional<String> templateName() {
      XmlElement rp = root.child("responseProcessing");
      if (rp == null || rp.attr("template") == null) {
        return java.util.Optional.empty();
      }
      String t = rp.attr("template").strip();
      String last = t.substring(t.lastIndexOf('/') + 1);
      return java.util.Optional.of(
          last.endsWith(".xml") ? last.substring(0, last.length() - 4) : last);
    }

    private void responseProcessing(Response response) {
      XmlElement rp = root.child("responseProcessing");
      if (rp == null) {
        return;
      }
      String template = rp.attr("template");
      if (template != null) {
        String name = templateName().orElse("");
        if (!name.equals("match_correct") && !name.equals("map_response")) {
          losses.add(
              "response processing template '"
                  + template
                  + "' is not kept; the item is scored by its "
                  + (useMapping(response) ? "mapping (map_response)" : "correct response"));
        }
      } else if (!rp.children().isEmpty()) {
        losses.add(
            "custom response processing ("
                + rp.where()
                + ") is not kept; the item is scored by its "
                + (useMapping(response) ? "mapping (map_response)" : "correct response"));
      }
    }

    private List<Choice> choices(Response response, boolean single) throws Reject {
      return choices(interaction, "simpleChoice", response, single);
    }

    private List<Choice> choices(
        XmlElement owner, String choiceName, Response response, boolean single) throws Reject {
      List<XmlElement> simple = owner.all(choiceName);
      if (simple.isEmpty()) {
        throw new Reject(owner, "'" + owner.rawName + "' has no choices");
      }
      Map<String, BigDecimal> weights = new HashMap<>();
      if (ours && response.mapping() != null) {
        // Qti3Writer: MAXSCORE 1, each weight w written as w / 100 (0 as the default value)
        Mapping m = response.mapping();
        for (XmlElement c : simple) {
          BigDecimal v = m.entries().getOrDefault(c.attr("identifier"), m.defaultValue());
          weights.put(c.attr("identifier"), percent(v.movePointRight(2), HUNDRED, c));
        }
      } else if (useMapping(response)) {
        Mapping m = response.mapping();
        BigDecimal max = maxScore(m, single);
        if (max.signum() <= 0) {
          throw new Reject(response.node(), "the mapping gives no positive score");
        }
        for (XmlElement c : simple) {
          BigDecimal v = m.entries().getOrDefault(c.attr("identifier"), m.defaultValue());
          weights.put(c.attr("identifier"), percent(v, max, c));
        }
      } else {
        Set<String> correct = new LinkedHashSet<>(response.correct());
        if (correct.isEmpty()) {
          throw new Reject(
              response.node(),
              "response '"
                  + response.node().attr("identifier")
                  + "' has no correct response or mapping");
        }
        BigDecimal share =
            single
                ? HUNDRED
                : plain(
                    HUNDRED.divide(BigDecimal.valueOf(correct.size()), 5, RoundingMode.HALF_UP));
        for (XmlElement c : simple) {
          boolean right = correct.contains(c.attr("identifier"));
          weights.put(
              c.attr("identifier"), right ? share : single ? BigDecimal.ZERO : share.negate());
        }
        if (!single && correct.size() < simple.size()) {
          losses.add(
              "match_correct scores a multiple choice all or nothing; here each of the "
                  + correct.size()
                  + " correct choices earns "
                  + share.toPlainString()
                  + "% and each other choice -"
                  + share.toPlainString()
                  + "%");
        }
        for (String id : correct) {
          if (simple.stream().noneMatch(c -> id.equals(c.attr("identifier")))) {
            throw new Reject(response.node(), "the correct response '" + id + "' names no choice");
          }
        }
      }
      List<Choice> out = new ArrayList<>();
      for (int i = 0; i < simple.size(); i++) {
        XmlElement c = simple.get(i);
        StringBuilder html = new StringBuilder();
        html(c, html);
        String choiceText = collapse(html.toString());
        String qtiId = c.attr("identifier");
        out.add(
            new Choice(
                ours && qtiId != null && !qtiId.isBlank() ? qtiId : Choice.idFor(i),
                choiceText,
                TextFormat.HTML,
                SafeHtml.sanitize(choiceText),
                weights.get(qtiId),
                ours ? feedback.getOrDefault(feedbackPrefix + qtiId, "") : "",
                null));
      }
      return out;
    }

    private Response declared(XmlElement at) throws Reject {
      Response response = responses.get(at.attr("responseIdentifier"));
      if (response == null) {
        throw new Reject(
            at,
            "interaction '"
                + at.rawName
                + "' refers to response '"
                + at.attr("responseIdentifier")
                + "', which is not declared");
      }
      return response;
    }

    /** One gap per inline choice or text entry, in body order (the ids set in read()). */
    private List<Gap> clozeGaps(List<XmlElement> interactions) throws Reject {
      List<Gap> gaps = new ArrayList<>();
      Set<BigDecimal> maxima = new LinkedHashSet<>();
      for (XmlElement n : interactions) {
        Response response = declared(n);
        String gapId = gapIds.get(n);
        if (response.mapping() != null && useMapping(response)) {
          maxima.add(maxScore(response.mapping(), true).stripTrailingZeros());
        } else {
          maxima.add(BigDecimal.ONE);
        }
        feedbackPrefix = gapId + "_";
        int weight = ours ? ourGapWeight(n.attr("responseIdentifier")) : 1;
        if (n.name.equals("inlineChoiceInteraction")) {
          gaps.add(
              Gap.cloze(
                  gapId,
                  Gap.Kind.INLINE_CHOICE,
                  choices(n, "inlineChoice", response, true),
                  weight));
        } else {
          boolean numeric =
              "float".equals(response.baseType()) || "integer".equals(response.baseType());
          gaps.add(
              Gap.cloze(
                  gapId,
                  numeric ? Gap.Kind.NUMERICAL : Gap.Kind.TEXT_ENTRY,
                  textAnswers(response, numeric),
                  weight));
        }
      }
      if (maxima.size() > 1 && !ours) {
        losses.add(
            "the responses have different maximum scores "
                + maxima.stream().map(BigDecimal::toPlainString).toList()
                + "; here each gap counts equally");
      }
      responseProcessing(declared(interactions.get(0)));
      return gaps;
    }

    /**
     * Ours: the weight of a cloze gap, the first {@code baseValue} of the {@code product} that adds
     * the gap's score to SCORE (with its {@code mapResponse}, or in each branch of its numerical
     * chain); 1 when there is none or it is no whole number of at least 1 (exports before tool
     * version 1.1 wrote the gap's share there).
     */
    private int ourGapWeight(String rid) {
      XmlElement rp = root.child("responseProcessing");
      if (rp == null || rid == null) {
        return 1;
      }
      List<XmlElement> all = new ArrayList<>();
      rp.descendants(all);
      for (XmlElement product : all) {
        if (!product.name.equals("product") || product.children().size() != 2) {
          continue;
        }
        XmlElement weight = product.children().get(0);
        XmlElement other = product.children().get(1);
        boolean mine =
            other.name.equals("mapResponse") && rid.equals(other.attr("identifier"))
                || other.name.equals("baseValue") && inChainOf(product, rid);
        if (mine && weight.name.equals("baseValue")) {
          try {
            BigDecimal w = new BigDecimal(weight.textContent().strip());
            if (w.signum() > 0 && w.stripTrailingZeros().scale() <= 0) {
              return w.intValueExact();
            }
          } catch (NumberFormatException | ArithmeticException e) {
            return 1;
          }
        }
      }
      return 1;
    }

    /** Whether {@code n} lies inside the numerical chain of response {@code rid}. */
    private boolean inChainOf(XmlElement n, String rid) {
      XmlElement chain = ourChain(rid);
      if (chain == null) {
        return false;
      }
      List<XmlElement> inside = new ArrayList<>();
      chain.descendants(inside);
      return inside.stream().anyMatch(x -> x == n);
    }

    /** The choices of an order interaction in their correct order. */
    private List<Choice> ordering(Response response) throws Reject {
      List<XmlElement> simple = interaction.all("simpleChoice");
      if (simple.size() < 2) {
        throw new Reject(interaction, "'" + interaction.rawName + "' needs at least 2 choices");
      }
      List<String> correct = response.correct();
      if (correct.isEmpty()) {
        throw new Reject(
            response.node(),
            "response '"
                + response.node().attr("identifier")
                + "' has no correct order (correctResponse)");
      }
      if (response.mapping() != null) {
        losses.add("the mapping of an ordered response is not kept; the order is all or nothing");
      }
      Map<String, XmlElement> byId = new LinkedHashMap<>();
      simple.forEach(c -> byId.put(c.attr("identifier"), c));
      if (!new LinkedHashSet<>(correct).equals(byId.keySet()) || correct.size() != byId.size()) {
        throw new Reject(
            response.node(),
            "the correct order "
                + correct
                + " must name each of the choices "
                + byId.keySet()
                + " exactly once");
      }
      List<Choice> out = new ArrayList<>();
      for (String id : correct) {
        StringBuilder html = new StringBuilder();
        html(byId.get(id), html);
        String choiceText = collapse(html.toString());
        out.add(
            new Choice(
                Choice.idFor(out.size()),
                choiceText,
                TextFormat.HTML,
                SafeHtml.sanitize(choiceText),
                BigDecimal.ZERO,
                "",
                null));
      }
      return out;
    }

    /** Source identifiers of the gap texts, in the order of {@link #gapTexts()}. */
    private final List<String> gapTextSources = new ArrayList<>();

    private List<GapText> gapTexts() throws Reject {
      XmlElement img = interaction.child("gapImg");
      if (img != null) {
        throw new Reject(img, "image gap texts ('" + img.rawName + "') are not supported");
      }
      List<GapText> out = new ArrayList<>();
      for (XmlElement t : interaction.all("gapText")) {
        StringBuilder html = new StringBuilder();
        html(t, html);
        String text = collapse(html.toString());
        if (text.isEmpty()) {
          throw new Reject(t, "gap text '" + t.attr("identifier") + "' is empty");
        }
        String max = t.attr("matchMax");
        out.add(
            new GapText(
                Choice.idFor(out.size()),
                text,
                TextFormat.HTML,
                SafeHtml.sanitize(text),
                1,
                max != null && max.strip().equals("0")));
        gapTextSources.add(t.attr("identifier"));
      }
      if (out.isEmpty()) {
        throw new Reject(interaction, "'" + interaction.rawName + "' has no gap texts");
      }
      return out;
    }

    private List<Gap> gapMatchGaps(Response response, List<GapText> texts) throws Reject {
      List<String[]> correct = correctPairs(response);
      if (response.mapping() != null && response.mapping().defaultValue().signum() < 0) {
        losses.add(
            "the mapping's defaultValue "
                + response.mapping().defaultValue().toPlainString()
                + " (a penalty for each wrong pair) is not kept; wrong gaps earn 0");
      }
      Map<String, String> gapBySource = new LinkedHashMap<>();
      List<XmlElement> gapNodes = new ArrayList<>();
      for (Map.Entry<XmlElement, String> e : gapIds.entrySet()) {
        gapNodes.add(e.getKey());
      }
      gapNodes.sort(
          java.util.Comparator.comparing(n -> Integer.parseInt(gapIds.get(n).substring(1))));
      for (XmlElement g : gapNodes) {
        gapBySource.put(g.attr("identifier"), gapIds.get(g));
      }
      if (gapNodes.isEmpty()) {
        throw new Reject(interaction, "'" + interaction.rawName + "' has no gaps");
      }
      for (String[] p : correct) {
        if (!gapTextSources.contains(p[0]) || !gapBySource.containsKey(p[1])) {
          throw new Reject(
              response.node(),
              "the pair '" + p[0] + " " + p[1] + "' names no gap text and gap of the interaction");
        }
      }
      List<Gap> gaps = new ArrayList<>();
      for (XmlElement g : gapNodes) {
        String source = g.attr("identifier");
        List<String> fits =
            correct.stream().filter(p -> p[1].equals(source)).map(p -> p[0]).toList();
        if (fits.isEmpty()) {
          throw new Reject(g, "gap '" + source + "' has no correct gap text");
        }
        if (fits.size() > 1) {
          losses.add(
              "gap '" + source + "' accepts " + fits + "; only '" + fits.get(0) + "' is kept");
        }
        String textId = texts.get(gapTextSources.indexOf(fits.get(0))).id();
        gaps.add(Gap.gapMatch(gapIds.get(g), textId));
      }
      return gaps;
    }

    private static BigDecimal maxScore(Mapping m, boolean single) {
      BigDecimal max = BigDecimal.ZERO;
      for (BigDecimal v : m.entries().values()) {
        if (v.signum() > 0) {
          max = single ? max.max(v) : max.add(v);
        }
      }
      if (m.upperBound() != null && m.upperBound().signum() > 0) {
        max = max.signum() > 0 ? max.min(m.upperBound()) : m.upperBound();
      }
      return max;
    }

    private BigDecimal percent(BigDecimal value, BigDecimal max, XmlElement at) {
      BigDecimal p =
          value.multiply(HUNDRED).divide(max, 5, RoundingMode.HALF_UP).stripTrailingZeros();
      if (p.abs().compareTo(HUNDRED) > 0) {
        BigDecimal clamped = p.signum() > 0 ? HUNDRED : HUNDRED.negate();
        losses.add(
            "weight "
                + p.toPlainString()
                + "% of '"
                + (at.attr("identifier") == null ? at.rawName : at.attr("identifier"))
                + "' was clamped to "
                + clamped.toPlainString()
                + "%");
        return clamped;
      }
      return plain(p);
    }

    private List<Choice> textAnswers(Response response, boolean numeric) throws Reject {
      if (ours) {
        List<Choice> mine = ourTextAnswers(response, numeric);
        if (mine != null) {
          return mine;
        }
      }
      Map<String, BigDecimal> accepted = new LinkedHashMap<>();
      if (useMapping(response)) {
        Mapping m = response.mapping();
        BigDecimal max = maxScore(m, true);
        if (max.signum() <= 0) {
          throw new Reject(response.node(), "the mapping gives no positive score");
        }
        for (Map.Entry<String, BigDecimal> e : m.entries().entrySet()) {
          accepted.put(e.getKey(), percent(e.getValue(), max, response.node()));
        }
        if (m.defaultValue().signum() != 0) {
          losses.add(
              "the mapping's defaultValue "
                  + m.defaultValue().toPlainString()
                  + " for any other answer is not kept (other answers earn 0)");
        }
      } else {
        for (String v : response.correct()) {
          accepted.put(v, HUNDRED);
        }
      }
      if (accepted.isEmpty()) {
        throw new Reject(
            response.node(),
            "response '"
                + response.node().attr("identifier")
                + "' has no correct response or mapping, so there is nothing to score");
      }
      List<Choice> out = new ArrayList<>();
      Map<String, String> folded = new HashMap<>();
      for (Map.Entry<String, BigDecimal> e : accepted.entrySet()) {
        String value = e.getKey();
        String id = Choice.idFor(out.size());
        if (numeric) {
          BigDecimal n;
          try {
            n = new BigDecimal(value);
          } catch (NumberFormatException bad) {
            throw new Reject(response.node(), "'" + value + "' is not a number");
          }
          out.add(
              new Choice(
                  id,
                  value,
                  TextFormat.PLAIN,
                  SafeHtml.escape(value),
                  e.getValue(),
                  "",
                  NumericAnswer.exact(n)));
        } else {
          String pattern = value.replace("*", "\\*");
          String before = folded.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
          if (before != null) {
            losses.add(
                "'"
                    + before
                    + "' and '"
                    + value
                    + "' differ only in case; QTI compares them case-sensitively, here the case"
                    + " rule is an option of the assessment (by default the first one wins)");
          }
          out.add(
              new Choice(
                  id, pattern, TextFormat.PLAIN, SafeHtml.escape(value), e.getValue(), "", null));
        }
      }
      return out;
    }

    /**
     * Ours: the answers of a text entry as {@link Qti3Writer} wrote them: from the mapping (every
     * answer, 0 included, {@code w/100}), or for a numerical response with a tolerance from the
     * custom response processing (first matching {@code equal} wins, its SCORE, divided by the
     * gap's share in a cloze); the catch-all ({@code not isNull}) as {@code *}; each answer's
     * feedback from the condition that adds its identifier to FEEDBACK. Null when neither is there.
     */
    private List<Choice> ourTextAnswers(Response response, boolean numeric) throws Reject {
      String rid = response.node().attr("identifier");
      Map<String, String> feedbackIds = ourFeedbackIds(rid);
      record Answer(String value, BigDecimal percent, NumericAnswer numeric) {}
      List<Answer> answers = new ArrayList<>();
      boolean catchAll = feedbackIds.containsKey("*");
      if (response.mapping() != null) {
        for (Map.Entry<String, BigDecimal> e : response.mapping().entries().entrySet()) {
          NumericAnswer n =
              numeric ? NumericAnswer.exact(number(response.node(), e.getKey(), "value")) : null;
          answers.add(new Answer(e.getKey(), e.getValue().movePointRight(2), n));
        }
      } else if (numeric) {
        XmlElement chain = ourChain(rid);
        if (chain == null) {
          return null;
        }
        List<BigDecimal> scores = new ArrayList<>();
        boolean weighted = false;
        for (XmlElement branch : chain.all("responseElseIf")) {
          XmlElement test = branch.children().get(0);
          XmlElement set = branch.child("setOutcomeValue");
          XmlElement expr = set == null || set.children().isEmpty() ? null : set.children().get(0);
          XmlElement product = expr == null ? null : expr.child("product");
          if (product != null && product.all("baseValue").size() == 2) {
            // tool version 1.1: sum(SCORE, product(gap weight, w/100))
            weighted = true;
            expr = product;
          }
          List<XmlElement> bases = expr == null ? List.of() : expr.all("baseValue");
          XmlElement base =
              expr == null
                  ? null
                  : expr.name.equals("baseValue")
                      ? expr
                      : bases.isEmpty() ? null : bases.get(bases.size() - 1);
          if (base == null) {
            return null;
          }
          BigDecimal score = number(base, base.textContent().strip(), "score");
          if (test.name.equals("not")) {
            catchAll = true;
            continue;
          }
          XmlElement value = test.child("baseValue");
          if (!test.name.equals("equal") || value == null) {
            return null;
          }
          BigDecimal v = number(value, value.textContent().strip(), "value");
          BigDecimal tolerance =
              "absolute".equals(test.attr("toleranceMode")) && test.attr("tolerance") != null
                  ? number(test, test.attr("tolerance"), "tolerance")
                  : BigDecimal.ZERO;
          answers.add(new Answer(v.toPlainString(), null, new NumericAnswer(v, tolerance)));
          scores.add(score);
        }
        // in a cloze the scores are the gap's share times the weight: full marks are the share
        BigDecimal share =
            gapIds.isEmpty() || weighted
                ? BigDecimal.ONE
                : scores.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        if (share.signum() <= 0) {
          share = BigDecimal.ONE;
        }
        for (int i = 0; i < answers.size(); i++) {
          Answer a = answers.get(i);
          BigDecimal p = scores.get(i).multiply(HUNDRED).divide(share, 5, RoundingMode.HALF_UP);
          answers.set(i, new Answer(a.value(), p, a.numeric()));
        }
      } else {
        return null;
      }
      List<Choice> out = new ArrayList<>();
      for (Answer a : answers) {
        String id = Choice.idFor(out.size());
        String key =
            a.numeric() != null
                ? "n:"
                    + plain(a.numeric().value()).toPlainString()
                    + "~"
                    + plain(a.numeric().tolerance()).toPlainString()
                : "s:" + a.value();
        String fb =
            feedbackIds.containsKey(key) ? feedback.getOrDefault(feedbackIds.get(key), "") : "";
        BigDecimal w = percent(a.percent(), HUNDRED, response.node());
        if (a.numeric() != null) {
          String v = plain(a.numeric().value()).toPlainString();
          out.add(new Choice(id, v, TextFormat.PLAIN, SafeHtml.escape(v), w, fb, a.numeric()));
        } else {
          out.add(
              new Choice(
                  id,
                  a.value().replace("*", "\\*"),
                  TextFormat.PLAIN,
                  SafeHtml.escape(a.value()),
                  w,
                  fb,
                  null));
        }
      }
      if (catchAll) {
        String fb = feedback.getOrDefault(feedbackIds.getOrDefault("*", ""), "");
        out.add(
            new Choice(
                Choice.idFor(out.size()), "*", TextFormat.PLAIN, "*", BigDecimal.ZERO, fb, null));
      }
      return out;
    }

    /** Ours: the response condition that scores numerical response {@code rid} answer by answer. */
    private XmlElement ourChain(String rid) {
      XmlElement rp = root.child("responseProcessing");
      if (rp == null) {
        return null;
      }
      for (XmlElement c : rp.all("responseCondition")) {
        XmlElement first = c.child("responseIf");
        XmlElement test =
            first == null || first.children().isEmpty() ? null : first.children().get(0);
        if (test != null
            && test.name.equals("isNull")
            && refersTo(test, rid)
            && c.child("responseElseIf") != null) {
          return c;
        }
      }
      return null;
    }

    private static boolean refersTo(XmlElement test, String rid) {
      List<XmlElement> all = new ArrayList<>();
      test.descendants(all);
      return all.stream()
          .anyMatch(v -> v.name.equals("variable") && rid.equals(v.attr("identifier")));
    }

    /**
     * Ours: the feedback identifier each answer test of response {@code rid} adds to FEEDBACK,
     * keyed {@code s:text}, {@code n:value~tolerance} or {@code *} (any number).
     */
    private Map<String, String> ourFeedbackIds(String rid) {
      Map<String, String> out = new HashMap<>();
      XmlElement rp = root.child("responseProcessing");
      if (rp == null) {
        return out;
      }
      for (XmlElement c : rp.all("responseCondition")) {
        XmlElement branch = c.child("responseIf");
        if (branch == null || branch.children().size() != 2) {
          continue;
        }
        XmlElement test = branch.children().get(0);
        XmlElement set = branch.children().get(1);
        XmlElement multiple = set.child("multiple");
        XmlElement id = multiple == null ? null : multiple.child("baseValue");
        if (!"FEEDBACK".equals(set.attr("identifier")) || id == null || !refersTo(test, rid)) {
          continue;
        }
        XmlElement value = test.child("baseValue");
        String key =
            switch (test.name) {
              case "not" -> "*";
              case "stringMatch" -> value == null ? null : "s:" + value.textContent();
              case "equal" -> {
                try {
                  String tolerance =
                      "absolute".equals(test.attr("toleranceMode"))
                              && test.attr("tolerance") != null
                          ? test.attr("tolerance").strip()
                          : "0";
                  yield value == null
                      ? null
                      : "n:"
                          + plain(new BigDecimal(value.textContent().strip())).toPlainString()
                          + "~"
                          + plain(new BigDecimal(tolerance)).toPlainString();
                } catch (NumberFormatException e) {
                  yield null;
                }
              }
              default -> null;
            };
        if (key != null) {
          out.put(key, id.textContent().strip());
        }
      }
      return out;
    }

    private List<MatchPair> matchPairs(Response response) throws Reject {
      List<XmlElement> sets = interaction.all("simpleMatchSet");
      if (sets.size() != 2) {
        throw new Reject(interaction, "'" + interaction.rawName + "' needs two simpleMatchSets");
      }
      return pairs(
          response,
          sets.get(0).all("simpleAssociableChoice"),
          sets.get(1).all("simpleAssociableChoice"),
          false);
    }

    private List<MatchPair> associatePairs(Response response) throws Reject {
      List<XmlElement> choices = interaction.all("simpleAssociableChoice");
      List<String[]> correct = correctPairs(response);
      Set<String> seen = new LinkedHashSet<>();
      for (String[] p : correct) {
        if (!seen.add(p[0]) || !seen.add(p[1])) {
          throw new Reject(
              response.node(),
              "associateInteraction pairs share a choice ('"
                  + String.join(" ", p)
                  + "'); only disjoint pairs fit a matching item");
        }
      }
      List<XmlElement> sources = new ArrayList<>();
      List<XmlElement> targets = new ArrayList<>();
      Set<String> firsts = new LinkedHashSet<>();
      correct.forEach(p -> firsts.add(p[0]));
      for (XmlElement c : choices) {
        (firsts.contains(c.attr("identifier")) ? sources : targets).add(c);
      }
      losses.add(
          "associateInteraction: each undirected pair became premise -> answer (first -> second),"
              + " the other choices answers only");
      return pairs(response, sources, targets, true);
    }

    private List<String[]> correctPairs(Response response) throws Reject {
      List<String> raw = new ArrayList<>(response.correct());
      if (raw.isEmpty() && response.mapping() != null) {
        response
            .mapping()
            .entries()
            .forEach(
                (k, v) -> {
                  if (v.signum() > 0) {
                    raw.add(k);
                  }
                });
      }
      if (raw.isEmpty()) {
        throw new Reject(response.node(), "the response has no correct pairs or mapping");
      }
      List<String[]> out = new ArrayList<>();
      for (String r : raw) {
        String[] p = r.strip().split("\\s+");
        if (p.length != 2) {
          throw new Reject(response.node(), "'" + r + "' is not a pair of identifiers");
        }
        out.add(p);
      }
      if (response.mapping() != null) {
        Set<BigDecimal> values = new LinkedHashSet<>();
        response.mapping().entries().values().forEach(v -> values.add(v.stripTrailingZeros()));
        if (values.size() > 1) {
          losses.add(
              "the pairs have different weights in the mapping ("
                  + response.mapping().entries().values().stream()
                      .map(BigDecimal::toPlainString)
                      .toList()
                  + "); here each pair counts equally");
        }
      }
      return out;
    }

    private List<MatchPair> pairs(
        Response response, List<XmlElement> sources, List<XmlElement> targets, boolean undirected)
        throws Reject {
      List<String[]> correct = correctPairs(response);
      Map<String, XmlElement> targetById = new LinkedHashMap<>();
      targets.forEach(t -> targetById.put(t.attr("identifier"), t));
      List<MatchPair> out = new ArrayList<>();
      Set<String> used = new LinkedHashSet<>();
      for (XmlElement s : sources) {
        String sid = s.attr("identifier");
        List<String> to = correct.stream().filter(p -> p[0].equals(sid)).map(p -> p[1]).toList();
        if (to.size() > 1) {
          throw new Reject(
              s,
              "premise '"
                  + sid
                  + "' has "
                  + to.size()
                  + " correct answers "
                  + to
                  + "; a matching item gives each premise one answer");
        }
        if (to.isEmpty()) {
          losses.add("premise '" + sid + "' has no correct answer and was dropped");
          continue;
        }
        XmlElement target = targetById.get(to.get(0));
        if (target == null) {
          throw new Reject(
              response.node(), "the pair '" + sid + " " + to.get(0) + "' names no answer choice");
        }
        used.add(to.get(0));
        StringBuilder premise = new StringBuilder();
        html(s, premise);
        String premiseText = collapse(premise.toString());
        out.add(
            new MatchPair(
                Choice.idFor(out.size()),
                premiseText,
                TextFormat.HTML,
                SafeHtml.sanitize(premiseText),
                collapse(target.textContent())));
      }
      for (Map.Entry<String, XmlElement> t : targetById.entrySet()) {
        if (!used.contains(t.getKey())) {
          out.add(
              new MatchPair(
                  Choice.idFor(out.size()),
                  "",
                  TextFormat.HTML,
                  "",
                  collapse(t.getValue().textContent())));
        }
      }
      if (out.stream().noneMatch(p -> !p.distractor())) {
        throw new Reject(interaction, "no premise has a correct answer");
      }
      return out;
    }

    /** Appends the content of {@code node} as HTML: interactions replaced, QTI elements dropped. */
    private void html(XmlElement node, StringBuilder out) {
      for (Object o : node.content) {
        if (o instanceof String s) {
          out.append(SafeHtml.escape(s));
          continue;
        }
        XmlElement n = (XmlElement) o;
        String gapId = gapIds.get(n);
        if (gapId != null) {
          out.append(Item.gapToken(gapId));
          continue;
        }
        if (n == interaction && n.name.equals("gapMatchInteraction")) {
          XmlElement prompt = n.child("prompt");
          if (prompt != null) {
            out.append("<div>");
            html(prompt, out);
            out.append("</div>");
          }
          for (Object inner : n.content) {
            if (inner instanceof XmlElement c
                && !c.name.equals("prompt")
                && !c.name.equals("gapText")
                && !c.name.equals("gapImg")) {
              XmlElement wrapper = XmlElement.synthetic("div", c.line, c.column);
              wrapper.content.add(c);
              html(wrapper, out);
            }
          }
          continue;
        }
        if (ourFeedback(n)) {
          continue; // read as the answer's feedback
        }
        if (ours
            && n.name.equals("div")
            && interaction != null
            && interaction.name.equals("textEntryInteraction")
            && n.children().size() == 1
            && n.children().get(0) == interaction
            && n.textContent().isBlank()) {
          continue; // Qti3Writer's text entry after the stem: no missing-word blank
        }
        if (n == interaction) {
          if (n.name.equals("textEntryInteraction")) {
            out.append(Item.MISSING_WORD_BLANK);
            inlineBlank = true;
          } else {
            XmlElement prompt = n.child("prompt");
            if (prompt != null) {
              out.append("<div>");
              html(prompt, out);
              out.append("</div>");
            }
          }
          continue;
        }
        switch (n.name) {
          case "prompt", "contentBody" -> html(n, out);
          case "script", "style", "iframe", "embed", "form" ->
              losses.add("'" + n.rawName + "' (" + n.where() + ") is dropped with its content");
          case "feedbackInline",
                  "feedbackBlock",
                  "rubricBlock",
                  "printedVariable",
                  "templateInline",
                  "templateBlock" ->
              losses.add("'" + n.rawName + "' (" + n.where() + ") is not kept");
          default -> {
            if (HTML.contains(n.name)) {
              if (n.name.equals("img")) {
                String src = n.attr("src") == null ? "" : n.attr("src");
                if (!src.startsWith("http://") && !src.startsWith("https://")) {
                  losses.add(
                      "image '"
                          + src
                          + "' is not part of this file; the reference is kept but the image must"
                          + " be added to resolve");
                }
              }
              out.append('<').append(n.name);
              for (Map.Entry<String, String> a : n.attributes.entrySet()) {
                String key = a.getKey().equals("xml:lang") ? "lang" : a.getKey();
                out.append(' ')
                    .append(key)
                    .append("=\"")
                    .append(SafeHtml.escape(a.getValue()))
                    .append('"');
              }
              out.append('>');
              if (!n.name.equals("br")
                  && !n.name.equals("img")
                  && !n.name.equals("hr")
                  && !n.name.equals("col")) {
                html(n, out);
                out.append("</").append(n.name).append('>');
              }
            } else {
              losses.add(
                  "element '" + n.rawName + "' (" + n.where() + ") is not kept, only its text");
              html(n, out);
            }
          }
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
}
