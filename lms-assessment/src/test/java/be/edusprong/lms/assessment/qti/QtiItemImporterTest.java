package be.edusprong.lms.assessment.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit tests of {@link QtiItemImporter} on small fixtures written for these tests. */
class QtiItemImporterTest {

  private static final String NS21 = "http://www.imsglobal.org/xsd/imsqti_v2p1";
  private static final String NS30 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

  private final QtiItemImporter qti21 = QtiItemImporter.qti21();
  private final QtiItemImporter qti30 = QtiItemImporter.qti30();

  private static String item21(String declarations, String body) {
    return "<?xml version=\"1.0\"?>\n<assessmentItem xmlns=\""
        + NS21
        + "\" identifier=\"it1\" title=\"Hoofdsteden\">\n"
        + declarations
        + "\n<itemBody>"
        + body
        + "</itemBody>\n</assessmentItem>\n";
  }

  private static ItemOutcome only(FidelityReport report) {
    assertFalse(report.refused(), () -> "refused: " + report.refusal());
    assertEquals(1, report.outcomes().size());
    return report.outcomes().get(0);
  }

  private static BigDecimal pct(String v) {
    return new BigDecimal(v);
  }

  private static void weights(Item item, String... expected) {
    List<Choice> choices = item.choices();
    assertEquals(expected.length, choices.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          0, pct(expected[i]).compareTo(choices.get(i).weightPercent()), "weight of choice " + i);
      assertEquals(Choice.idFor(i), choices.get(i).id());
    }
  }

  @Test
  void formatsAreTheVersions() {
    assertEquals(BankFormat.QTI21, qti21.format());
    assertEquals(BankFormat.QTI30, qti30.format());
    assertEquals("qti30", BankFormat.QTI30.id());
  }

  @Test
  void singleChoiceMatchCorrect() {
    String xml =
        item21(
                "<responseDeclaration identifier=\"R\" cardinality=\"single\" baseType=\"identifier\">"
                    + "<correctResponse><value>b</value></correctResponse></responseDeclaration>",
                "<p>Wat is de <strong>hoofdstad</strong> van België?</p>"
                    + "<choiceInteraction responseIdentifier=\"R\" maxChoices=\"1\">"
                    + "<prompt>Kies één.</prompt>"
                    + "<simpleChoice identifier=\"a\">Antwerpen</simpleChoice>"
                    + "<simpleChoice identifier=\"b\">Brussel</simpleChoice>"
                    + "<simpleChoice identifier=\"c\">Gent <em>(Oost-Vlaanderen)</em></simpleChoice>"
                    + "</choiceInteraction>")
            + "";
    xml =
        xml.replace(
            "</assessmentItem>",
            "<responseProcessing template=\"http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
                + "match_correct\"/></assessmentItem>");
    ItemOutcome o = only(qti21.importFile(xml, "single.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    Item item = o.item();
    assertEquals(ItemType.CHOICE_SINGLE, item.type());
    assertEquals("it1", item.identifier());
    assertEquals("Hoofdsteden", item.title());
    assertTrue(item.stemHtml().contains("<strong>hoofdstad</strong>"), item.stemHtml());
    assertTrue(item.stemHtml().contains("Kies één."), item.stemHtml());
    weights(item, "0", "100", "0");
    assertEquals("Gent <em>(Oost-Vlaanderen)</em>", item.choices().get(2).text());
    assertEquals(2, o.line());
    assertEquals(1, o.column());
  }

  @Test
  void multipleChoiceMatchCorrectSplitsTheMarkWithALoss() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"multiple\" baseType=\"identifier\">"
                + "<correctResponse><value>x</value><value>z</value></correctResponse>"
                + "</responseDeclaration>",
            "<choiceInteraction responseIdentifier=\"R\" maxChoices=\"0\">"
                + "<simpleChoice identifier=\"x\">X</simpleChoice>"
                + "<simpleChoice identifier=\"y\">Y</simpleChoice>"
                + "<simpleChoice identifier=\"z\">Z</simpleChoice>"
                + "</choiceInteraction>");
    ItemOutcome o = only(qti21.importFile(xml, "multi.xml"));
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertTrue(o.messages().get(0).contains("all or nothing"), o.messages()::toString);
    assertEquals(ItemType.CHOICE_MULTIPLE, o.item().type());
    weights(o.item(), "50", "-50", "50");
  }

  @Test
  void mapResponseWeightsArePercentOfTheMaximum() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"multiple\" baseType=\"identifier\">"
                + "<correctResponse><value>x</value><value>y</value></correctResponse>"
                + "<mapping defaultValue=\"0\"><mapEntry mapKey=\"x\" mappedValue=\"2\"/>"
                + "<mapEntry mapKey=\"y\" mappedValue=\"1\"/>"
                + "<mapEntry mapKey=\"z\" mappedValue=\"-1.5\"/></mapping>"
                + "</responseDeclaration>",
            "<choiceInteraction responseIdentifier=\"R\" maxChoices=\"3\">"
                + "<simpleChoice identifier=\"x\">X</simpleChoice>"
                + "<simpleChoice identifier=\"y\">Y</simpleChoice>"
                + "<simpleChoice identifier=\"z\">Z</simpleChoice>"
                + "<simpleChoice identifier=\"w\">W</simpleChoice>"
                + "</choiceInteraction>");
    xml =
        xml.replace(
            "</assessmentItem>",
            "<responseProcessing template=\"http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
                + "map_response\"/></assessmentItem>");
    ItemOutcome o = only(qti21.importFile(xml, "map.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    weights(o.item(), "66.66667", "33.33333", "-50", "0");
  }

  @Test
  void qti30ChoiceWithMapResponseTemplate() {
    String xml =
        "<qti-assessment-item xmlns=\""
            + NS30
            + "\" identifier=\"q3\" title=\"Drie\">"
            + "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
            + " base-type=\"identifier\"><qti-correct-response><qti-value>k2</qti-value>"
            + "</qti-correct-response><qti-mapping default-value=\"0\">"
            + "<qti-map-entry map-key=\"k1\" mapped-value=\"0.5\"/>"
            + "<qti-map-entry map-key=\"k2\" mapped-value=\"1\"/></qti-mapping>"
            + "</qti-response-declaration><qti-item-body>"
            + "<qti-choice-interaction response-identifier=\"RESPONSE\" max-choices=\"1\">"
            + "<qti-prompt>Welke?</qti-prompt>"
            + "<qti-simple-choice identifier=\"k1\">Bijna</qti-simple-choice>"
            + "<qti-simple-choice identifier=\"k2\">Juist</qti-simple-choice>"
            + "</qti-choice-interaction></qti-item-body>"
            + "<qti-response-processing template=\"https://purl.imsglobal.org/spec/qti/v3p0/"
            + "rptemplates/map_response.xml\"/></qti-assessment-item>";
    ItemOutcome o = only(qti30.importFile(xml, "q3.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    assertEquals(ItemType.CHOICE_SINGLE, o.item().type());
    weights(o.item(), "50", "100");
    assertEquals("q3", o.item().identifier());
    assertEquals("<div>Welke?</div>", o.item().stemHtml());
  }

  @Test
  void theOtherVersionIsRefusedByName() {
    String xml = item21("", "<p>Tekst</p>");
    FidelityReport r = qti30.importFile(xml, "v21.xml");
    assertTrue(r.refused());
    assertTrue(r.refusal().contains("QTI 2.1 item"), r.refusal());
    assertEquals(BankFormat.QTI30, r.format());
  }

  @Test
  void textEntryInsideAParagraphIsAShortAnswerWithABlank() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"single\" baseType=\"string\">"
                + "<correctResponse><value>Brussel</value></correctResponse></responseDeclaration>",
            "<p>De hoofdstad is <textEntryInteraction responseIdentifier=\"R\"/>.</p>");
    ItemOutcome o = only(qti21.importFile(xml, "te.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    Item item = o.item();
    assertEquals(ItemType.SHORT_ANSWER, item.type());
    assertTrue(item.missingWord());
    assertEquals("<p>De hoofdstad is _____.</p>", item.stemHtml());
    assertEquals("Brussel", item.choices().get(0).text());
    weights(item, "100");
  }

  @Test
  void textEntryFloatIsNumericalExact() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"single\" baseType=\"float\">"
                + "<correctResponse><value>3.5</value></correctResponse></responseDeclaration>",
            "<p>Hoeveel? <textEntryInteraction responseIdentifier=\"R\"/></p>");
    Item item = only(qti21.importFile(xml, "num.xml")).item();
    assertEquals(ItemType.NUMERICAL, item.type());
    Choice c = item.choices().get(0);
    assertNotNull(c.numeric());
    assertEquals(0, new BigDecimal("3.5").compareTo(c.numeric().value()));
    assertEquals(0, c.numeric().tolerance().signum());
    assertTrue(c.correct());
  }

  @Test
  void numericalValueThatIsNoNumberIsRejected() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"single\" baseType=\"integer\">"
                + "<correctResponse><value>drie</value></correctResponse></responseDeclaration>",
            "<p><textEntryInteraction responseIdentifier=\"R\"/></p>");
    ItemOutcome o = only(qti21.importFile(xml, "bad.xml"));
    assertEquals(ImportStatus.REJECTED, o.status());
    assertTrue(o.messages().get(0).contains("'drie' is not a number"), o.messages()::toString);
  }

  @Test
  void extendedTextIsAnEssayAndNoInteractionADescription() {
    String essay =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"single\" baseType=\"string\"/>",
            "<extendedTextInteraction responseIdentifier=\"R\"><prompt>Schrijf.</prompt>"
                + "</extendedTextInteraction>");
    assertEquals(ItemType.ESSAY, only(qti21.importFile(essay, "e.xml")).item().type());
    ItemOutcome d = only(qti21.importFile(item21("", "<p>Lees dit.</p>"), "d.xml"));
    assertEquals(ImportStatus.IMPORTED, d.status());
    assertEquals(ItemType.DESCRIPTION, d.item().type());
    assertEquals("<p>Lees dit.</p>", d.item().stemHtml());
  }

  @Test
  void matchInteractionBecomesPairsWithDistractors() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"multiple\""
                + " baseType=\"directedPair\"><correctResponse><value>s1 t2</value>"
                + "<value>s2 t1</value></correctResponse></responseDeclaration>",
            "<matchInteraction responseIdentifier=\"R\"><prompt>Koppel.</prompt>"
                + "<simpleMatchSet><simpleAssociableChoice identifier=\"s1\" matchMax=\"1\">Gent"
                + "</simpleAssociableChoice><simpleAssociableChoice identifier=\"s2\" matchMax=\"1\">"
                + "Luik</simpleAssociableChoice></simpleMatchSet><simpleMatchSet>"
                + "<simpleAssociableChoice identifier=\"t1\" matchMax=\"1\">Wallonië"
                + "</simpleAssociableChoice><simpleAssociableChoice identifier=\"t2\""
                + " matchMax=\"1\">Vlaanderen</simpleAssociableChoice>"
                + "<simpleAssociableChoice identifier=\"t3\" matchMax=\"1\">Brussel"
                + "</simpleAssociableChoice></simpleMatchSet></matchInteraction>");
    ItemOutcome o = only(qti21.importFile(xml, "m.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    List<MatchPair> pairs = o.item().pairs();
    assertEquals(3, pairs.size());
    assertEquals("Gent", pairs.get(0).premiseText());
    assertEquals("Vlaanderen", pairs.get(0).answer());
    assertEquals("Wallonië", pairs.get(1).answer());
    assertTrue(pairs.get(2).distractor());
    assertEquals("Brussel", pairs.get(2).answer());
  }

  @Test
  void unsupportedInteractionIsRejectedWithItsPosition() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"single\" baseType=\"identifier\"/>",
            "\n<hottextInteraction responseIdentifier=\"R\"><p><hottext identifier=\"a\">A"
                + "</hottext></p></hottextInteraction>");
    ItemOutcome o = only(qti21.importFile(xml, "o.xml"));
    assertEquals(ImportStatus.REJECTED, o.status());
    assertEquals(List.of("unsupported interaction 'hottextInteraction'"), o.messages());
    assertEquals(5, o.line());
    assertEquals(1, o.column());
  }

  @Test
  void twoInteractionsAreRejected() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R1\" baseType=\"string\"/>"
                + "<responseDeclaration identifier=\"R2\" baseType=\"identifier\"/>",
            "<p><textEntryInteraction responseIdentifier=\"R1\"/></p>"
                + "<choiceInteraction responseIdentifier=\"R2\"><simpleChoice identifier=\"a\">A"
                + "</simpleChoice></choiceInteraction>");
    ItemOutcome o = only(qti21.importFile(xml, "two.xml"));
    assertEquals(ImportStatus.REJECTED, o.status());
    assertTrue(o.messages().get(0).contains("2 interactions"), o.messages()::toString);
  }

  @Test
  void modalFeedbackAndOtherTemplatesAreLosses() {
    String xml =
        item21(
            "<responseDeclaration identifier=\"R\" cardinality=\"single\" baseType=\"identifier\">"
                + "<correctResponse><value>a</value></correctResponse></responseDeclaration>",
            "<choiceInteraction responseIdentifier=\"R\" maxChoices=\"1\">"
                + "<simpleChoice identifier=\"a\">Ja</simpleChoice>"
                + "<simpleChoice identifier=\"b\">Nee</simpleChoice></choiceInteraction>");
    xml =
        xml.replace(
            "</assessmentItem>",
            "<responseProcessing template=\"http://example.org/rptemplates/cc2_match\"/>"
                + "<modalFeedback outcomeIdentifier=\"FEEDBACK\" showHide=\"show\" identifier=\"ok\">"
                + "Goed <script>alert(1)</script>zo</modalFeedback></assessmentItem>");
    ItemOutcome o = only(qti21.importFile(xml, "fb.xml"));
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertEquals(3, o.messages().size(), o.messages()::toString);
    assertTrue(o.messages().get(0).contains("cc2_match"));
    assertTrue(o.messages().get(1).contains("'script'"));
    assertTrue(o.messages().get(2).contains("modalFeedback 'ok'"));
    assertTrue(o.item().generalFeedbackHtml().contains("Goed"));
    assertFalse(o.item().generalFeedbackHtml().contains("script"));
  }

  @Test
  void scriptsInTheBodyNeverSurvive() {
    String xml =
        item21(
            "",
            "<p onclick=\"evil()\">Tekst<a href=\"javascript:evil()\">x</a></p><script>evil()</script>");
    Item item = only(qti21.importFile(xml, "x.xml")).item();
    assertFalse(item.stemHtml().contains("evil"), item.stemHtml());
  }

  @Test
  void notAnItemIsRefusedSayingWhatItIs() {
    assertEquals(
        "this is a QTI result report (assessmentResult), not an item",
        qti21
            .importFile(
                "<assessmentResult xmlns=\"http://www.imsglobal.org/xsd/imsqti_result_v2p1\"/>",
                "r.xml")
            .refusal());
    assertTrue(
        qti30
            .importFile("<qti-assessment-test xmlns=\"" + NS30 + "\"/>", "t.xml")
            .refusal()
            .contains("QTI assessment test"));
    assertTrue(
        qti21
            .importFile("<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"/>", "m.xml")
            .refusal()
            .contains("content package manifest"));
    assertTrue(qti21.importFile("", "e.xml").refusal().contains("empty"));
    assertTrue(qti21.importFile("Vraag?\nA. x\nANSWER: A", "a.txt").refusal().contains("not XML"));
    assertTrue(qti21.importFile("<a><b></a>", "bad.xml").refusal().contains("line 1"));
  }

  @Test
  void externalEntitiesAreRefused() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE assessmentItem [<!ENTITY xxe SYSTEM"
            + " \"file:///etc/passwd\">]>\n<assessmentItem xmlns=\""
            + NS21
            + "\" identifier=\"x\" title=\"&xxe;\"><itemBody><p>&xxe;</p></itemBody>"
            + "</assessmentItem>";
    FidelityReport r = qti21.importFile(xxe, "xxe.xml");
    assertTrue(r.refused());
    assertTrue(r.refusal().contains("DOCTYPE"), r.refusal());
    assertFalse(r.toJson().contains("root:"));
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">");
    }
    dtd.append("]>");
    String bomb =
        "<?xml version=\"1.0\"?>\n"
            + dtd
            + "\n<assessmentItem xmlns=\""
            + NS21
            + "\" identifier=\"x\" title=\"t\"><itemBody><p>&lol9;</p></itemBody>"
            + "</assessmentItem>";
    long start = System.nanoTime();
    FidelityReport r = qti21.importFile(bomb, "lol.xml");
    assertTrue(r.refused());
    assertTrue(r.refusal().contains("DOCTYPE"), r.refusal());
    assertTrue(System.nanoTime() - start < 5_000_000_000L);
  }

  @Test
  void undeclaredEntityIsNotExpanded() {
    FidelityReport r =
        qti21.importFile(
            "<assessmentItem xmlns=\""
                + NS21
                + "\" identifier=\"x\"><itemBody><p>&ent;</p>"
                + "</itemBody></assessmentItem>",
            "ent.xml");
    assertTrue(r.refused(), r::toJson);
  }
}
