package be.edusprong.lms.assessment.qti12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.cli.LmsItems;
import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.scoring.GapResponse;
import be.edusprong.lms.assessment.scoring.ResponseScorer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unit tests of {@link Qti12Importer} on small fixtures written for this project (Canvas-like and
 * Common Cartridge-like QTI 1.2, with defects), in {@code src/test/resources/.../qti12}.
 */
class Qti12ImporterTest {

  private static String fixture(String name) throws IOException {
    try (InputStream in = Qti12ImporterTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static FidelityReport read(String name) throws IOException {
    return new Qti12Importer().importFile(fixture(name), name);
  }

  private static ItemOutcome outcome(FidelityReport r, String identifier) {
    return r.outcomes().stream()
        .filter(o -> o.item() != null && o.item().identifier().equals(identifier))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item " + identifier + " in " + r.toJson()));
  }

  private static void weights(Item item, String... textEqualsWeight) {
    List<Choice> cs = item.choices();
    assertEquals(textEqualsWeight.length, cs.size(), cs::toString);
    for (int i = 0; i < cs.size(); i++) {
      int eq = textEqualsWeight[i].lastIndexOf('=');
      assertEquals(textEqualsWeight[i].substring(0, eq), cs.get(i).text(), "text " + i);
      assertEquals(
          0,
          new BigDecimal(textEqualsWeight[i].substring(eq + 1))
              .compareTo(cs.get(i).weightPercent()),
          () -> textEqualsWeight.toString() + " vs " + cs);
    }
  }

  @Test
  void canvasBankAccountsForEveryItemInOrder() throws IOException {
    FidelityReport r = read("canvas-bank.xml");
    assertFalse(r.refused(), r::refusal);
    assertEquals(BankFormat.QTI12, r.format());
    assertEquals(10, r.outcomes().size(), r::toJson);
    assertEquals(
        List.of(6, 72, 100, 135, 161, 203, 248, 260, 280, 302),
        r.outcomes().stream().map(ItemOutcome::line).toList());
    assertEquals(2, r.rejectedCount());
    assertFalse(r.complete());
    assertEquals(
        List.of(
            ItemType.CHOICE_SINGLE,
            ItemType.TRUE_FALSE,
            ItemType.CHOICE_MULTIPLE,
            ItemType.SHORT_ANSWER,
            ItemType.NUMERICAL,
            ItemType.MATCHING,
            ItemType.ESSAY,
            ItemType.DESCRIPTION),
        r.items().stream().map(Item::type).toList());
  }

  @Test
  void canvasMultipleChoiceKeepsChoiceAndGeneralFeedbackAndReportsTheRest() throws IOException {
    ItemOutcome o = outcome(read("canvas-bank.xml"), "mc1");
    Item item = o.item();
    assertEquals("OSI-lagen", item.title());
    assertEquals("Netwerken/Basis", item.category());
    assertEquals(6, item.sourceLine());
    assertTrue(item.sourceText().startsWith("<item ident=\"mc1\""), item.sourceText());
    assertTrue(item.sourceText().endsWith("</item>"), item.sourceText());
    assertEquals("<p>Hoeveel lagen heeft het <b>OSI</b>-model?</p>", item.stemHtml());
    weights(item, "5=0", "7=100", "4 < 7=0");
    assertEquals("4 &lt; 7", item.choices().get(2).textHtml());
    assertEquals("<p>Dat is TCP/IP.</p>", item.choices().get(0).feedbackHtml());
    assertEquals("<p>Juist!</p>", item.choices().get(1).feedbackHtml());
    assertEquals("<p>Zie hoofdstuk 2.</p>", item.generalFeedbackHtml());
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertEquals(1, o.messages().size(), o.messages()::toString);
    assertTrue(o.messages().get(0).contains("'general_incorrect_fb'"), o.messages()::toString);
  }

  @Test
  void canvasTrueFalseMultipleAnswersAndShortAnswer() throws IOException {
    FidelityReport r = read("canvas-bank.xml");
    ItemOutcome tf = outcome(r, "tf1");
    assertEquals(ImportStatus.IMPORTED, tf.status(), tf.messages()::toString);
    assertEquals(
        0, tf.item().choice("FALSE").orElseThrow().weightPercent().compareTo(Choice.FULL_WEIGHT));
    assertEquals(0, tf.item().choice("TRUE").orElseThrow().weightPercent().signum());

    ItemOutcome ma = outcome(r, "ma1");
    assertEquals("Netwerken/Adressen", ma.item().category());
    weights(ma.item(), "10.0.0.1=50", "8.8.8.8=-50", "192.168.1.1=50", "1.1.1.1=-50");
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, ma.status());
    assertTrue(ma.messages().get(0).contains("all or nothing"), ma.messages()::toString);

    ItemOutcome sa = outcome(r, "sa1");
    assertEquals(ImportStatus.IMPORTED, sa.status(), sa.messages()::toString);
    weights(sa.item(), "localhost=100", "loopback\\*=100");
    assertEquals("loopback*", sa.item().choices().get(1).textHtml());
  }

  @Test
  void canvasNumericalReadsExactMarginAndRange() throws IOException {
    ItemOutcome o = outcome(read("canvas-bank.xml"), "num1");
    assertEquals(ImportStatus.IMPORTED, o.status(), o.messages()::toString);
    List<Choice> cs = o.item().choices();
    assertEquals(3, cs.size(), cs::toString);
    assertEquals(0, new BigDecimal("254").compareTo(cs.get(0).numeric().value()));
    assertEquals(0, cs.get(0).numeric().tolerance().signum());
    assertEquals(0, new BigDecimal("100").compareTo(cs.get(0).weightPercent()));
    // Canvas "256 with margin 0.5": or(varequal 256, and(vargte 255.5, varlte 256.5))
    assertEquals(0, new BigDecimal("256").compareTo(cs.get(1).numeric().value()));
    assertEquals(0, new BigDecimal("0.5").compareTo(cs.get(1).numeric().tolerance()));
    assertEquals(0, new BigDecimal("50").compareTo(cs.get(1).weightPercent()));
    assertTrue(cs.get(2).numeric().accepts(new BigDecimal("250")));
    assertTrue(cs.get(2).numeric().accepts(new BigDecimal("253")));
    assertFalse(cs.get(2).numeric().accepts(new BigDecimal("253.01")));
    assertEquals(0, new BigDecimal("25").compareTo(cs.get(2).weightPercent()));
  }

  @Test
  void canvasMatchingEssayTextAndRejectedTypes() throws IOException {
    FidelityReport r = read("canvas-bank.xml");
    ItemOutcome m = outcome(r, "match1");
    assertEquals(ImportStatus.IMPORTED, m.status(), m.messages()::toString);
    List<MatchPair> ps = m.item().pairs();
    assertEquals(
        List.of("HTTP->80", "HTTPS->443", "->22"),
        ps.stream().map(p -> p.premiseText() + "->" + p.answer()).toList());
    assertTrue(ps.get(2).distractor());

    assertEquals(ItemType.ESSAY, outcome(r, "essay1").item().type());
    assertEquals("Netwerken", outcome(r, "essay1").item().category());
    assertEquals("<p>Lees eerst de tekst.</p>", outcome(r, "text1").item().stemHtml());

    List<ItemOutcome> rejected = r.rejections();
    assertEquals(248, rejected.get(0).line());
    assertEquals(17, rejected.get(0).column());
    assertTrue(
        rejected
            .get(0)
            .messages()
            .get(0)
            .contains("unsupported question type 'calculated_question'"));
    assertTrue(
        rejected
            .get(1)
            .messages()
            .get(0)
            .contains("a cloze item needs one response_lid per blank, found none"));
    assertTrue(
        rejected.get(0).describe("canvas-bank.xml").startsWith("canvas-bank.xml:248:17: REJECTED"));
  }

  @Test
  void canvasFillInMultipleBlanksBecomesTextEntryGaps() throws IOException {
    FidelityReport r = read("canvas-blanks.xml");
    assertFalse(r.refused(), r::refusal);
    assertEquals(6, r.outcomes().size(), r::toJson);
    ItemOutcome o = outcome(r, "fimb1");
    assertEquals(ImportStatus.IMPORTED, o.status(), o::toString);
    Item item = o.item();
    assertEquals(ItemType.CLOZE, item.type());
    assertEquals("Aardrijkskunde", item.category());
    assertEquals(
        "<p>De hoofdstad van België is [[G1]] en die van Nederland is [[G2]].</p>",
        item.stemHtml());
    assertEquals(
        List.of("G1:TEXT_ENTRY:1:Brussel=100,Bruxelles=100", "G2:TEXT_ENTRY:1:Amsterdam=100"),
        item.gaps().stream().map(Qti12CorpusTest::gap).toList());
    BigDecimal half =
        new ResponseScorer()
            .score(item, new GapResponse(Map.of("G1", " bruxelles ", "G2", "Rotterdam")))
            .score()
            .raw();
    assertEquals(0, new BigDecimal("0.5").compareTo(half), half::toPlainString);
    // the answer feedback of label 101 goes with that answer
    assertEquals("<p>Juist!</p>", item.gaps().get(0).answers().get(0).feedbackHtml());
    assertEquals("", item.gaps().get(0).answers().get(1).feedbackHtml());
  }

  @Test
  void canvasMultipleDropdownsBecomeInlineChoiceGapsInStemOrder() throws IOException {
    ItemOutcome o = outcome(read("canvas-blanks.xml"), "dd1");
    assertEquals(ImportStatus.IMPORTED, o.status(), o::toString);
    Item item = o.item();
    assertEquals(ItemType.CLOZE, item.type());
    assertEquals("<p>Rozen zijn [[G1]], viooltjes zijn [[G2]].</p>", item.stemHtml());
    // the responses are written kleur2 first; the gaps follow the placeholders; 60 and 40 points
    // give the weights 3 and 2
    assertEquals(
        List.of(
            "G1:INLINE_CHOICE:3:rood=100,zwart=0,groen=0", "G2:INLINE_CHOICE:2:zilver=0,blauw=100"),
        item.gaps().stream().map(Qti12CorpusTest::gap).toList());
    // scored as Canvas would: rood right (60 of 100), zilver wrong
    ResponseScorer scorer = new ResponseScorer();
    BigDecimal raw =
        scorer.score(item, new GapResponse(Map.of("G1", "A", "G2", "A"))).score().raw();
    assertEquals(0, new BigDecimal("0.6").compareTo(raw), raw::toPlainString);
    BigDecimal full =
        scorer.score(item, new GapResponse(Map.of("G1", "A", "G2", "B"))).score().raw();
    assertEquals(0, BigDecimal.ONE.compareTo(full), full::toPlainString);
  }

  @Test
  void blanksThatDoNotMatchTheirResponsesAreRejectedWithPosition() throws IOException {
    FidelityReport r = read("canvas-blanks.xml");
    List<ItemOutcome> rejected = r.rejections();
    assertEquals(3, rejected.size(), r::toJson);
    ItemOutcome unknown = rejected.get(0);
    assertEquals(108, unknown.line());
    assertEquals(11, unknown.column());
    assertEquals(
        "the placeholder [b] names no response; the responses are for [[a]]",
        unknown.messages().get(0));
    ItemOutcome unplaced = rejected.get(1);
    assertEquals(144, unplaced.line());
    assertEquals(9, unplaced.column());
    assertEquals(
        "response 'response_b' is for the blank [b], which has no placeholder in the question text",
        unplaced.messages().get(0));
    ItemOutcome option = rejected.get(2);
    assertEquals(185, option.line());
    assertTrue(
        option
            .messages()
            .get(0)
            .startsWith(
                "varequal names '9', which is no option (response_label ident) of blank [a]"),
        option::toString);
    assertTrue(
        unknown
            .describe("canvas-blanks.xml")
            .startsWith("canvas-blanks.xml:108:11: REJECTED: the placeholder [b]"));
  }

  @Test
  void responseStringsInTheFlowBecomeTextEntryGapsInPlace() throws IOException {
    ItemOutcome o = outcome(read("canvas-blanks.xml"), "inline1");
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status(), o::toString);
    assertTrue(
        o.messages().get(0).contains("read as a cloze item with 2 text entry gaps"), o::toString);
    Item item = o.item();
    assertEquals(ItemType.CLOZE, item.type());
    assertEquals("Een [[G1]] heeft vier poten en een [[G2]] .", item.stemHtml());
    assertEquals(
        List.of("G1:TEXT_ENTRY:1:hond=100,kat=100", "G2:TEXT_ENTRY:1:staart=100"),
        item.gaps().stream().map(Qti12CorpusTest::gap).toList());
  }

  @Test
  void scriptInTheStemIsRemoved() throws IOException {
    Item item = outcome(read("canvas-bank.xml"), "mc1").item();
    assertFalse(item.stemHtml().contains("script"), item.stemHtml());
    assertFalse(item.stemHtml().contains("alert"), item.stemHtml());
  }

  @Test
  void commonCartridgeProfiles() throws IOException {
    FidelityReport r = read("cc-objectbank.xml");
    assertFalse(r.refused(), r::refusal);
    assertEquals(6, r.outcomes().size(), r::toJson);
    assertEquals(0, r.rejectedCount(), r::toJson);
    assertEquals(
        List.of(
            ItemType.CHOICE_SINGLE,
            ItemType.CHOICE_MULTIPLE,
            ItemType.TRUE_FALSE,
            ItemType.SHORT_ANSWER,
            ItemType.SHORT_ANSWER,
            ItemType.ESSAY),
        r.items().stream().map(Item::type).toList());
    r.items().forEach(i -> assertEquals("Talen", i.category()));

    ItemOutcome mc = outcome(r, "cc-mc");
    weights(mc.item(), "Brussel=100", "Antwerpen=0");
    assertEquals("Wat is de hoofdstad van België?", mc.item().stemHtml().replace("&#39;", "'"));
    assertTrue(mc.messages().get(0).contains("shuffle='No'"), mc.messages()::toString);

    ItemOutcome mr = outcome(r, "cc-mr");
    weights(mr.item(), "Nederlands=33.33333", "Frans=33.33333", "Duits=33.33333");
    assertTrue(
        mr.messages().stream().anyMatch(m -> m.contains("image 'img/vlag.png'")),
        mr.messages()::toString);

    Item tf = outcome(r, "cc-tf").item();
    assertEquals(0, tf.choice("TRUE").orElseThrow().weightPercent().compareTo(Choice.FULL_WEIGHT));

    ItemOutcome fib = outcome(r, "cc-fib");
    weights(fib.item(), "liep=100");
    assertTrue(fib.messages().get(0).contains("case-sensitive"), fib.messages()::toString);

    ItemOutcome pattern = outcome(r, "cc-pattern");
    assertEquals(ImportStatus.IMPORTED, pattern.status(), pattern.messages()::toString);
    weights(pattern.item(), "*Limburg*=100", "Antwerpen=100");
  }

  @Test
  void problemsAreRejectedAtTheirPositionAndOthersStillImport() throws IOException {
    FidelityReport r = read("problems.xml");
    assertEquals(5, r.outcomes().size(), r::toJson);
    ItemOutcome unknown = r.outcomes().get(0);
    assertEquals(ImportStatus.REJECTED, unknown.status());
    assertEquals(10, unknown.line());
    assertEquals(15, unknown.column());
    assertEquals("unsupported question type 'hot_spot_question'", unknown.messages().get(0));

    ItemOutcome badLabel = r.outcomes().get(1);
    assertEquals(ImportStatus.REJECTED, badLabel.status());
    assertEquals(34, badLabel.line());
    assertEquals(15, badLabel.column());
    assertEquals(
        "varequal names '3', which is no response_label ident", badLabel.messages().get(0));

    ItemOutcome noScore = r.outcomes().get(2);
    assertEquals(ImportStatus.REJECTED, noScore.status());
    assertTrue(noScore.messages().get(0).startsWith("no choice earns marks"), noScore::toString);

    ItemOutcome guess = r.outcomes().get(3);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, guess.status());
    assertEquals(ItemType.CHOICE_SINGLE, guess.item().type());
    weights(guess.item(), "Blauw=100", "Groen=0");
    assertTrue(guess.messages().get(0).contains("no question type in the metadata"));

    ItemOutcome twin = r.outcomes().get(4);
    assertEquals("guess-2", twin.item().identifier());
    assertEquals(ItemType.DESCRIPTION, twin.item().type());
    assertTrue(twin.messages().stream().anyMatch(m -> m.contains("ident 'guess' repeats")));
  }

  @Test
  void malformedXmlIsRefusedWithLineAndColumn() throws IOException {
    FidelityReport r = read("malformed.xml");
    assertTrue(r.refused());
    assertTrue(r.outcomes().isEmpty());
    assertTrue(r.refusal().startsWith("not well-formed XML at line 7, column 9: "), r.refusal());
    assertTrue(r.refusal().contains("\"</item>\""), r.refusal());
  }

  @Test
  void doctypeAndExternalEntityAreRefused() throws IOException {
    FidelityReport r = read("xxe.xml");
    assertTrue(r.refused());
    assertTrue(r.refusal().startsWith("the file declares a DOCTYPE (line "), r.refusal());
    assertFalse(r.toJson().contains("root:"), "no file content may leak into the report");
  }

  @Test
  void otherDocumentsAreRefusedSayingWhatTheyAre() {
    Qti12Importer importer = new Qti12Importer();
    assertEquals(
        "this is an XML document with root <quiz>, not a QTI 1.2 questestinterop document",
        importer.importFile("<quiz/>", "q.xml").refusal());
    assertTrue(
        importer
            .importFile("<questestinterop xmlns=\"urn:other\"/>", "o.xml")
            .refusal()
            .contains("namespace urn:other"));
    assertEquals("the file is empty", importer.importFile(" \n", "e.xml").refusal());
    assertTrue(importer.importFile("PK\u0003\u0004\0", "c.imscc").refusal().contains("binary"));
    FidelityReport empty = importer.importFile("<questestinterop/>", "x.xml");
    assertFalse(empty.refused());
    assertTrue(empty.complete());
    assertEquals(0, empty.outcomes().size());
  }

  @Test
  void itemRefsToOtherFilesAreRejected() {
    FidelityReport r =
        new Qti12Importer()
            .importFile(
                "<questestinterop>\n  <section ident=\"s\">\n    <itemref linkrefid=\"q7\"/>\n"
                    + "  </section>\n</questestinterop>",
                "refs.xml");
    assertEquals(1, r.rejectedCount());
    assertEquals(3, r.outcomes().get(0).line());
    assertEquals(5, r.outcomes().get(0).column());
    assertTrue(r.outcomes().get(0).messages().get(0).contains("'q7' in another file"));
  }

  @Test
  void detectionFindsTheRootAfterPrologAndComments() {
    assertTrue(Qti12Importer.isQti12("<?xml version=\"1.0\"?>\n<!-- x --><questestinterop>"));
    assertTrue(Qti12Importer.isQti12("<qti:questestinterop xmlns:qti=\"...\">"));
    assertFalse(Qti12Importer.isQti12("<quiz><questestinterop/></quiz>"));
    assertFalse(Qti12Importer.isQti12("<questestinteropX/>"));
    assertFalse(Qti12Importer.isQti12("<!-- never closed"));
  }

  @Test
  void importersRoutesQuestestinteropHere() throws IOException {
    FidelityReport r = Importers.importFile("\uFEFF" + fixture("canvas-bank.xml"), "bank.xml");
    assertEquals(BankFormat.QTI12, r.format());
    assertEquals(10, r.outcomes().size());
    assertNull(r.refusal());
  }

  @Test
  void commandLineNamesTheFormatQti12(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cc.xml");
    Files.writeString(file, fixture("cc-objectbank.xml"), StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        LmsItems.run(
            new String[] {"validate", file.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String json = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, json + err);
    assertTrue(json.contains("\"format\":\"qti12\""), json);
    assertTrue(json.contains("\"imported\":3,\"importedWithLosses\":3,\"rejected\":0"), json);
  }
}
