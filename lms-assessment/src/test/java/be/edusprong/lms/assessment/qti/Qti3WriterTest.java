package be.edusprong.lms.assessment.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.gift.SameItems;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@link Qti3Writer}: one hand-made item per type, checked in the XML (namespace, schema location,
 * declarations, interaction, response processing, feedback) and read back with {@link
 * QtiItemImporter#qti30()} as {@linkplain SameItems#qtiDocumentDifferences the same item}.
 */
class Qti3WriterTest {

  static final String NS = Qti3Writer.NS;

  // ---- fixtures -------------------------------------------------------------------------------

  static Choice choice(String id, String text, int weight, String feedback) {
    return new Choice(
        id,
        text,
        TextFormat.MOODLE,
        SafeHtml.render(text, TextFormat.MOODLE),
        BigDecimal.valueOf(weight),
        feedback.isEmpty() ? "" : SafeHtml.render(feedback, TextFormat.MOODLE),
        null);
  }

  static Choice number(String id, String value, String tolerance, int weight, String feedback) {
    return new Choice(
        id,
        value + ":" + tolerance,
        TextFormat.MOODLE,
        SafeHtml.escape(value + ":" + tolerance),
        BigDecimal.valueOf(weight),
        feedback.isEmpty() ? "" : SafeHtml.escape(feedback),
        new NumericAnswer(new BigDecimal(value), new BigDecimal(tolerance)));
  }

  static Item item(String id, ItemType type, String stemHtml, List<Choice> choices) {
    return full(id, type, stemHtml, -1, choices, List.of(), List.of(), List.of(), "");
  }

  static Item full(
      String id,
      ItemType type,
      String stemHtml,
      int blank,
      List<Choice> choices,
      List<MatchPair> pairs,
      List<Gap> gaps,
      List<GapText> gapTexts,
      String generalFeedbackHtml) {
    return new Item(
        id,
        "Titel " + id,
        type,
        TextFormat.HTML,
        stemHtml,
        stemHtml,
        blank,
        choices,
        pairs,
        gaps,
        gapTexts,
        generalFeedbackHtml,
        "digitaal/wachtwoorden",
        List.of("veiligheid", "basis"),
        1,
        "");
  }

  // ---- helpers --------------------------------------------------------------------------------

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> all(Document d, String name) {
    NodeList list = d.getElementsByTagNameNS(NS, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  static List<String> attrs(Document d, String element, String attribute) {
    return all(d, element).stream().map(e -> e.getAttribute(attribute)).toList();
  }

  /** Writes, checks the root, reads back and compares; returns the document. */
  static Document roundTrip(Item item) throws Exception {
    String xml = new Qti3Writer().write(item);
    Document d = parse(xml);
    Element root = d.getDocumentElement();
    assertEquals(NS, root.getNamespaceURI());
    assertEquals("qti-assessment-item", root.getLocalName());
    assertEquals(
        NS + " " + Qti3Writer.SCHEMA_LOCATION,
        root.getAttributeNS(Qti3Writer.XSI, "schemaLocation"));
    assertEquals(Qti3Writer.qtiIdentifier(item.identifier()), root.getAttribute("identifier"));
    assertEquals(item.title(), root.getAttribute("title"));
    FidelityReport report = QtiItemImporter.qti30().importFile(xml, "x.xml");
    assertEquals(1, report.outcomes().size(), report::toJson);
    ItemOutcome o = report.outcomes().get(0);
    assertNotEquals(ImportStatus.REJECTED, o.status(), () -> o.messages() + "\n" + xml);
    List<String> diffs = SameItems.qtiDocumentDifferences(item, o.item());
    assertTrue(diffs.isEmpty(), () -> diffs + "\n" + xml);
    return d;
  }

  // ---- per type -------------------------------------------------------------------------------

  @Test
  void singleChoiceHasMappingCorrectResponseInlineFeedbackAndTemplatePlusRules() throws Exception {
    Item item =
        full(
            "wachtwoord-1",
            ItemType.CHOICE_SINGLE,
            "<p>Welk <b>wachtwoord</b> is sterk?</p>",
            -1,
            List.of(
                choice("A", "Paard-Batterij-Nietje", 100, "Juist."),
                choice("B", "Wachtwoord1", 50, ""),
                choice("C", "123456", -25, "Nee.")),
            List.of(),
            List.of(),
            List.of(),
            "Lang en onvoorspelbaar.");
    Document d = roundTrip(item);

    assertEquals(List.of("RESPONSE"), attrs(d, "qti-response-declaration", "identifier"));
    assertEquals(List.of("single"), attrs(d, "qti-response-declaration", "cardinality"));
    assertEquals(
        List.of("A"),
        all(d, "qti-value").subList(0, 1).stream().map(Element::getTextContent).toList());
    assertEquals(List.of("A", "B", "C"), attrs(d, "qti-map-entry", "map-key"));
    assertEquals(List.of("1", "0.5", "-0.25"), attrs(d, "qti-map-entry", "mapped-value"));
    assertEquals(List.of("1"), attrs(d, "qti-choice-interaction", "max-choices"));
    assertEquals(List.of("A", "C"), attrs(d, "qti-feedback-inline", "identifier"));
    assertEquals("Nee.", all(d, "qti-feedback-inline").get(1).getTextContent());
    assertEquals(
        List.of(Qti3Writer.RP_TEMPLATES + "map_response.xml"),
        attrs(d, "qti-response-processing", "template"));
    assertEquals(1, all(d, "qti-map-response").size(), "the template's rules are written out");
    assertEquals(List.of("GENERAL_FEEDBACK"), attrs(d, "qti-modal-feedback", "identifier"));
    assertEquals("Lang en onvoorspelbaar.", all(d, "qti-modal-feedback").get(0).getTextContent());
    assertEquals(
        List.of("SCORE", "MAXSCORE", "FEEDBACK"),
        attrs(d, "qti-outcome-declaration", "identifier"));
    assertEquals(
        "b", ((Element) all(d, "p").get(0).getElementsByTagNameNS(NS, "b").item(0)).getLocalName());
  }

  @Test
  void choiceFeedbackWithBlocksGoesToAFeedbackBlock() throws Exception {
    Choice right =
        new Choice("A", "ja", TextFormat.HTML, "ja", Choice.FULL_WEIGHT, "<p>Goed zo.</p>", null);
    Item item =
        item(
            "blokken",
            ItemType.CHOICE_SINGLE,
            "Klopt dit?",
            List.of(right, choice("B", "nee", 0, "Nee.")));
    Document d = roundTrip(item);
    assertEquals(List.of("B"), attrs(d, "qti-feedback-inline", "identifier"));
    assertEquals(List.of("A"), attrs(d, "qti-feedback-block", "identifier"));
    assertEquals(
        "p", ((Element) all(d, "qti-feedback-block").get(0).getFirstChild()).getLocalName());
  }

  @Test
  void choiceWithoutFeedbackUsesTheTemplateAlone() throws Exception {
    Item item =
        item(
            "mc",
            ItemType.CHOICE_MULTIPLE,
            "Welke zijn priemgetallen?",
            List.of(
                choice("A", "2", 50, ""), choice("B", "3", 50, ""), choice("C", "4", -100, "")));
    Document d = roundTrip(item);
    assertEquals(List.of("0"), attrs(d, "qti-choice-interaction", "max-choices"));
    assertEquals(List.of("multiple"), attrs(d, "qti-response-declaration", "cardinality"));
    assertEquals(List.of("0.5", "0.5", "-1"), attrs(d, "qti-map-entry", "mapped-value"));
    assertEquals(0, all(d, "qti-response-condition").size());
    assertEquals(
        0,
        all(d, "qti-outcome-declaration").stream()
            .filter(e -> e.getAttribute("identifier").equals("FEEDBACK"))
            .count());
    assertEquals(
        "div",
        all(d, "qti-item-body").get(0).getFirstChild().getLocalName(),
        "inline stem wrapped");
  }

  @Test
  void trueFalseIsAChoiceBetweenTrueAndFalse() throws Exception {
    Item item =
        item(
            "tf",
            ItemType.TRUE_FALSE,
            "De zon komt op in het oosten.",
            List.of(
                new Choice("TRUE", "TRUE", TextFormat.MOODLE, "True", Choice.FULL_WEIGHT, "", null),
                new Choice(
                    "FALSE", "FALSE", TextFormat.MOODLE, "False", BigDecimal.ZERO, "Fout.", null)));
    Document d = roundTrip(item);
    assertEquals(List.of("TRUE", "FALSE"), attrs(d, "qti-simple-choice", "identifier"));
    assertEquals("TRUE", all(d, "qti-value").get(0).getTextContent());
  }

  @Test
  void shortAnswerAfterTheStemAndAsMissingWord() throws Exception {
    Item after =
        item(
            "sa",
            ItemType.SHORT_ANSWER,
            "Wie schreef De Leeuw van Vlaanderen?",
            List.of(choice("A", "Conscience", 100, "Ja."), choice("B", "Hendrik", 50, "")));
    Document d = roundTrip(after);
    assertEquals(List.of("string"), attrs(d, "qti-response-declaration", "base-type"));
    assertEquals(List.of("false", "false"), attrs(d, "qti-map-entry", "case-sensitive"));
    assertEquals(List.of("A"), attrs(d, "qti-feedback-block", "identifier"));
    assertEquals(1, all(d, "qti-string-match").size());

    String stem = "Grant ligt begraven in " + Item.MISSING_WORD_BLANK + " graf.";
    Item blank =
        full(
            "mw",
            ItemType.SHORT_ANSWER,
            stem,
            stem.indexOf(Item.MISSING_WORD_BLANK),
            List.of(choice("A", "Grants", 100, "")),
            List.of(),
            List.of(),
            List.of(),
            "");
    Document m = roundTrip(blank);
    Element entry = all(m, "qti-text-entry-interaction").get(0);
    assertEquals("div", entry.getParentNode().getLocalName());
    assertTrue(entry.getParentNode().getTextContent().startsWith("Grant ligt begraven in"));
  }

  @Test
  void numericalWithToleranceUsesCustomProcessingWithEqualAndNoMapping() throws Exception {
    Item item =
        item(
            "pi",
            ItemType.NUMERICAL,
            "Geef pi op twee decimalen.",
            List.of(
                number("A", "3.14", "0.005", 100, "Goed."),
                number("B", "3", "0.5", 50, ""),
                new Choice("C", "*", TextFormat.MOODLE, "*", BigDecimal.ZERO, "Nee.", null)));
    String xml = new Qti3Writer().write(item);
    Document d = parse(xml);
    assertEquals(List.of("float"), attrs(d, "qti-response-declaration", "base-type"));
    assertEquals(0, all(d, "qti-mapping").size(), "a mapping compares exactly");
    assertEquals(List.of(""), attrs(d, "qti-response-processing", "template"));
    List<Element> equal = all(d, "qti-equal");
    assertEquals("absolute", equal.get(0).getAttribute("tolerance-mode"));
    assertEquals(
        List.of("0.005", "0.5", "0.005"),
        equal.stream().map(e -> e.getAttribute("tolerance")).toList());
    assertTrue(xml.contains(">0.5</qti-base-value>"), xml);
    assertEquals(List.of("A", "C"), attrs(d, "qti-feedback-block", "identifier"));

    ItemOutcome o = QtiItemImporter.qti30().importFile(xml, "pi.xml").outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertTrue(
        o.messages().stream().anyMatch(m -> m.contains("custom response processing")),
        o.messages()::toString);
    assertTrue(
        SameItems.qtiDocumentDifferences(item, o.item()).isEmpty(),
        () -> SameItems.qtiDocumentDifferences(item, o.item()).toString());
  }

  @Test
  void exactNumericalUsesAMapping() throws Exception {
    Item item =
        item(
            "jaar",
            ItemType.NUMERICAL,
            "Wanneer werd Gent gesticht?",
            List.of(number("A", "630", "0", 100, "")));
    Document d = roundTrip(item);
    assertEquals(List.of("630"), attrs(d, "qti-map-entry", "map-key"));
    assertEquals(
        List.of(Qti3Writer.RP_TEMPLATES + "map_response.xml"),
        attrs(d, "qti-response-processing", "template"));
  }

  @Test
  void matchingHasPremisesDistinctAnswersAndEqualPairWeights() throws Exception {
    Item item =
        full(
            "match",
            ItemType.MATCHING,
            "Koppel de hoofdstad aan het land.",
            -1,
            List.of(),
            List.of(
                new MatchPair("A", "België", TextFormat.HTML, "België", "Brussel"),
                new MatchPair("B", "Frankrijk", TextFormat.HTML, "Frankrijk", "Parijs"),
                new MatchPair("C", "", TextFormat.HTML, "", "Berlijn")),
            List.of(),
            List.of(),
            "");
    Document d = roundTrip(item);
    List<Element> sets = all(d, "qti-simple-match-set");
    assertEquals(2, sets.size());
    assertEquals(
        List.of("A", "B", "T1", "T2", "T3"),
        attrs(d, "qti-simple-associable-choice", "identifier"));
    assertEquals(List.of("A T1", "B T2"), attrs(d, "qti-map-entry", "map-key"));
    assertEquals(List.of("0.5", "0.5"), attrs(d, "qti-map-entry", "mapped-value"));
    assertEquals(List.of("directedPair"), attrs(d, "qti-response-declaration", "base-type"));
  }

  @Test
  void orderingIsWrittenRotatedWithTheCorrectOrderDeclared() throws Exception {
    Item item =
        item(
            "volgorde",
            ItemType.ORDERING,
            "Zet in volgorde.",
            List.of(
                choice("A", "een", 0, ""), choice("B", "twee", 0, ""), choice("C", "drie", 0, "")));
    Document d = roundTrip(item);
    assertEquals(List.of("B", "C", "A"), attrs(d, "qti-simple-choice", "identifier"));
    assertEquals(
        List.of("A", "B", "C"),
        all(d, "qti-value").stream().limit(3).map(Element::getTextContent).toList());
    assertEquals(List.of("ordered"), attrs(d, "qti-response-declaration", "cardinality"));
    assertEquals(
        List.of(Qti3Writer.RP_TEMPLATES + "match_correct.xml"),
        attrs(d, "qti-response-processing", "template"));
  }

  @Test
  void clozePutsAnInteractionAtEachGapWithItsOwnResponse() throws Exception {
    String stem = "<p>De hoofdstad is [[G1]], gesticht in [[G2]] door [[G3]].</p>";
    Item item =
        full(
            "cloze",
            ItemType.CLOZE,
            stem,
            -1,
            List.of(),
            List.of(),
            List.of(
                Gap.cloze(
                    "G1",
                    Gap.Kind.INLINE_CHOICE,
                    List.of(choice("A", "Brussel", 100, "Ja."), choice("B", "Gent", 0, "")),
                    2),
                Gap.cloze("G2", Gap.Kind.NUMERICAL, List.of(number("A", "979", "1", 100, "")), 1),
                Gap.cloze("G3", Gap.Kind.TEXT_ENTRY, List.of(choice("A", "Karel", 100, "")), 1)),
            List.of(),
            "");
    Document d = roundTrip(item);
    assertEquals(
        List.of("RESPONSE_G1", "RESPONSE_G2", "RESPONSE_G3"),
        attrs(d, "qti-response-declaration", "identifier"));
    assertEquals(
        List.of("RESPONSE_G1"), attrs(d, "qti-inline-choice-interaction", "response-identifier"));
    assertEquals(
        List.of("RESPONSE_G2", "RESPONSE_G3"),
        attrs(d, "qti-text-entry-interaction", "response-identifier"));
    assertEquals(
        "p", all(d, "qti-inline-choice-interaction").get(0).getParentNode().getLocalName());
    assertEquals(List.of("G1_A"), attrs(d, "qti-feedback-block", "identifier"));
    assertEquals(
        List.of(""),
        attrs(d, "qti-response-processing", "template"),
        "no template for several responses");
    String xml = new Qti3Writer().write(item);
    assertTrue(
        xml.contains(
            "<qti-product><qti-base-value base-type=\"float\">2</qti-base-value>"
                + "<qti-map-response identifier=\"RESPONSE_G1\"/></qti-product>"),
        "G1 has weight 2: " + xml);
    assertTrue(
        xml.contains(
            "<qti-divide><qti-variable identifier=\"SCORE\"/>"
                + "<qti-base-value base-type=\"float\">4</qti-base-value></qti-divide>"),
        "of 4 in all: " + xml);

    Item withMr =
        full(
            "mr",
            ItemType.CLOZE,
            "Kies [[G1]]",
            -1,
            List.of(),
            List.of(),
            List.of(
                Gap.cloze("G1", Gap.Kind.MULTIPLE_RESPONSE, List.of(choice("A", "x", 100, "")), 1)),
            List.of(),
            "");
    assertTrue(Qti3Writer.notExportable(withMr).contains("multiple-response gap"));
    assertThrows(IllegalArgumentException.class, () -> new Qti3Writer().write(withMr));
    assertNull(Qti3Writer.notExportable(item));
  }

  @Test
  void gapMatchHoldsGapTextsAndGapsInsideTheInteraction() throws Exception {
    String stem = "Een [[G1]] blaft, een [[G2]] miauwt.";
    Item item =
        full(
            "gaps",
            ItemType.GAP_MATCH,
            stem,
            -1,
            List.of(),
            List.of(),
            List.of(Gap.gapMatch("G1", "A"), Gap.gapMatch("G2", "B")),
            List.of(
                new GapText("A", "hond", TextFormat.HTML, "hond", 1, false),
                new GapText("B", "kat", TextFormat.HTML, "kat", 1, true),
                new GapText("C", "vis", TextFormat.HTML, "vis", 2, false)),
            "");
    Document d = roundTrip(item);
    assertEquals(List.of("1", "0", "1"), attrs(d, "qti-gap-text", "match-max"));
    assertEquals(List.of("G1", "G2"), attrs(d, "qti-gap", "identifier"));
    assertEquals(List.of("A G1", "B G2"), attrs(d, "qti-map-entry", "map-key"));
    assertEquals(
        "qti-gap-match-interaction",
        all(d, "qti-gap").get(0).getParentNode().getParentNode().getLocalName());
    assertTrue(
        Qti3Writer.losses(item).stream().anyMatch(l -> l.contains("gap text C is in group 2")),
        Qti3Writer.losses(item)::toString);
  }

  @Test
  void essayAndDescription() throws Exception {
    Document essay = roundTrip(item("essay", ItemType.ESSAY, "Schrijf een brief.", List.of()));
    assertEquals(1, all(essay, "qti-extended-text-interaction").size());
    assertEquals(0, all(essay, "qti-response-processing").size(), "scored by a teacher");
    Document description =
        roundTrip(item("info", ItemType.DESCRIPTION, "<p>Lees eerst de tekst.</p>", List.of()));
    assertEquals(0, all(description, "qti-response-declaration").size());
  }

  // ---- HTML, identifiers, losses -----------------------------------------------------------

  @Test
  void htmlBecomesXhtmlInTheQtiNamespaceAndWhatQtiLacksIsReported() throws Exception {
    String html =
        SafeHtml.sanitize(
            "Regel<br>twee <u>onderlijnd</u> <mark>gemarkeerd</mark> <img src=\"x.png\"> &amp; &lt;tag&gt;");
    Item item = item("html item", ItemType.DESCRIPTION, html, List.of());
    String xml = new Qti3Writer().write(item);
    Document d = parse(xml);
    assertEquals(1, all(d, "br").size(), xml);
    assertEquals(List.of("x.png"), attrs(d, "img", "src"));
    assertEquals(List.of(""), attrs(d, "img", "alt"));
    assertTrue(
        all(d, "span").stream().anyMatch(s -> s.getAttribute("class").equals("qti-underline")),
        xml);
    assertTrue(all(d, "qti-item-body").get(0).getTextContent().contains("& <tag>"), xml);
    assertEquals("html_item", d.getDocumentElement().getAttribute("identifier"));
    List<String> losses = Qti3Writer.losses(item);
    assertTrue(losses.stream().anyMatch(l -> l.contains("<mark>")), losses::toString);
    assertTrue(
        losses.stream().anyMatch(l -> l.contains("written as 'html_item'")), losses::toString);
    assertTrue(
        losses.stream().anyMatch(l -> l.contains("category 'digitaal/wachtwoorden'")),
        losses::toString);
    assertTrue(losses.stream().anyMatch(l -> l.contains("[veiligheid, basis]")), losses::toString);
    assertTrue(
        losses.stream().noneMatch(l -> l.contains("rel")), "rel=nofollow is the sanitiser's own");
  }

  @Test
  void qtiIdentifiersAreNcNames() {
    assertEquals("q-1.a_b", Qti3Writer.qtiIdentifier("q-1.a_b"));
    assertEquals("I_1abc", Qti3Writer.qtiIdentifier("1abc"));
    assertEquals("vraag_1_", Qti3Writer.qtiIdentifier("vraag 1?"));
    assertEquals("I_", Qti3Writer.qtiIdentifier(""));
  }

  @Test
  void plainTextItemsReportTheirSourceFormatAndWildcards() {
    Item item =
        new Item(
            "sa-wild",
            "",
            ItemType.SHORT_ANSWER,
            TextFormat.MOODLE,
            "Naam?",
            "Naam?",
            -1,
            List.of(choice("A", "Jan*", 100, "")),
            List.of(),
            "",
            "",
            List.of(),
            1,
            "");
    List<String> losses = Qti3Writer.losses(item);
    assertEquals(2, losses.size(), losses::toString);
    assertTrue(losses.get(0).contains("'Jan*' uses '*' as a wildcard"), losses::toString);
    assertTrue(losses.get(1).contains("written as moodle"), losses::toString);
  }
}
