package be.edusprong.lms.assessment.moodlexml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.TextFormat;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoodleXmlImporterTest {

  private final MoodleXmlImporter importer = new MoodleXmlImporter();

  private FidelityReport read(String questions) {
    return importer.importFile(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "</quiz>\n",
        "bank.xml");
  }

  private static Item only(FidelityReport report) {
    assertFalse(report.refused(), report::refusal);
    assertEquals(1, report.outcomes().size(), report::toJson);
    Item item = report.outcomes().get(0).item();
    assertTrue(item != null, report::toJson);
    return item;
  }

  private static List<BigDecimal> weights(Item item) {
    return item.choices().stream().map(Choice::weightPercent).toList();
  }

  @Test
  void formatIsMoodleXml() {
    assertEquals(BankFormat.MOODLE_XML, importer.format());
    assertEquals("moodle_xml", importer.format().id());
  }

  @Test
  void multichoiceSingleWithWeightsFeedbackAndCategory() {
    FidelityReport report =
        read(
            """
            <question type="category"><category><text>$course$/top/ICT/Netwerken</text></category></question>
              <question type="multichoice">
                <name><text>Poort HTTPS</text></name>
                <questiontext format="html"><text><![CDATA[<p>Welke poort gebruikt <b>HTTPS</b>?</p><script>x()</script>]]></text></questiontext>
                <generalfeedback format="html"><text>HTTPS = HTTP over TLS.</text></generalfeedback>
                <single>true</single>
                <shuffleanswers>true</shuffleanswers>
                <answer fraction="100" format="plain_text"><text>443</text><feedback><text>Juist!</text></feedback></answer>
                <answer fraction="0" format="plain_text"><text>80</text></answer>
                <answer fraction="-33.33333" format="plain_text"><text>21</text></answer>
                <tags><tag><text>netwerk</text></tag></tags>
              </question>
            """);
    Item item = only(report);
    ItemOutcome o = report.outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED, o.status(), report::toJson);
    assertEquals(4, o.line());
    assertEquals(3, o.column());
    assertEquals(4, item.sourceLine());
    assertTrue(item.sourceText().startsWith("<question type=\"multichoice\">"));
    assertTrue(item.sourceText().endsWith("</question>"));
    assertEquals(ItemType.CHOICE_SINGLE, item.type());
    assertEquals("Poort HTTPS", item.title());
    assertEquals(TextFormat.HTML, item.stemFormat());
    assertFalse(item.stemHtml().contains("script"));
    assertTrue(item.stemHtml().contains("<b>HTTPS</b>"));
    assertEquals("$course$/top/ICT/Netwerken", item.category());
    assertEquals(List.of("netwerk"), item.tags());
    assertEquals("HTTPS &#61; HTTP over TLS.", item.generalFeedbackHtml().replace("=", "&#61;"));
    assertEquals(List.of("A", "B", "C"), item.choices().stream().map(Choice::id).toList());
    assertEquals(
        List.of(new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("-33.33333")),
        weights(item));
    assertEquals("Juist!", item.choices().get(0).feedbackHtml());
    assertEquals(TextFormat.PLAIN, item.choices().get(0).format());
    assertTrue(report.complete());
  }

  @Test
  void multichoiceMultipleAndShuffleFalseIsALoss() {
    FidelityReport report =
        read(
            """
            <question type="multichoice">
              <name><text>Priemgetallen</text></name>
              <questiontext format="moodle_auto_format"><text>Kies de priemgetallen</text></questiontext>
              <single>false</single><shuffleanswers>0</shuffleanswers>
              <answer fraction="50"><text>2</text></answer>
              <answer fraction="50"><text>3</text></answer>
              <answer fraction="-100"><text>4</text></answer>
            </question>
            """);
    Item item = only(report);
    assertEquals(ItemType.CHOICE_MULTIPLE, item.type());
    assertEquals(TextFormat.MOODLE, item.stemFormat());
    ItemOutcome o = report.outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertTrue(o.messages().get(0).contains("shuffleanswers"), o.messages()::toString);
  }

  @Test
  void invalidGradeRejectsTheQuestionAsMoodleDoes() {
    FidelityReport report =
        read(
            """
            <question type="multichoice"><name><text>x</text></name>
              <questiontext><text>?</text></questiontext>
              <answer fraction="33"><text>a</text></answer>
              <answer fraction="66.66667"><text>b</text></answer>
            </question>
            """);
    assertEquals(1, report.rejectedCount());
    assertTrue(report.rejections().get(0).messages().get(0).contains("invalid grade"));
    assertEquals(3, report.rejections().get(0).line());
  }

  @Test
  void trueFalse() {
    Item item =
        only(
            read(
                """
                <question type="truefalse"><name><text>Aarde</text></name>
                  <questiontext format="markdown"><text>De aarde is **plat**.</text></questiontext>
                  <answer fraction="0"><text>true</text><feedback><text>Nee.</text></feedback></answer>
                  <answer fraction="100"><text>false</text></answer>
                </question>
                """));
    assertEquals(ItemType.TRUE_FALSE, item.type());
    assertEquals(TextFormat.MARKDOWN, item.stemFormat());
    assertTrue(item.stemHtml().contains("<strong>plat</strong>"));
    assertEquals(List.of("TRUE", "FALSE"), item.choices().stream().map(Choice::id).toList());
    assertTrue(item.choice("FALSE").orElseThrow().correct());
    assertEquals("Nee.", item.choice("TRUE").orElseThrow().feedbackHtml());
  }

  @Test
  void shortAnswerWithWildcardAndUsecaseLoss() {
    FidelityReport report =
        read(
            """
            <question type="shortanswer"><name><text>Hoofdstad</text></name>
              <questiontext><text>Hoofdstad van België?</text></questiontext>
              <usecase>1</usecase>
              <answer fraction="100"><text>Brussel</text></answer>
              <answer fraction="50"><text>Brux*</text></answer>
            </question>
            """);
    Item item = only(report);
    assertEquals(ItemType.SHORT_ANSWER, item.type());
    assertEquals(List.of("Brussel", "Brux*"), item.choices().stream().map(Choice::text).toList());
    assertEquals(List.of(new BigDecimal("100"), new BigDecimal("50")), weights(item));
    assertTrue(report.outcomes().get(0).messages().get(0).contains("usecase"));
  }

  @Test
  void numericalWithToleranceSeveralAnswersAndUnitsAsLoss() {
    FidelityReport report =
        read(
            """
            <question type="numerical"><name><text>Pi</text></name>
              <questiontext><text>Geef pi.</text></questiontext>
              <answer fraction="100"><text>3.1416</text><tolerance>0.0005</tolerance></answer>
              <answer fraction="50"><text>3</text><tolerance>0</tolerance></answer>
              <answer fraction="0"><text>*</text><feedback><text>Neen</text></feedback></answer>
              <units><unit><multiplier>1</multiplier><unit_name>rad</unit_name></unit></units>
            </question>
            """);
    Item item = only(report);
    assertEquals(ItemType.NUMERICAL, item.type());
    assertEquals(
        new NumericAnswer(new BigDecimal("3.1416"), new BigDecimal("0.0005")),
        item.choices().get(0).numeric());
    assertEquals("3.1416:0.0005", item.choices().get(0).text());
    assertEquals(NumericAnswer.exact(new BigDecimal("3")), item.choices().get(1).numeric());
    assertTrue(item.choices().get(2).catchAll());
    ItemOutcome o = report.outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertTrue(o.messages().get(0).contains("rad"));
  }

  @Test
  void matchingWithDistractor() {
    Item item =
        only(
            read(
                """
                <question type="matching"><name><text>Landen</text></name>
                  <questiontext><text>Koppel</text></questiontext>
                  <subquestion format="html"><text>België</text><answer><text>Brussel</text></answer></subquestion>
                  <subquestion format="html"><text>Nederland</text><answer><text>Amsterdam</text></answer></subquestion>
                  <subquestion format="html"><text></text><answer><text>Parijs</text></answer></subquestion>
                </question>
                """));
    assertEquals(ItemType.MATCHING, item.type());
    assertEquals(List.of("A", "B", "C"), item.pairs().stream().map(MatchPair::id).toList());
    assertTrue(item.pairs().get(2).distractor());
    assertEquals(List.of("Brussel", "Amsterdam", "Parijs"), item.matchAnswers());
  }

  @Test
  void essayAndDescription() {
    FidelityReport report =
        read(
            """
            <question type="description"><name><text>Intro</text></name>
              <questiontext format="plain_text"><text>Lees eerst dit.</text></questiontext></question>
            <question type="essay"><name><text>Opstel</text></name>
              <questiontext><text>Schrijf over &lt;veiligheid&gt;.</text></questiontext>
              <attachments>0</attachments><graderinfo format="html"><text></text></graderinfo>
            </question>
            """);
    assertEquals(2, report.importedCount(), report::toJson);
    assertEquals(ItemType.DESCRIPTION, report.items().get(0).type());
    assertEquals(ItemType.ESSAY, report.items().get(1).type());
    assertEquals("Schrijf over <veiligheid>.", report.items().get(1).stemText());
  }

  @Test
  void unsupportedTypesAreRejectedWithPositionNeverDropped() {
    FidelityReport report =
        read(
            """
            <question type="calculated"><name><text>a</text></name></question>
            <question type="ddimageortext"><name><text>b</text></name></question>
            <question type="description"><questiontext><text>c</text></questiontext></question>
            """);
    assertEquals(3, report.outcomes().size());
    assertEquals(2, report.rejectedCount());
    assertEquals(
        "unsupported question type 'calculated' (3:1)", report.outcomes().get(0).messages().get(0));
    assertEquals(
        "unsupported question type 'ddimageortext' (4:1)",
        report.outcomes().get(1).messages().get(0));
    assertFalse(report.complete());
  }

  @Test
  void embeddedFilesAndPluginfileAreLosses() {
    FidelityReport report =
        read(
            """
            <question type="description"><name><text>img</text></name>
              <questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/kaart.png">]]></text>
              <file name="kaart.png" path="/" encoding="base64">iVBORw0KGgo=</file></questiontext>
            </question>
            """);
    ItemOutcome o = report.outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertTrue(o.messages().stream().anyMatch(m -> m.startsWith("embedded image dropped")));
    assertTrue(o.messages().stream().anyMatch(m -> m.contains("@@PLUGINFILE@@ reference")));
  }

  @Test
  void refusals() {
    assertEquals("the file is empty", importer.importFile("  \n", "x.xml").refusal());
    assertTrue(importer.importFile("::a:: b {T}", "x.xml").refusal().contains("not XML"));
    FidelityReport qti =
        importer.importFile(
            "<assessmentItem xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\"/>", "i.xml");
    assertEquals("this is a QTI assessmentItem, not a Moodle XML quiz", qti.refusal());
    FidelityReport broken = importer.importFile("<quiz>\n<question>\n</quiz>", "b.xml");
    assertTrue(broken.refusal().startsWith("not well-formed XML at line 3"), broken.refusal());
    StringBuilder deep = new StringBuilder("<quiz>");
    deep.append("<a>".repeat(100)).append("</a>".repeat(100)).append("</quiz>");
    assertTrue(importer.importFile(deep.toString(), "d.xml").refusal().contains("nest deeper"));
  }

  @Test
  void externalEntityIsRefusedAndNothingRead(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("geheim.txt");
    Files.writeString(secret, "TOPSECRET-42");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \""
            + secret.toUri()
            + "\">]>\n<quiz><question type=\"description\"><questiontext><text>&e;</text>"
            + "</questiontext></question></quiz>";
    FidelityReport report = importer.importFile(xxe, "xxe.xml");
    assertTrue(report.refused());
    assertTrue(report.refusal().contains("DOCTYPE"), report.refusal());
    assertTrue(report.outcomes().isEmpty());
    assertFalse(report.toJson().contains("TOPSECRET"));
    FidelityReport passwd =
        importer.importFile(
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><quiz>&e;</quiz>", "p.xml");
    assertTrue(passwd.refusal().contains("DOCTYPE"), passwd.refusal());
    assertFalse(passwd.toJson().contains("root:"));
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    dtd.append("<!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      String prev = i == 1 ? "lol" : "lol" + (i - 1);
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&" + prev + ";").repeat(10));
      dtd.append("\">\n");
    }
    dtd.append("]>\n<quiz>&lol9;</quiz>");
    long before = System.nanoTime();
    FidelityReport report = importer.importFile(dtd.toString(), "lol.xml");
    assertTrue(report.refused());
    assertTrue(report.refusal().contains("DOCTYPE"), report.refusal());
    assertTrue(System.nanoTime() - before < 5_000_000_000L);
  }

  @Test
  void undeclaredEntityIsRefused() {
    FidelityReport report = importer.importFile("<quiz>&nbsp;</quiz>", "n.xml");
    assertTrue(report.refused());
    assertNull(null);
  }
}
