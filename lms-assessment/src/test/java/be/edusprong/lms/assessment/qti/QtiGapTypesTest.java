package be.edusprong.lms.assessment.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.scoring.GapResponse;
import be.edusprong.lms.assessment.scoring.OrderResponse;
import be.edusprong.lms.assessment.scoring.ResponseScorer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** QTI order, inline choice, several text entries (cloze) and gap match; own fixtures. */
class QtiGapTypesTest {

  private static final String NS21 = "http://www.imsglobal.org/xsd/imsqti_v2p1";
  private static final String NS30 = "http://www.imsglobal.org/xsd/imsqtiasi_v3p0";

  private final QtiItemImporter qti21 = QtiItemImporter.qti21();
  private final QtiItemImporter qti30 = QtiItemImporter.qti30();
  private final ResponseScorer scorer = new ResponseScorer();

  private static String item21(String declarations, String body) {
    return "<?xml version=\"1.0\"?>\n<assessmentItem xmlns=\""
        + NS21
        + "\" identifier=\"it1\" title=\"T\">\n"
        + declarations
        + "\n<itemBody>"
        + body
        + "</itemBody>\n"
        + "<responseProcessing template=\"http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
        + "match_correct\"/>\n</assessmentItem>\n";
  }

  private static ItemOutcome only(FidelityReport report) {
    assertFalse(report.refused(), report::refusal);
    assertEquals(1, report.outcomes().size());
    return report.outcomes().get(0);
  }

  @Test
  void orderInteractionGivesTheChoicesInTheirCorrectOrder() {
    ItemOutcome o =
        only(
            qti21.importFile(
                item21(
                    "<responseDeclaration identifier=\"R\" cardinality=\"ordered\""
                        + " baseType=\"identifier\"><correctResponse><value>c</value>"
                        + "<value>a</value><value>b</value></correctResponse>"
                        + "</responseDeclaration>",
                    "<orderInteraction responseIdentifier=\"R\"><prompt>Rangschik</prompt>"
                        + "<simpleChoice identifier=\"a\">twee</simpleChoice>"
                        + "<simpleChoice identifier=\"b\">drie</simpleChoice>"
                        + "<simpleChoice identifier=\"c\">een</simpleChoice></orderInteraction>"),
                "o.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    Item item = o.item();
    assertEquals(ItemType.ORDERING, item.type());
    assertEquals(
        List.of("een", "twee", "drie"), item.choices().stream().map(Choice::text).toList());
    assertEquals("<div>Rangschik</div>", item.stemHtml());
    assertTrue(scorer.score(item, OrderResponse.of("A", "B", "C")).correct());
    assertEquals(
        0,
        BigDecimal.ZERO.compareTo(
            scorer.score(item, OrderResponse.of("B", "A", "C")).score().raw()));
  }

  @Test
  void anOrderThatLeavesOutAChoiceIsRejected() {
    ItemOutcome o =
        only(
            qti21.importFile(
                item21(
                    "<responseDeclaration identifier=\"R\" cardinality=\"ordered\""
                        + " baseType=\"identifier\"><correctResponse><value>a</value>"
                        + "</correctResponse></responseDeclaration>",
                    "<orderInteraction responseIdentifier=\"R\">"
                        + "<simpleChoice identifier=\"a\">x</simpleChoice>"
                        + "<simpleChoice identifier=\"b\">y</simpleChoice></orderInteraction>"),
                "o.xml"));
    assertEquals(ImportStatus.REJECTED, o.status());
    assertEquals(
        "the correct order [a] must name each of the choices [a, b] exactly once",
        o.messages().get(0));
    assertEquals(3, o.line());
  }

  @Test
  void inlineChoicesAndTextEntriesInOneBodyFormACloze() {
    ItemOutcome o =
        only(
            qti21.importFile(
                item21(
                    "<responseDeclaration identifier=\"R1\" cardinality=\"single\""
                        + " baseType=\"identifier\"><correctResponse><value>y</value>"
                        + "</correctResponse></responseDeclaration>"
                        + "<responseDeclaration identifier=\"R2\" cardinality=\"single\""
                        + " baseType=\"string\"><correctResponse><value>Gent</value>"
                        + "</correctResponse></responseDeclaration>"
                        + "<responseDeclaration identifier=\"R3\" cardinality=\"single\""
                        + " baseType=\"float\"><correctResponse><value>2.5</value>"
                        + "</correctResponse></responseDeclaration>",
                    "<p>Kies <inlineChoiceInteraction responseIdentifier=\"R1\">"
                        + "<inlineChoice identifier=\"x\">nee</inlineChoice>"
                        + "<inlineChoice identifier=\"y\">ja</inlineChoice>"
                        + "</inlineChoiceInteraction>, stad <textEntryInteraction"
                        + " responseIdentifier=\"R2\"/>, getal <textEntryInteraction"
                        + " responseIdentifier=\"R3\"/>.</p>"),
                "c.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    Item item = o.item();
    assertEquals(ItemType.CLOZE, item.type());
    assertEquals("<p>Kies [[G1]], stad [[G2]], getal [[G3]].</p>", item.stemHtml());
    assertFalse(item.missingWord());
    List<Gap> gaps = item.gaps();
    assertEquals(
        List.of(Gap.Kind.INLINE_CHOICE, Gap.Kind.TEXT_ENTRY, Gap.Kind.NUMERICAL),
        gaps.stream().map(Gap::kind).toList());
    assertEquals(List.of(1, 1, 1), gaps.stream().map(Gap::weight).toList());
    assertEquals(List.of("nee", "ja"), gaps.get(0).answers().stream().map(Choice::text).toList());
    assertEquals(0, new BigDecimal("100").compareTo(gaps.get(0).answer("B").weightPercent()));
    assertEquals(
        0, new BigDecimal("2.5").compareTo(gaps.get(2).answers().get(0).numeric().value()));
    // two of three gaps right
    var outcome = scorer.score(item, new GapResponse(Map.of("G1", "B", "G2", "gent", "G3", "3")));
    assertEquals(
        0,
        new BigDecimal("0.6666666666666667").compareTo(outcome.score().raw()),
        outcome::toString);
  }

  @Test
  void aClozeGapWithoutDeclarationIsRejected() {
    ItemOutcome o =
        only(
            qti21.importFile(
                item21(
                    "<responseDeclaration identifier=\"R1\" baseType=\"string\"><correctResponse>"
                        + "<value>a</value></correctResponse></responseDeclaration>",
                    "<p><textEntryInteraction responseIdentifier=\"R1\"/>"
                        + "<textEntryInteraction responseIdentifier=\"R9\"/></p>"),
                "c.xml"));
    assertEquals(ImportStatus.REJECTED, o.status());
    assertEquals(
        "interaction 'textEntryInteraction' refers to response 'R9', which is not declared",
        o.messages().get(0));
  }

  private static final String GAP_MATCH_30 =
      """
      <qti-assessment-item xmlns="%s" identifier="gm" title="Dieren">
        <qti-response-declaration identifier="RESPONSE" cardinality="multiple" base-type="directedPair">
          <qti-correct-response><qti-value>H G1</qti-value><qti-value>K G2</qti-value>%s</qti-correct-response>
        </qti-response-declaration>
        <qti-item-body>
          <qti-gap-match-interaction response-identifier="RESPONSE">
            <qti-prompt>Vul aan.</qti-prompt>
            <qti-gap-text identifier="H" match-max="0">hond</qti-gap-text>
            <qti-gap-text identifier="K" match-max="1">kat</qti-gap-text>
            <qti-gap-text identifier="V" match-max="1">vis</qti-gap-text>
            <p>De <qti-gap identifier="G1"/> blaft, de <qti-gap identifier="G2"/> miauwt%s.</p>
          </qti-gap-match-interaction>
        </qti-item-body>
        <qti-response-processing template="https://purl.imsglobal.org/spec/qti/v3p0/rptemplates/match_correct.xml"/>
      </qti-assessment-item>
      """;

  @Test
  void gapMatchInteractionGivesGapTextsAndGaps() {
    ItemOutcome o = only(qti30.importFile(String.format(GAP_MATCH_30, NS30, "", ""), "gm.xml"));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    Item item = o.item();
    assertEquals(ItemType.GAP_MATCH, item.type());
    assertEquals("<div>Vul aan.</div><p>De [[G1]] blaft, de [[G2]] miauwt.</p>", item.stemHtml());
    assertEquals(
        List.of("hond", "kat", "vis"), item.gapTexts().stream().map(GapText::text).toList());
    assertEquals(
        List.of(true, false, false), item.gapTexts().stream().map(GapText::infinite).toList());
    assertEquals(
        List.of("G1=A", "G2=B"),
        item.gaps().stream().map(g -> g.id() + "=" + g.gapTextId()).toList());
    assertTrue(scorer.score(item, new GapResponse(Map.of("G1", "A", "G2", "B"))).correct());
    assertEquals(
        0,
        new BigDecimal("0.5")
            .compareTo(
                scorer.score(item, new GapResponse(Map.of("G1", "A", "G2", "C"))).score().raw()));
  }

  @Test
  void aGapWithoutCorrectTextIsRejectedAndTwoTextsForOneGapIsALoss() {
    ItemOutcome noText =
        only(
            qti30.importFile(
                String.format(GAP_MATCH_30, NS30, "", ", de <qti-gap identifier=\"G3\"/> zwemt"),
                "gm.xml"));
    assertEquals(ImportStatus.REJECTED, noText.status());
    assertEquals("gap 'G3' has no correct gap text", noText.messages().get(0));
    ItemOutcome two =
        only(
            qti30.importFile(
                String.format(GAP_MATCH_30, NS30, "<qti-value>V G1</qti-value>", ""), "gm.xml"));
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, two.status());
    assertEquals(List.of("gap 'G1' accepts [H, V]; only 'H' is kept"), two.messages());
  }
}
