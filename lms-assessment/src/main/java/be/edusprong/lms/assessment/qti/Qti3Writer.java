package be.edusprong.lms.assessment.qti;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.TextFormat;
import be.edusprong.lms.assessment.xml.HardenedXml;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one {@link Item} as a QTI 3.0 {@code qti-assessment-item} document (1EdTech QTI 3.0 ASI
 * Information Model, "Item"; namespace {@value #NS}, schema location {@value #SCHEMA_LOCATION} as
 * in the 1EdTech QTI 3.0 examples), with the JDK's StAX {@link XMLStreamWriter}: UTF-8, no
 * indentation (whitespace in an item body is content).
 *
 * <p><b>Mapping</b> (the inverse of {@link QtiItemImporter}, which reads it back; see "Read back"
 * below):
 *
 * <ul>
 *   <li>Root: {@code identifier} is the item's identifier when it is a valid QTI identifier (an XML
 *       NCName), else made one ({@link #qtiIdentifier(String)}, a loss); {@code title} the title
 *       ({@code ""} when none); {@code adaptive="false"}, {@code time-dependent="false"}.
 *   <li>Outcomes: {@code SCORE} (float, default 0) and {@code MAXSCORE} (float, 1) for scored
 *       items: the score runs from 0 to 1, an answer's weight {@code w} percent scoring {@code
 *       w/100} (negative weights give negative scores, as Moodle's penalties). {@code FEEDBACK}
 *       (multiple, identifier) when the item has feedback.
 *   <li>{@link ItemType#CHOICE_SINGLE}, {@link ItemType#TRUE_FALSE}: {@code qti-choice-interaction
 *       max-choices="1"}, response single identifier; {@link ItemType#CHOICE_MULTIPLE}: {@code
 *       max-choices="0"}, response multiple. Choice identifiers are the model's ids ({@code A},
 *       {@code B}, ..., {@code TRUE}/{@code FALSE}); correct response: the choices with weight 100
 *       (multiple: with a positive weight); {@code qti-mapping} with one {@code qti-map-entry} per
 *       non-zero weight ({@code mapped-value} = weight / 100; for text and numerical answers one
 *       per answer, 0 included), scored by {@code map_response}. {@code shuffle="false"}: the model
 *       keeps the author's order.
 *   <li>{@link ItemType#SHORT_ANSWER}: {@code qti-text-entry-interaction}, response single string,
 *       a map entry per answer ({@code case-sensitive="false"}, Moodle's default); {@link
 *       ItemType#NUMERICAL}: response single float; when every answer is exact, a mapping and
 *       {@code map_response}; when any has a tolerance, custom response processing comparing with
 *       {@code qti-equal tolerance-mode="absolute"} (QTI 3.0 "equal"), first matching answer wins
 *       (Moodle's rule), and no mapping (a mapping compares exactly). The catch-all wrong answer is
 *       the final {@code qti-response-else}. A missing-word item has the interaction at its blank,
 *       inside the stem; otherwise it follows the stem.
 *   <li>{@link ItemType#ESSAY}: {@code qti-extended-text-interaction}, response single string, no
 *       response processing (scored by a teacher). {@link ItemType#DESCRIPTION}: no interaction.
 *   <li>{@link ItemType#MATCHING}: {@code qti-match-interaction} ({@code shuffle="true"}), the
 *       first {@code qti-simple-match-set} the premises (ids of the pairs), the second the distinct
 *       answers ({@code T1}, {@code T2}, ... in first-use order, {@code match-max} the number of
 *       premises sharing it); response multiple directedPair, each correct pair mapped to {@code
 *       1/n} (each pair counts equally, as Moodle).
 *   <li>{@link ItemType#ORDERING}: {@code qti-order-interaction} ({@code shuffle="true"}), response
 *       ordered identifier, correct response the model's order, {@code match_correct}; the choices
 *       are written rotated by one so that an engine that does not shuffle does not show the
 *       answer.
 *   <li>{@link ItemType#CLOZE}: each gap token of the stem becomes {@code
 *       qti-inline-choice-interaction} ({@link Gap.Kind#INLINE_CHOICE}) or {@code
 *       qti-text-entry-interaction} (text entry, string; numerical, float) with its own response
 *       {@code RESPONSE_G1}, ...; custom response processing adds, per answered gap, {@code
 *       qti-product(}gap weight{@code , qti-map-response)} to {@code SCORE} (gap mappings hold
 *       {@code w/100}; a numerical gap with a tolerance adds {@code qti-product(}gap weight{@code ,
 *       w/100)} for the first answer it matches), then, when the weights add up to more than 1,
 *       divides {@code SCORE} by their total ({@code qti-divide}): MAXSCORE stays 1, and the gap
 *       weights stand in the document as whole numbers a QTI engine computes with and {@link
 *       QtiItemImporter} reads back (tool version 1.1; version 1.0 wrote each gap's share {@code
 *       weight/total}, which does not give the integers back). A {@link Gap.Kind#MULTIPLE_RESPONSE}
 *       gap has no inline QTI interaction: such an item is {@linkplain #notExportable(Item) not
 *       exportable}.
 *   <li>{@link ItemType#GAP_MATCH}: {@code qti-gap-match-interaction} holding the {@code
 *       qti-gap-text}s ({@code match-max} 1, or 0 when infinite) and the stem with a {@code
 *       qti-gap} per token; response multiple directedPair (gap text, gap), each gap mapped to
 *       {@code 1/n}.
 *   <li>Feedback: per choice a {@code qti-feedback-inline} inside the choice (a {@code
 *       qti-feedback-block} at the end of the body when the feedback holds blocks such as {@code
 *       p}, which inline feedback cannot); per other answer (text entry, numerical, cloze gap
 *       answers {@code G1_A}) a {@code qti-feedback-block} at the end of the body; general feedback
 *       a {@code qti-modal-feedback} {@code GENERAL_FEEDBACK} shown whatever the answer; all keyed
 *       on {@code FEEDBACK}, which the response processing fills.
 *   <li>Response processing: when the scoring is exactly a standard template ({@code map_response}
 *       or {@code match_correct}, {@value #RP_TEMPLATES}) its URL is the {@code template}
 *       attribute. When the item also has feedback the rules are written out too (the template's
 *       rules followed by the feedback rules): QTI lets the item's own rules take precedence over
 *       the template's, and a reader that only knows templates still scores it right.
 * </ul>
 *
 * <p><b>HTML.</b> Every {@code *Html} of the model is sanitised HTML ({@link
 * be.edusprong.lms.assessment.item.SafeHtml}); it is parsed with the hardened StAX reader ({@link
 * HardenedXml}) after closing void elements, and re-emitted as elements of the QTI namespace (QTI
 * 3.0 item bodies hold XHTML in the QTI namespace). Inline runs in a place that needs blocks (item
 * body, gap-match interaction, feedback block) are wrapped in {@code div}. Elements QTI does not
 * have (e.g. {@code font}, {@code s}) become {@code span} and attributes other than the ones QTI
 * knows ({@code href}, {@code src}, {@code alt}, {@code width}, {@code height}, {@code colspan},
 * {@code rowspan}, {@code dir}, {@code lang} as {@code xml:lang}) are dropped: both are losses
 * ({@code rel="nofollow"}, added by the sanitiser, is dropped silently). An inline choice holds
 * text only: its markup is a loss.
 *
 * <p><b>Metadata.</b> What a QTI item cannot carry: the category, the tags and the text format the
 * source was written in (the stem is written as its HTML). {@link Qti3PackageWriter} writes them
 * into the manifest's LOM metadata, where {@link QtiPackageImporter} reads them back; {@link
 * #losses(Item)} names them for a lone item document.
 *
 * <p><b>Read back.</b> Every document carries {@code tool-name="}{@value #TOOL_NAME}{@code "} and
 * {@code tool-version}; {@link QtiItemImporter} recognises them and then reads this writer's own
 * patterns exactly (issue 3, point 2): choice ids ({@code TRUE}/{@code FALSE} included), true/false
 * (the {@value #DATA_TYPE} attribute), weights ({@code w/100} of MAXSCORE 1), every answer's
 * feedback (inline, block, and the feedback conditions of text and numerical answers), numerical
 * tolerances and partial credit from the custom response processing (first matching answer wins),
 * the catch-all answer when it has feedback or a tolerance chain, the text entry after the stem (no
 * blank), a cloze with one text-entry gap ({@code RESPONSE_G1}), the cloze gap weights (the first
 * factor of each gap's {@code qti-product}), the general feedback as it was. In a package the
 * category, tags and original identifier come back from the manifest ({@link Qti3PackageWriter}).
 * Still normalised (checked by {@code SameItems.qtiDifferences}): text is HTML (the source text,
 * e.g. Markdown, is not in the item; the package manifest names its format), so texts compare as
 * the text of their HTML (inline runs are wrapped in {@code div}); an exactly scored numerical
 * catch-all without feedback is not read back (nothing in the document names it); ordering choices
 * keep no ids beyond their order; gap-text groups are not written. A lone item document also loses
 * the category and tags, and its identifier is the QTI one. Third-party files (without the tool
 * name) are read as before.
 *
 * <p><b>Not exportable</b>: a cloze item with a multiple-response gap ({@link
 * #notExportable(Item)}); {@link #write(Item)} refuses it. Everything else is written, and what is
 * lost is named by {@link #losses(Item)}, never dropped silently. Thread-safe and stateless.
 */
public final class Qti3Writer {

  /** The QTI 3.0 ASI namespace. */
  public static final String NS = QtiItemImporter.NS_30;

  /** The XML Schema instance namespace. */
  public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /** The schema location of the QTI 3.0 ASI XSD, as the 1EdTech QTI 3.0 examples give it. */
  public static final String SCHEMA_LOCATION =
      "https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqti_asiv3p0_v1p0.xsd";

  /** Where the QTI 3.0 standard response processing templates live. */
  public static final String RP_TEMPLATES = "https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/";

  /**
   * The {@code tool-name} this writer puts on every item (QTI 3.0 {@code qti-assessment-item}
   * attribute): {@link QtiItemImporter} recognises its own exports by it and reads the writer's
   * patterns (answer feedback, custom response processing) back exactly.
   */
  public static final String TOOL_NAME = "Edusprong LMS";

  /** The {@code tool-version} of this writer's output (the mapping documented here). */
  public static final String TOOL_VERSION = "1.1";

  /**
   * The data attribute on the {@code qti-choice-interaction} of a true/false item ({@value} {@code
   * ="true-false"}): QTI has no true/false interaction.
   */
  public static final String DATA_TYPE = "data-edusprong-type";

  private static final String GENERAL = "GENERAL_FEEDBACK";
  private static final Pattern NCNAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");
  private static final Pattern VOID =
      Pattern.compile("<(br|hr|img|col|wbr)(\\s[^>]*?)?\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final String BLANK_MARK = "\uE000BLANK\uE000";
  private static final Pattern TOKENS =
      Pattern.compile(Item.GAP_TOKEN.pattern() + "|" + Pattern.quote(BLANK_MARK));

  /** XHTML elements of QTI 3.0 item content written as they are. */
  private static final Set<String> QTI_HTML =
      Set.of(
          "a",
          "abbr",
          "address",
          "b",
          "bdo",
          "big",
          "blockquote",
          "br",
          "caption",
          "cite",
          "code",
          "col",
          "colgroup",
          "dd",
          "dfn",
          "div",
          "dl",
          "dt",
          "em",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "i",
          "img",
          "kbd",
          "li",
          "ol",
          "p",
          "pre",
          "q",
          "samp",
          "small",
          "span",
          "strong",
          "sub",
          "sup",
          "table",
          "tbody",
          "td",
          "tfoot",
          "th",
          "thead",
          "tr",
          "tt",
          "ul",
          "var",
          "figure",
          "figcaption");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "ul",
          "ol",
          "dl",
          "table",
          "blockquote",
          "pre",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "hr",
          "figure",
          "address");

  private static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "a", Set.of("href"),
          "img", Set.of("src", "alt", "width", "height"),
          "td", Set.of("colspan", "rowspan"),
          "th", Set.of("colspan", "rowspan"));

  /**
   * Writes one item as a QTI 3.0 item document.
   *
   * @param item the item
   * @return the XML document, starting with {@code <?xml version="1.0" encoding="UTF-8"?>}; encode
   *     it as UTF-8
   * @throws IllegalArgumentException when the item is {@linkplain #notExportable(Item) not
   *     exportable}
   */
  public String write(Item item) {
    return render(item).xml();
  }

  /**
   * What writing an item loses: QTI cannot carry it, or carries it only approximately.
   *
   * @param item the item
   * @return one English sentence per loss, starting {@code item 'id': }, in document order; the
   *     last ones name the category, tags and source text format, which only {@link
   *     Qti3PackageWriter} keeps (in the manifest); empty when nothing is lost
   * @throws IllegalArgumentException when the item is not exportable
   */
  public static List<String> losses(Item item) {
    List<String> out = new ArrayList<>(render(item).losses());
    out.addAll(metadataLosses(item));
    return out;
  }

  /** Losses of the item document itself, metadata left out (package writer). */
  static Rendered render(Item item) {
    return render(item, qtiIdentifier(Objects.requireNonNull(item, "item").identifier()));
  }

  /** The document with the given QTI identifier (the package writer's, unique in the package). */
  static Rendered render(Item item, String qtiIdentifier) {
    Objects.requireNonNull(item, "item");
    String problem = notExportable(item);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    try {
      return new Doc(item, qtiIdentifier).render();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("item '" + item.identifier() + "': " + e.getMessage(), e);
    }
  }

  /** The XML of an item and its losses. */
  record Rendered(String xml, List<String> losses) {}

  static List<String> metadataLosses(Item item) {
    List<String> out = new ArrayList<>();
    String prefix = "item '" + item.identifier() + "': ";
    if (!item.category().isEmpty()) {
      out.add(
          prefix
              + "the category '"
              + item.category()
              + "' is not part of a QTI item (a QTI package keeps it in its manifest)");
    }
    if (!item.tags().isEmpty()) {
      out.add(
          prefix
              + "the tags "
              + item.tags()
              + " are not part of a QTI item (a QTI package keeps them in its manifest)");
    }
    if (item.stemFormat() != TextFormat.HTML) {
      out.add(
          prefix
              + "the text was written as "
              + item.stemFormat().giftName()
              + "; QTI holds its HTML rendering (a QTI package names the source format in its"
              + " manifest)");
    }
    return out;
  }

  /**
   * Why an item cannot be written as QTI 3.0.
   *
   * @param item the item
   * @return an English sentence naming the item and the reason; null when it can be written
   */
  public static String notExportable(Item item) {
    Objects.requireNonNull(item, "item");
    if (item.type() == ItemType.CLOZE) {
      for (Gap g : item.gaps()) {
        if (g.kind() == Gap.Kind.MULTIPLE_RESPONSE) {
          return "item '"
              + item.identifier()
              + "' (CLOZE) cannot be exported to QTI 3.0: gap "
              + g.id()
              + " is a multiple-response gap, and QTI 3.0 has no inline interaction that picks"
              + " several options";
        }
      }
    }
    return null;
  }

  /**
   * The items of a list that cannot be written, each with the reason.
   *
   * @param items the items
   * @return one message per such item ({@link #notExportable(Item)}), in list order
   */
  public static List<String> notExportable(List<Item> items) {
    List<String> out = new ArrayList<>();
    for (Item item : items) {
      String p = notExportable(Objects.requireNonNull(item, "item"));
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * A QTI identifier (an XML NCName, QTI 3.0 "Identifier" data type) for a model identifier.
   *
   * @param raw any identifier
   * @return {@code raw} when it is one already; else each character outside {@code [A-Za-z0-9_.-]}
   *     replaced by {@code _} and {@code I_} put in front when it does not start with a letter or
   *     {@code _}
   */
  public static String qtiIdentifier(String raw) {
    if (NCNAME.matcher(raw).matches()) {
      return raw;
    }
    String s = raw.replaceAll("[^A-Za-z0-9_.\\-]", "_");
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_' ? "I_" + s : s;
  }

  /** Writes one document; not thread-safe. */
  private static final class Doc {
    private final Item item;
    private final List<String> losses = new ArrayList<>();
    private final StringWriter buffer = new StringWriter();
    private XMLStreamWriter w;

    /** The choices whose feedback is written inline, inside the choice. */
    private final Set<String> inlineFeedback = new LinkedHashSet<>();

    private final String qtiIdentifier;

    Doc(Item item, String qtiIdentifier) {
      this.item = item;
      this.qtiIdentifier = qtiIdentifier;
    }

    private void loss(String message) {
      String m = "item '" + item.identifier() + "': " + message;
      if (!losses.contains(m)) {
        losses.add(m);
      }
    }

    Rendered render() throws XMLStreamException {
      w = XMLOutputFactory.newFactory().createXMLStreamWriter(buffer);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.setDefaultNamespace(NS);
      w.setPrefix("xsi", XSI);
      w.writeStartElement(NS, "qti-assessment-item");
      w.writeDefaultNamespace(NS);
      w.writeNamespace("xsi", XSI);
      w.writeAttribute(XSI, "schemaLocation", NS + " " + SCHEMA_LOCATION);
      String id = qtiIdentifier;
      if (!id.equals(item.identifier())) {
        loss(
            id.equals(qtiIdentifier(item.identifier()))
                ? "the identifier is not a QTI identifier and was written as '" + id + "'"
                : "the identifier was written as '" + id + "' to be unique in the package");
      }
      w.writeAttribute("identifier", id);
      w.writeAttribute("title", item.title());
      w.writeAttribute("adaptive", "false");
      w.writeAttribute("time-dependent", "false");
      w.writeAttribute("tool-name", TOOL_NAME);
      w.writeAttribute("tool-version", TOOL_VERSION);
      responseDeclarations();
      outcomeDeclarations();
      body();
      responseProcessing();
      modalFeedback();
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
      return new Rendered(buffer.toString(), List.copyOf(losses));
    }

    // ---- declarations ------------------------------------------------------------------------

    private boolean scored() {
      return item.type() != ItemType.ESSAY && item.type() != ItemType.DESCRIPTION;
    }

    private boolean hasFeedback() {
      return !item.generalFeedbackHtml().isEmpty() || !answerFeedback().isEmpty();
    }

    /** Answers with feedback: feedback identifier to (response, answer). */
    private Map<String, Object[]> answerFeedback() {
      Map<String, Object[]> out = new LinkedHashMap<>();
      switch (item.type()) {
        case CHOICE_SINGLE, CHOICE_MULTIPLE, TRUE_FALSE, SHORT_ANSWER, NUMERICAL -> {
          for (Choice c : item.choices()) {
            if (!c.feedbackHtml().isEmpty()) {
              out.put(c.id(), new Object[] {"RESPONSE", c, kindOf(item.type())});
            }
          }
        }
        case CLOZE -> {
          for (Gap g : item.gaps()) {
            for (Choice c : g.answers()) {
              if (!c.feedbackHtml().isEmpty()) {
                out.put(g.id() + "_" + c.id(), new Object[] {"RESPONSE_" + g.id(), c, g.kind()});
              }
            }
          }
        }
        default -> {
          // matching, ordering, gap match, essay, description: no answer feedback in the model
        }
      }
      return out;
    }

    private static Gap.Kind kindOf(ItemType type) {
      return switch (type) {
        case SHORT_ANSWER -> Gap.Kind.TEXT_ENTRY;
        case NUMERICAL -> Gap.Kind.NUMERICAL;
        case CHOICE_MULTIPLE -> Gap.Kind.MULTIPLE_RESPONSE;
        default -> Gap.Kind.INLINE_CHOICE;
      };
    }

    private static boolean tolerant(List<Choice> answers) {
      return answers.stream()
          .anyMatch(c -> c.numeric() != null && c.numeric().tolerance().signum() != 0);
    }

    private void responseDeclarations() throws XMLStreamException {
      switch (item.type()) {
        case CHOICE_SINGLE, TRUE_FALSE ->
            mapped("RESPONSE", "single", "identifier", item.choices(), Gap.Kind.INLINE_CHOICE);
        case CHOICE_MULTIPLE ->
            mapped(
                "RESPONSE", "multiple", "identifier", item.choices(), Gap.Kind.MULTIPLE_RESPONSE);
        case SHORT_ANSWER -> {
          for (Choice c : item.choices()) {
            if (wildcard(c.text())) {
              loss(
                  "the short answer '"
                      + c.text()
                      + "' uses '*' as a wildcard; QTI compares it as the literal text");
            }
          }
          mapped("RESPONSE", "single", "string", item.choices(), Gap.Kind.TEXT_ENTRY);
        }
        case NUMERICAL -> mapped("RESPONSE", "single", "float", item.choices(), Gap.Kind.NUMERICAL);
        case ESSAY -> {
          declaration("RESPONSE", "single", "string");
          w.writeEndElement();
        }
        case ORDERING -> {
          declaration("RESPONSE", "ordered", "identifier");
          w.writeStartElement("qti-correct-response");
          for (Choice c : item.choices()) {
            value(c.id());
          }
          w.writeEndElement();
          w.writeEndElement();
        }
        case MATCHING -> pairsDeclaration(matchCorrect());
        case GAP_MATCH -> {
          List<String> pairs = new ArrayList<>();
          for (Gap g : item.gaps()) {
            pairs.add(g.gapTextId() + " " + g.id());
          }
          for (GapText t : item.gapTexts()) {
            if (t.group() != 1) {
              loss(
                  "gap text "
                      + t.id()
                      + " is in group "
                      + t.group()
                      + "; QTI gap texts have no groups, so any gap accepts it");
            }
          }
          pairsDeclaration(pairs);
        }
        case CLOZE -> {
          for (Gap g : item.gaps()) {
            String baseType =
                switch (g.kind()) {
                  case INLINE_CHOICE -> "identifier";
                  case NUMERICAL -> "float";
                  default -> "string";
                };
            mapped("RESPONSE_" + g.id(), "single", baseType, g.answers(), g.kind());
          }
        }
        case DESCRIPTION -> {
          // no response
        }
      }
    }

    private static boolean wildcard(String pattern) {
      return pattern.replace("\\*", "").contains("*");
    }

    private static String literal(String pattern) {
      return pattern.replace("\\*", "*");
    }

    private void declaration(String id, String cardinality, String baseType)
        throws XMLStreamException {
      w.writeStartElement("qti-response-declaration");
      w.writeAttribute("identifier", id);
      w.writeAttribute("cardinality", cardinality);
      w.writeAttribute("base-type", baseType);
    }

    private void value(String text) throws XMLStreamException {
      w.writeStartElement("qti-value");
      w.writeCharacters(text);
      w.writeEndElement();
    }

    /** A declaration with correct response and (unless tolerant) a mapping. */
    private void mapped(
        String id, String cardinality, String baseType, List<Choice> answers, Gap.Kind kind)
        throws XMLStreamException {
      declaration(id, cardinality, baseType);
      List<String> correct = new ArrayList<>();
      for (Choice c : answers) {
        if (c.numeric() == null && kind == Gap.Kind.NUMERICAL) {
          continue; // the catch-all: no value to declare
        }
        boolean right =
            kind == Gap.Kind.MULTIPLE_RESPONSE ? c.weightPercent().signum() > 0 : c.correct();
        if (right) {
          correct.add(key(c, kind));
        }
      }
      if (!correct.isEmpty()) {
        w.writeStartElement("qti-correct-response");
        for (String v : correct) {
          value(v);
        }
        w.writeEndElement();
      }
      if (!(kind == Gap.Kind.NUMERICAL && tolerant(answers))) {
        w.writeStartElement("qti-mapping");
        w.writeAttribute("default-value", "0");
        for (Choice c : answers) {
          boolean text = kind == Gap.Kind.TEXT_ENTRY || kind == Gap.Kind.NUMERICAL;
          if (kind == Gap.Kind.NUMERICAL && c.numeric() == null
              || !text && c.weightPercent().signum() == 0) {
            continue; // a choice's 0 is the default value; a text answer's 0 keeps it (feedback)
          }
          w.writeEmptyElement("qti-map-entry");
          w.writeAttribute("map-key", key(c, kind));
          w.writeAttribute("mapped-value", fraction(c.weightPercent()));
          if (kind == Gap.Kind.TEXT_ENTRY) {
            w.writeAttribute("case-sensitive", "false");
          }
        }
        w.writeEndElement();
      }
      w.writeEndElement();
    }

    private static String key(Choice c, Gap.Kind kind) {
      return switch (kind) {
        case TEXT_ENTRY -> literal(c.text());
        case NUMERICAL -> c.numeric().value().toPlainString();
        default -> c.id();
      };
    }

    /** weight percent / 100 as a plain decimal. */
    private static String fraction(BigDecimal percent) {
      BigDecimal f = percent.movePointLeft(2).stripTrailingZeros();
      return (f.scale() < 0 ? f.setScale(0) : f).toPlainString();
    }

    private List<String> matchCorrect() {
      List<String> out = new ArrayList<>();
      Map<String, String> targets = matchTargets();
      for (MatchPair p : item.pairs()) {
        if (!p.distractor()) {
          out.add(p.id() + " " + targets.get(p.answer()));
        }
      }
      return out;
    }

    /** Answer text to target identifier T1, T2, ... in first-use order. */
    private Map<String, String> matchTargets() {
      Map<String, String> out = new LinkedHashMap<>();
      for (MatchPair p : item.pairs()) {
        out.computeIfAbsent(p.answer(), a -> "T" + (out.size() + 1));
      }
      return out;
    }

    private void pairsDeclaration(List<String> pairs) throws XMLStreamException {
      declaration("RESPONSE", "multiple", "directedPair");
      w.writeStartElement("qti-correct-response");
      for (String p : pairs) {
        value(p);
      }
      w.writeEndElement();
      w.writeStartElement("qti-mapping");
      w.writeAttribute("default-value", "0");
      String share =
          BigDecimal.ONE
              .divide(BigDecimal.valueOf(pairs.size()), MathContext.DECIMAL64)
              .stripTrailingZeros()
              .toPlainString();
      for (String p : pairs) {
        w.writeEmptyElement("qti-map-entry");
        w.writeAttribute("map-key", p);
        w.writeAttribute("mapped-value", share);
      }
      w.writeEndElement();
      w.writeEndElement();
    }

    private void outcomeDeclarations() throws XMLStreamException {
      if (scored() || item.type() == ItemType.ESSAY) {
        outcome("SCORE", "single", "float", "0");
        outcome("MAXSCORE", "single", "float", "1");
      }
      if (hasFeedback()) {
        outcome("FEEDBACK", "multiple", "identifier", null);
      }
    }

    private void outcome(String id, String cardinality, String baseType, String dflt)
        throws XMLStreamException {
      w.writeStartElement("qti-outcome-declaration");
      w.writeAttribute("identifier", id);
      w.writeAttribute("cardinality", cardinality);
      w.writeAttribute("base-type", baseType);
      if (dflt != null) {
        w.writeStartElement("qti-default-value");
        value(dflt);
        w.writeEndElement();
      }
      w.writeEndElement();
    }

    // ---- body --------------------------------------------------------------------------------

    private void body() throws XMLStreamException {
      w.writeStartElement("qti-item-body");
      String stem = item.stemHtml();
      switch (item.type()) {
        case SHORT_ANSWER, NUMERICAL -> {
          if (item.missingWord()) {
            int at = item.missingWordIndex();
            stem =
                stem.substring(0, at)
                    + BLANK_MARK
                    + stem.substring(at + Item.MISSING_WORD_BLANK.length());
            html(stem, true);
          } else {
            html(stem, true);
            w.writeStartElement("div");
            textEntry("RESPONSE");
            w.writeEndElement();
          }
        }
        case CHOICE_SINGLE, CHOICE_MULTIPLE, TRUE_FALSE -> {
          if (item.missingWord()) {
            loss(
                "the choices go where the blank '"
                    + Item.MISSING_WORD_BLANK
                    + "' is in the stem; QTI has no inline choice for a whole item, so the blank"
                    + " stays as text and the choices follow the stem");
          }
          html(stem, true);
          w.writeStartElement("qti-choice-interaction");
          w.writeAttribute("response-identifier", "RESPONSE");
          w.writeAttribute("shuffle", "false");
          w.writeAttribute("max-choices", item.type() == ItemType.CHOICE_MULTIPLE ? "0" : "1");
          if (item.type() == ItemType.TRUE_FALSE) {
            w.writeAttribute(DATA_TYPE, "true-false");
          }
          for (Choice c : item.choices()) {
            w.writeStartElement("qti-simple-choice");
            w.writeAttribute("identifier", c.id());
            html(c.textHtml(), false);
            if (!c.feedbackHtml().isEmpty() && !hasBlock(c.feedbackHtml())) {
              inlineFeedback.add(c.id());
              w.writeStartElement("qti-feedback-inline");
              w.writeAttribute("outcome-identifier", "FEEDBACK");
              w.writeAttribute("identifier", c.id());
              w.writeAttribute("show-hide", "show");
              html(c.feedbackHtml(), false);
              w.writeEndElement();
            }
            w.writeEndElement();
          }
          w.writeEndElement();
        }
        case ESSAY -> {
          html(stem, true);
          w.writeEmptyElement("qti-extended-text-interaction");
          w.writeAttribute("response-identifier", "RESPONSE");
        }
        case DESCRIPTION -> html(stem, true);
        case MATCHING -> {
          html(stem, true);
          matchInteraction();
        }
        case ORDERING -> {
          html(stem, true);
          w.writeStartElement("qti-order-interaction");
          w.writeAttribute("response-identifier", "RESPONSE");
          w.writeAttribute("shuffle", "true");
          List<Choice> cs = item.choices();
          for (int i = 0; i < cs.size(); i++) {
            Choice c = cs.get((i + 1) % cs.size());
            w.writeStartElement("qti-simple-choice");
            w.writeAttribute("identifier", c.id());
            html(c.textHtml(), false);
            w.writeEndElement();
          }
          w.writeEndElement();
        }
        case CLOZE -> html(stem, true);
        case GAP_MATCH -> {
          w.writeStartElement("qti-gap-match-interaction");
          w.writeAttribute("response-identifier", "RESPONSE");
          w.writeAttribute("shuffle", "false");
          w.writeAttribute("max-associations", String.valueOf(item.gaps().size()));
          for (GapText t : item.gapTexts()) {
            w.writeStartElement("qti-gap-text");
            w.writeAttribute("identifier", t.id());
            w.writeAttribute("match-max", t.infinite() ? "0" : "1");
            html(t.textHtml(), false);
            w.writeEndElement();
          }
          html(stem, true);
          w.writeEndElement();
        }
      }
      for (Map.Entry<String, Object[]> f : answerFeedback().entrySet()) {
        if (inlineFeedback.contains(f.getKey())) {
          continue; // inline in the choice
        }
        w.writeStartElement("qti-feedback-block");
        w.writeAttribute("outcome-identifier", "FEEDBACK");
        w.writeAttribute("identifier", f.getKey());
        w.writeAttribute("show-hide", "show");
        html(((Choice) f.getValue()[1]).feedbackHtml(), true);
        w.writeEndElement();
      }
      w.writeEndElement();
    }

    private void textEntry(String responseId) throws XMLStreamException {
      w.writeEmptyElement("qti-text-entry-interaction");
      w.writeAttribute("response-identifier", responseId);
    }

    private void matchInteraction() throws XMLStreamException {
      List<MatchPair> premises = item.pairs().stream().filter(p -> !p.distractor()).toList();
      Map<String, String> targets = matchTargets();
      Set<String> used = new LinkedHashSet<>();
      for (MatchPair p : premises) {
        used.add(p.answer());
      }
      for (MatchPair p : item.pairs()) {
        if (p.distractor() && used.contains(p.answer())) {
          loss(
              "the distractor answer '"
                  + p.answer()
                  + "' is also a premise's answer; QTI offers each answer once");
        }
      }
      w.writeStartElement("qti-match-interaction");
      w.writeAttribute("response-identifier", "RESPONSE");
      w.writeAttribute("shuffle", "true");
      w.writeAttribute("max-associations", String.valueOf(premises.size()));
      w.writeStartElement("qti-simple-match-set");
      for (MatchPair p : premises) {
        w.writeStartElement("qti-simple-associable-choice");
        w.writeAttribute("identifier", p.id());
        w.writeAttribute("match-max", "1");
        html(p.premiseHtml(), false);
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeStartElement("qti-simple-match-set");
      for (Map.Entry<String, String> t : targets.entrySet()) {
        long uses = premises.stream().filter(p -> p.answer().equals(t.getKey())).count();
        w.writeStartElement("qti-simple-associable-choice");
        w.writeAttribute("identifier", t.getValue());
        w.writeAttribute("match-max", String.valueOf(Math.max(1, uses)));
        w.writeCharacters(t.getKey());
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndElement();
    }

    /** The interaction that replaces a gap token or the missing-word blank. */
    private void token(String token) throws XMLStreamException {
      if (token.equals(BLANK_MARK)) {
        textEntry("RESPONSE");
        return;
      }
      Matcher m = Item.GAP_TOKEN.matcher(token);
      if (!m.matches()) {
        w.writeCharacters(token);
        return;
      }
      Gap gap = item.gap(m.group(1)).orElse(null);
      if (gap == null) {
        w.writeCharacters(token);
        return;
      }
      if (item.type() == ItemType.GAP_MATCH) {
        w.writeEmptyElement("qti-gap");
        w.writeAttribute("identifier", gap.id());
        return;
      }
      if (item.type() != ItemType.CLOZE) {
        w.writeCharacters(token);
        return;
      }
      if (gap.kind() == Gap.Kind.INLINE_CHOICE) {
        w.writeStartElement("qti-inline-choice-interaction");
        w.writeAttribute("response-identifier", "RESPONSE_" + gap.id());
        w.writeAttribute("shuffle", "false");
        for (Choice c : gap.answers()) {
          w.writeStartElement("qti-inline-choice");
          w.writeAttribute("identifier", c.id());
          Node parsed = parse(c.textHtml());
          if (parsed != null && parsed.children.stream().anyMatch(o -> o instanceof Node)) {
            loss(
                "the markup of option "
                    + c.id()
                    + " of gap "
                    + gap.id()
                    + " is not kept: a QTI inline choice holds text only");
          }
          w.writeCharacters(parsed == null ? c.text() : parsed.text());
          w.writeEndElement();
        }
        w.writeEndElement();
      } else {
        textEntry("RESPONSE_" + gap.id());
      }
    }

    // ---- response processing -----------------------------------------------------------------

    /** The standard template the scoring is exactly, or null. */
    private String template() {
      return switch (item.type()) {
        case CHOICE_SINGLE, CHOICE_MULTIPLE, TRUE_FALSE, SHORT_ANSWER, MATCHING, GAP_MATCH ->
            "map_response";
        case NUMERICAL -> tolerant(item.choices()) ? null : "map_response";
        case ORDERING -> "match_correct";
        default -> null;
      };
    }

    private void responseProcessing() throws XMLStreamException {
      if (!scored() && !hasFeedback()) {
        return;
      }
      String template = scored() ? template() : null;
      if (template != null && !hasFeedback()) {
        w.writeEmptyElement("qti-response-processing");
        w.writeAttribute("template", RP_TEMPLATES + template + ".xml");
        return;
      }
      w.writeStartElement("qti-response-processing");
      if (template != null) {
        w.writeAttribute("template", RP_TEMPLATES + template + ".xml");
      }
      if (scored()) {
        scoring(template);
      }
      for (Map.Entry<String, Object[]> f : answerFeedback().entrySet()) {
        Object[] v = f.getValue();
        w.writeStartElement("qti-response-condition");
        w.writeStartElement("qti-response-if");
        test((String) v[0], (Choice) v[1], (Gap.Kind) v[2]);
        addFeedback(f.getKey());
        w.writeEndElement();
        w.writeEndElement();
      }
      if (!item.generalFeedbackHtml().isEmpty()) {
        addFeedback(GENERAL);
      }
      w.writeEndElement();
    }

    private void scoring(String template) throws XMLStreamException {
      if ("map_response".equals(template)) {
        w.writeStartElement("qti-response-condition");
        w.writeStartElement("qti-response-if");
        w.writeStartElement("qti-is-null");
        variable("RESPONSE");
        w.writeEndElement();
        setScore(() -> base("float", "0"));
        w.writeEndElement();
        w.writeStartElement("qti-response-else");
        setScore(
            () -> {
              w.writeEmptyElement("qti-map-response");
              w.writeAttribute("identifier", "RESPONSE");
            });
        w.writeEndElement();
        w.writeEndElement();
      } else if ("match_correct".equals(template)) {
        w.writeStartElement("qti-response-condition");
        w.writeStartElement("qti-response-if");
        w.writeStartElement("qti-match");
        variable("RESPONSE");
        w.writeEmptyElement("qti-correct");
        w.writeAttribute("identifier", "RESPONSE");
        w.writeEndElement();
        setScore(() -> base("float", "1"));
        w.writeEndElement();
        w.writeStartElement("qti-response-else");
        setScore(() -> base("float", "0"));
        w.writeEndElement();
        w.writeEndElement();
      } else if (item.type() == ItemType.NUMERICAL) {
        numericChain("RESPONSE", item.choices(), "1", false);
      } else if (item.type() == ItemType.CLOZE) {
        int total = item.gaps().stream().mapToInt(Gap::weight).sum();
        for (Gap g : item.gaps()) {
          String weight = String.valueOf(g.weight());
          String rid = "RESPONSE_" + g.id();
          if (g.kind() == Gap.Kind.NUMERICAL && tolerant(g.answers())) {
            numericChain(rid, g.answers(), weight, true);
            continue;
          }
          w.writeStartElement("qti-response-condition");
          w.writeStartElement("qti-response-if");
          w.writeStartElement("qti-not");
          w.writeStartElement("qti-is-null");
          variable(rid);
          w.writeEndElement();
          w.writeEndElement();
          setScore(
              () -> {
                w.writeStartElement("qti-sum");
                variable("SCORE");
                w.writeStartElement("qti-product");
                base("float", weight);
                w.writeEmptyElement("qti-map-response");
                w.writeAttribute("identifier", rid);
                w.writeEndElement();
                w.writeEndElement();
              });
          w.writeEndElement();
          w.writeEndElement();
        }
        if (total != 1) {
          // the weighted sum runs to the total weight; MAXSCORE is 1
          setScore(
              () -> {
                w.writeStartElement("qti-divide");
                variable("SCORE");
                base("float", String.valueOf(total));
                w.writeEndElement();
              });
        }
      }
    }

    /**
     * First matching answer wins. Sets SCORE to the answer's {@code w/100}; or, in a cloze ({@code
     * add}), adds {@code product(gap weight, w/100)} to it.
     */
    private void numericChain(String rid, List<Choice> answers, String weight, boolean add)
        throws XMLStreamException {
      w.writeStartElement("qti-response-condition");
      w.writeStartElement("qti-response-if");
      w.writeStartElement("qti-is-null");
      variable(rid);
      w.writeEndElement();
      if (!add) {
        setScore(() -> base("float", "0"));
      }
      w.writeEndElement();
      for (Choice c : answers) {
        if (c.numeric() == null) {
          continue;
        }
        w.writeStartElement("qti-response-else-if");
        test(rid, c, Gap.Kind.NUMERICAL);
        String value = fraction(c.weightPercent());
        if (add) {
          setScore(
              () -> {
                w.writeStartElement("qti-sum");
                variable("SCORE");
                w.writeStartElement("qti-product");
                base("float", weight);
                base("float", value);
                w.writeEndElement();
                w.writeEndElement();
              });
        } else {
          setScore(() -> base("float", value));
        }
        w.writeEndElement();
      }
      if (!add) {
        w.writeStartElement("qti-response-else");
        setScore(() -> base("float", "0"));
        w.writeEndElement();
      }
      w.writeEndElement();
    }

    /** Writes the test whether response {@code rid} matches answer {@code c}. */
    private void test(String rid, Choice c, Gap.Kind kind) throws XMLStreamException {
      switch (kind) {
        case INLINE_CHOICE -> {
          w.writeStartElement("qti-match");
          variable(rid);
          base("identifier", c.id());
          w.writeEndElement();
        }
        case MULTIPLE_RESPONSE -> {
          w.writeStartElement("qti-member");
          base("identifier", c.id());
          variable(rid);
          w.writeEndElement();
        }
        case TEXT_ENTRY -> {
          w.writeStartElement("qti-string-match");
          w.writeAttribute("case-sensitive", "false");
          variable(rid);
          base("string", literal(c.text()));
          w.writeEndElement();
        }
        case NUMERICAL -> {
          if (c.numeric() == null) {
            // the catch-all: any number that is given
            w.writeStartElement("qti-not");
            w.writeStartElement("qti-is-null");
            variable(rid);
            w.writeEndElement();
            w.writeEndElement();
            return;
          }
          w.writeStartElement("qti-equal");
          boolean exact = c.numeric().tolerance().signum() == 0;
          w.writeAttribute("tolerance-mode", exact ? "exact" : "absolute");
          if (!exact) {
            w.writeAttribute("tolerance", c.numeric().tolerance().toPlainString());
          }
          variable(rid);
          base("float", c.numeric().value().toPlainString());
          w.writeEndElement();
        }
        default -> throw new IllegalStateException("no test for " + kind);
      }
    }

    private interface Expr {
      void write() throws XMLStreamException;
    }

    private void setScore(Expr e) throws XMLStreamException {
      w.writeStartElement("qti-set-outcome-value");
      w.writeAttribute("identifier", "SCORE");
      e.write();
      w.writeEndElement();
    }

    private void addFeedback(String id) throws XMLStreamException {
      w.writeStartElement("qti-set-outcome-value");
      w.writeAttribute("identifier", "FEEDBACK");
      w.writeStartElement("qti-multiple");
      variable("FEEDBACK");
      base("identifier", id);
      w.writeEndElement();
      w.writeEndElement();
    }

    private void variable(String id) throws XMLStreamException {
      w.writeEmptyElement("qti-variable");
      w.writeAttribute("identifier", id);
    }

    private void base(String type, String value) throws XMLStreamException {
      w.writeStartElement("qti-base-value");
      w.writeAttribute("base-type", type);
      w.writeCharacters(value);
      w.writeEndElement();
    }

    private void modalFeedback() throws XMLStreamException {
      if (item.generalFeedbackHtml().isEmpty()) {
        return;
      }
      w.writeStartElement("qti-modal-feedback");
      w.writeAttribute("outcome-identifier", "FEEDBACK");
      w.writeAttribute("identifier", GENERAL);
      w.writeAttribute("show-hide", "show");
      w.writeStartElement("qti-content-body");
      html(item.generalFeedbackHtml(), true);
      w.writeEndElement();
      w.writeEndElement();
    }

    // ---- HTML -> XHTML -----------------------------------------------------------------------

    /** A parsed HTML element (or the fragment root); children are Strings and Nodes. */
    private static final class Node {
      final String name;
      final Map<String, String> attributes = new LinkedHashMap<>();
      final List<Object> children = new ArrayList<>();

      Node(String name) {
        this.name = name;
      }

      String text() {
        StringBuilder b = new StringBuilder();
        for (Object o : children) {
          b.append(o instanceof Node n ? n.text() : (String) o);
        }
        return b.toString();
      }
    }

    /** Whether the HTML holds a block element (which a {@code qti-feedback-inline} cannot). */
    private static boolean hasBlock(String html) {
      Node root = parse(html);
      return root != null && hasBlock(root);
    }

    private static boolean hasBlock(Node n) {
      for (Object o : n.children) {
        if (o instanceof Node c && (BLOCKS.contains(c.name) || hasBlock(c))) {
          return true;
        }
      }
      return false;
    }

    /** The sanitised HTML as a tree, or null when it is not well-formed once voids are closed. */
    private static Node parse(String html) {
      String xml = "<r>" + VOID.matcher(html).replaceAll("<$1$2/>") + "</r>";
      XMLStreamReader r = null;
      try {
        r = HardenedXml.newInputFactory().createXMLStreamReader(new StringReader(xml));
        List<Node> open = new ArrayList<>();
        Node root = null;
        while (r.hasNext()) {
          int e = r.next();
          switch (e) {
            case XMLStreamConstants.START_ELEMENT -> {
              Node n = new Node(r.getLocalName().toLowerCase(java.util.Locale.ROOT));
              for (int i = 0; i < r.getAttributeCount(); i++) {
                n.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
              }
              if (open.isEmpty()) {
                root = n;
              } else {
                open.get(open.size() - 1).children.add(n);
              }
              open.add(n);
            }
            case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
              if (!open.isEmpty()) {
                open.get(open.size() - 1).children.add(r.getText());
              }
            }
            case XMLStreamConstants.ENTITY_REFERENCE -> {
              String name = r.getLocalName();
              String c =
                  switch (name) {
                    case "nbsp" -> "\u00A0";
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> null;
                  };
              if (c == null || open.isEmpty()) {
                return null;
              }
              open.get(open.size() - 1).children.add(c);
            }
            case XMLStreamConstants.DTD -> {
              return null;
            }
            default -> {
              // comments, processing instructions: not content
            }
          }
        }
        return root;
      } catch (XMLStreamException | RuntimeException e) {
        return null;
      } finally {
        HardenedXml.close(r);
      }
    }

    /**
     * Writes sanitised HTML as XHTML in the QTI namespace, gap tokens and the blank mark replaced
     * by their interactions; in a block context inline runs are wrapped in {@code div}.
     */
    private void html(String html, boolean block) throws XMLStreamException {
      if (html.isEmpty()) {
        return;
      }
      Node root = parse(html);
      if (root == null) {
        loss(
            "HTML that could not be read as XHTML was written as its text: '"
                + abbreviate(html)
                + "'");
        root = new Node("r");
        root.children.add(html.replaceAll("<[^>]*>", ""));
      }
      if (!block) {
        children(root);
        return;
      }
      List<Object> run = new ArrayList<>();
      for (Object o : root.children) {
        if (o instanceof Node n && BLOCKS.contains(n.name)) {
          flushRun(run);
          element(n);
        } else {
          run.add(o);
        }
      }
      flushRun(run);
    }

    private void flushRun(List<Object> run) throws XMLStreamException {
      boolean content = run.stream().anyMatch(o -> o instanceof Node || !((String) o).isBlank());
      if (content) {
        Node div = new Node("div");
        div.children.addAll(run);
        element(div);
      }
      run.clear();
    }

    private void children(Node n) throws XMLStreamException {
      for (Object o : n.children) {
        if (o instanceof Node c) {
          element(c);
        } else {
          text((String) o);
        }
      }
    }

    private void text(String s) throws XMLStreamException {
      Matcher m = TOKENS.matcher(s);
      int last = 0;
      while (m.find()) {
        w.writeCharacters(s.substring(last, m.start()));
        token(m.group());
        last = m.end();
      }
      w.writeCharacters(s.substring(last));
    }

    private void element(Node n) throws XMLStreamException {
      String name = n.name;
      String cls = null;
      if (!QTI_HTML.contains(name)) {
        if (name.equals("u")) {
          cls = "qti-underline";
        } else {
          loss("the element <" + name + "> is not part of QTI 3.0 and was written as <span>");
        }
        name = "span";
      }
      boolean empty = n.children.isEmpty() && Set.of("br", "hr", "img", "col").contains(name);
      if (empty) {
        w.writeEmptyElement(name);
      } else {
        w.writeStartElement(name);
      }
      if (cls != null) {
        w.writeAttribute("class", cls);
      }
      Set<String> allowed = ATTRIBUTES.getOrDefault(name, Set.of());
      for (Map.Entry<String, String> a : n.attributes.entrySet()) {
        String key = a.getKey();
        if (allowed.contains(key) || key.equals("dir")) {
          w.writeAttribute(key, a.getValue());
        } else if (key.equals("lang")) {
          w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", a.getValue());
        } else if (!key.equals("rel")) {
          loss(
              "the attribute "
                  + key
                  + " of <"
                  + n.name
                  + "> is not part of QTI 3.0 and is dropped");
        }
      }
      if (name.equals("img") && !n.attributes.containsKey("alt")) {
        w.writeAttribute("alt", "");
      }
      if (!empty) {
        children(n);
        w.writeEndElement();
      }
    }

    private static String abbreviate(String s) {
      return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
  }
}
