package be.edusprong.lms.assessment.moodlexml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

/** Moodle XML cloze (multianswer), ddwtos, gapselect and ordering questions, own fixtures. */
class MoodleXmlGapTypesTest {

  private final MoodleXmlImporter importer = new MoodleXmlImporter();

  private FidelityReport read(String questions) {
    return importer.importFile(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "</quiz>\n",
        "bank.xml");
  }

  private static ItemOutcome only(FidelityReport report) {
    assertFalse(report.refused(), report::refusal);
    assertEquals(1, report.outcomes().size(), report::toJson);
    return report.outcomes().get(0);
  }

  private static String answers(Gap g) {
    return String.join(
        ",",
        g.answers().stream()
            .map(c -> c.text() + "=" + c.weightPercent().stripTrailingZeros().toPlainString())
            .toList());
  }

  private static String cloze(String text) {
    return "<question type=\"cloze\"><name><text>Cloze</text></name>"
        + "<questiontext format=\"html\"><text><![CDATA["
        + text
        + "]]></text></questiontext></question>\n";
  }

  @Test
  void clozeSubQuestionsBecomeWeightedGapsWithTokensInTheStem() {
    ItemOutcome o =
        only(
            read(
                cloze(
                    "<p>Hoofdstad: {2:SHORTANSWER:=Brussel#Goed~%50%Bruxelles#Bijna~*#Nee}.</p>"
                        + "<p>Pi: {:NUMERICAL:=3.14:0.01~%50%3:0.5}</p>"
                        + "<p>Kleur: {1:MC:~rood~=groen#Ja\\~zeker~%-50%zwart}</p>"
                        + "<p>Priem: {1:MULTIRESPONSE:%50%2~%50%3~%-100%4}</p>")));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    Item item = o.item();
    assertEquals(ItemType.CLOZE, item.type());
    assertEquals(
        "<p>Hoofdstad: [[G1]].</p><p>Pi: [[G2]]</p><p>Kleur: [[G3]]</p><p>Priem: [[G4]]</p>",
        item.stemText());
    assertEquals(item.stemText(), item.stemHtml());
    List<Gap> gaps = item.gaps();
    assertEquals(
        List.of(
            Gap.Kind.TEXT_ENTRY,
            Gap.Kind.NUMERICAL,
            Gap.Kind.INLINE_CHOICE,
            Gap.Kind.MULTIPLE_RESPONSE),
        gaps.stream().map(Gap::kind).toList());
    assertEquals(List.of(2, 1, 1, 1), gaps.stream().map(Gap::weight).toList());
    assertEquals("Brussel=100,Bruxelles=50,*=0", answers(gaps.get(0)));
    assertEquals("Bijna", gaps.get(0).answer("B").feedbackHtml());
    assertEquals("3.14:0.01=100,3:0.5=50", answers(gaps.get(1)));
    Choice pi = gaps.get(1).answer("A");
    assertEquals(0, new BigDecimal("0.01").compareTo(pi.numeric().tolerance()));
    assertEquals("rood=0,groen=100,zwart=-50", answers(gaps.get(2)));
    assertEquals("Ja~zeker", gaps.get(2).answer("B").feedbackHtml());
    assertEquals("2=50,3=50,4=-100", answers(gaps.get(3)));

    // scored as Moodle multianswer: G1 half of 2, G2 full of 1, G3 0, G4 half of 1: 2.5 / 5
    ResponseScorer scorer = new ResponseScorer();
    var outcome =
        scorer.score(
            item, new GapResponse(Map.of("G1", "bruxelles", "G2", "3,141", "G3", "A", "G4", "B")));
    assertEquals(0, new BigDecimal("0.5").compareTo(outcome.score().raw()), outcome::toString);
    assertTrue(
        scorer
            .score(
                item,
                new GapResponse(Map.of("G1", "Brussel", "G2", "3.14", "G3", "B", "G4", "A,B")))
            .correct());
  }

  @Test
  void clozeVariantsThatChangeTheDisplayOrCaseAreLosses() {
    ItemOutcome o =
        only(
            read(
                cloze(
                    "{1:MCV:=ja~nee} {1:MULTICHOICE_HS:=ja~nee} {1:SHORTANSWER_C:=Gent}"
                        + " {1:SA:=a\\}b \\#1}")));
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertEquals(4, o.item().gaps().size());
    assertTrue(o.messages().stream().anyMatch(m -> m.contains("G1") && m.contains("radio")));
    assertTrue(o.messages().stream().anyMatch(m -> m.contains("G2") && m.contains("radio")));
    assertTrue(o.messages().stream().anyMatch(m -> m.contains("G3") && m.contains("case")));
    assertEquals("a}b #1", o.item().gaps().get(3).answers().get(0).text());
  }

  @Test
  void clozeCharacterReferencesAreNotFeedbackSeparators() {
    Item item = only(read(cloze("{1:SA:=l&#39;eau#Juist}"))).item();
    Choice c = item.gaps().get(0).answers().get(0);
    assertEquals("l'eau", c.text());
    assertEquals("Juist", c.feedbackHtml());
  }

  @Test
  void clozeRejections() {
    FidelityReport report =
        read(
            cloze("Geen ingebedde antwoorden.")
                + cloze("{1:FOO:=a}")
                + cloze("{1:MC:~a~b}")
                + cloze("{1:NUMERICAL:=tien}"));
    assertEquals(4, report.rejectedCount(), report::toJson);
    List<String> first = report.outcomes().stream().map(o -> o.messages().get(0)).toList();
    assertTrue(first.get(0).startsWith("a cloze question needs at least one embedded answer"));
    assertEquals(
        "unknown cloze sub-question type 'FOO' in cloze gap G1 ({1:FOO:...})", first.get(1));
    assertTrue(first.get(2).contains("no answer earning marks"), first.get(2));
    assertTrue(first.get(3).contains("'tien' is not a number"), first.get(3));
    assertEquals(4, report.outcomes().get(1).line());
  }

  @Test
  void multianswerIsTheSameAsCloze() {
    Item item =
        only(read(
                "<question type=\"multianswer\"><questiontext><text>"
                    + "A {:SA:=b} c</text></questiontext></question>"))
            .item();
    assertEquals(ItemType.CLOZE, item.type());
    assertEquals("A [[G1]] c", item.stemText());
  }

  @Test
  void ddwtosBecomesGapMatchWithGroupsAndInfiniteTexts() {
    ItemOutcome o =
        only(
            read(
                """
                <question type="ddwtos"><name><text>Dieren</text></name>
                  <questiontext format="html"><text><![CDATA[<p>De [[1]] blaft, de [[2]] miauwt, nog een [[1]].</p>]]></text></questiontext>
                  <dragbox><text>hond</text><group>1</group><infinite/></dragbox>
                  <dragbox><text>kat</text><group>1</group></dragbox>
                  <dragbox><text><![CDATA[<b>vis</b>]]></text><group>2</group></dragbox>
                </question>
                """));
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    Item item = o.item();
    assertEquals(ItemType.GAP_MATCH, item.type());
    assertEquals("<p>De [[G1]] blaft, de [[G2]] miauwt, nog een [[G3]].</p>", item.stemHtml());
    assertEquals(
        List.of("G1=A", "G2=B", "G3=A"),
        item.gaps().stream().map(g -> g.id() + "=" + g.gapTextId()).toList());
    List<GapText> texts = item.gapTexts();
    assertEquals(List.of(1, 1, 2), texts.stream().map(GapText::group).toList());
    assertEquals(List.of(true, false, false), texts.stream().map(GapText::infinite).toList());
    assertEquals("<b>vis</b>", texts.get(2).textHtml());
    var scored =
        new ResponseScorer().score(item, new GapResponse(Map.of("G1", "A", "G2", "A", "G3", "A")));
    assertEquals(0, new BigDecimal("0.6666666666666667").compareTo(scored.score().raw()));
  }

  @Test
  void gapselectTextsArePlainAndAGapNamingNoTextIsRejected() {
    FidelityReport report =
        read(
            """
            <question type="gapselect"><questiontext><text><![CDATA[<p>[[2]] &lt; [[1]]</p>]]></text></questiontext>
              <selectoption><text>a &lt; b</text><group>1</group></selectoption>
              <selectoption><text>c</text><group>1</group></selectoption>
            </question>
            <question type="gapselect"><questiontext><text>[[3]]</text></questiontext>
              <selectoption><text>a</text><group>1</group></selectoption>
            </question>
            <question type="ddwtos"><questiontext><text>geen gaten</text></questiontext>
              <dragbox><text>a</text><group>1</group></dragbox>
            </question>
            """);
    Item item = report.outcomes().get(0).item();
    assertEquals(
        List.of("G1=B", "G2=A"),
        item.gaps().stream().map(g -> g.id() + "=" + g.gapTextId()).toList());
    assertEquals("a < b", item.gapTexts().get(0).text());
    assertEquals("a &lt; b", item.gapTexts().get(0).textHtml());
    assertFalse(item.gapTexts().get(0).infinite());
    assertEquals(ImportStatus.REJECTED, report.outcomes().get(1).status());
    assertEquals(
        "gap [[3]] names text 3, but the question has 1 text(s) to choose from",
        report.outcomes().get(1).messages().get(0));
    assertEquals(
        "the question text has no gap [[1]], [[2]], ... to fill",
        report.outcomes().get(2).messages().get(0));
  }

  @Test
  void orderingFollowsTheFractionPositionsAndReportsPartialGrading() {
    ItemOutcome o =
        only(
            read(
                """
                <question type="ordering"><name><text>Volgorde</text></name>
                  <questiontext format="html"><text>Van klein naar groot</text></questiontext>
                  <layouttype>VERTICAL</layouttype><selecttype>ALL</selecttype><selectcount>0</selectcount>
                  <gradingtype>RELATIVE_NEXT_EXCLUDE_LAST</gradingtype>
                  <answer fraction="2" format="moodle_auto_format"><text>kB</text></answer>
                  <answer fraction="3" format="moodle_auto_format"><text>MB</text></answer>
                  <answer fraction="1" format="moodle_auto_format"><text>byte</text></answer>
                </question>
                """));
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertEquals(
        List.of(
            "gradingtype RELATIVE_NEXT_EXCLUDE_LAST (partial credit) is not kept: ordering items"
                + " are scored all or nothing"),
        o.messages());
    Item item = o.item();
    assertEquals(ItemType.ORDERING, item.type());
    assertEquals(List.of("byte", "kB", "MB"), item.choices().stream().map(Choice::text).toList());
    assertEquals(List.of("A", "B", "C"), item.choices().stream().map(Choice::id).toList());
    assertTrue(new ResponseScorer().score(item, OrderResponse.of("A", "B", "C")).correct());
    assertNull(item.choices().get(0).numeric());
  }

  @Test
  void orderingWithoutPositionsKeepsDocumentOrderAndNeedsTwoItems() {
    FidelityReport report =
        read(
            """
            <question type="ordering"><questiontext><text>x</text></questiontext>
              <gradingtype>ALL_OR_NOTHING</gradingtype>
              <answer fraction="0"><text>eerst</text></answer>
              <answer fraction="0"><text>dan</text></answer>
            </question>
            <question type="ordering"><questiontext><text>x</text></questiontext>
              <answer fraction="1"><text>alleen</text></answer>
            </question>
            """);
    ItemOutcome first = report.outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED, first.status(), first.messages()::toString);
    assertEquals(
        List.of("eerst", "dan"), first.item().choices().stream().map(Choice::text).toList());
    assertEquals(
        "an ordering question needs at least 2 items to order, this one has 1",
        report.outcomes().get(1).messages().get(0));
  }

  @Test
  void gapfillPluginStaysUnsupported() {
    ItemOutcome o =
        only(
            read(
                "<question type=\"gapfill\"><questiontext><text>[a]</text></questiontext></question>"));
    assertEquals(ImportStatus.REJECTED, o.status());
    assertEquals("unsupported question type 'gapfill' (3:1)", o.messages().get(0));
  }
}
