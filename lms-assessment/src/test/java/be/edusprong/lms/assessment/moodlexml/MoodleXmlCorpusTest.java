package be.edusprong.lms.assessment.moodlexml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.Corpus;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Imports every Moodle XML file of the shared corpus ({@code shared/corpus/moodlexml}, see its
 * MANIFEST.md) and checks it against the MANIFEST's expectations; types we do not support must be
 * reported REJECTED as unsupported, never dropped. Read in place, never copied (GPL). Located like
 * the Aiken corpus: system property {@code lms.corpus.dir}, else {@code ../../shared/corpus}; the
 * tests are skipped when it is absent.
 */
class MoodleXmlCorpusTest {

  private final MoodleXmlImporter importer = new MoodleXmlImporter();

  /** Also the test that shows up as SKIPPED when the corpus is absent. */
  @Test
  void everyFileHasExpectations() throws IOException {
    Path dir = Corpus.assume("moodlexml", "Moodle XML");
    try (Stream<Path> list = Files.list(dir)) {
      list.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".xml"))
          .forEach(n -> assertTrue(MANIFEST.containsKey(n), "no expectations for " + n));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileImportsAsExpected() throws IOException {
    Path dir = Corpus.assume("moodlexml", "Moodle XML");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
    }
    assertFalse(files.isEmpty());
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    FidelityReport report =
        importer.importFile(Files.readString(file, StandardCharsets.UTF_8), name);
    assertFalse(report.refused(), () -> name + " refused: " + report.refusal());
    for (ItemOutcome o : report.outcomes()) {
      System.out.println(o.describe(name));
      if (o.item() != null) {
        assertEquals(o.item().sourceLine(), o.line());
        assertTrue(o.item().sourceText().startsWith("<question"));
      }
    }
    Consumer<FidelityReport> expected = MANIFEST.get(name);
    assertNotNull(expected, "no expectations for " + name);
    expected.accept(report);
  }

  private static final Map<String, Consumer<FidelityReport>> MANIFEST =
      Map.ofEntries(
          Map.entry("gapfill_plugin_examples_fr.xml", r -> unsupported(r, "gapfill", 3)),
          Map.entry("moodle_error_invalid_grades.xml", MoodleXmlCorpusTest::invalidGrades),
          Map.entry("moodle_nested_categories_with_questions.xml", MoodleXmlCorpusTest::nested),
          Map.entry("qas_calculated.xml", r -> unsupported(r, "calculatedmulti", 1)),
          Map.entry("qas_ddwtos.xml", MoodleXmlCorpusTest::qasDdwtos),
          Map.entry("qas_gapselect.xml", MoodleXmlCorpusTest::qasGapselect),
          Map.entry("tuberlin_clozeRef.xml", MoodleXmlCorpusTest::tuberlinCloze),
          Map.entry("tuberlin_missing-wordsRef.xml", MoodleXmlCorpusTest::tuberlinMissingWords),
          Map.entry("qas_essay.xml", r -> types(r, ItemType.ESSAY)),
          Map.entry("tuberlin_essayRef.xml", r -> types(r, ItemType.ESSAY, ItemType.ESSAY)),
          Map.entry("qas_matching.xml", MoodleXmlCorpusTest::qasMatching),
          Map.entry("tuberlin_matchingRef.xml", MoodleXmlCorpusTest::tuberlinMatching),
          Map.entry("qas_multichoice.xml", MoodleXmlCorpusTest::qasMultichoice),
          Map.entry("tuberlin_multiple-choiceRef.xml", MoodleXmlCorpusTest::tuberlinMultichoice),
          Map.entry("qas_numerical.xml", MoodleXmlCorpusTest::qasNumerical),
          Map.entry("tuberlin_numericalRef.xml", MoodleXmlCorpusTest::tuberlinNumerical),
          Map.entry("qas_shortanswer.xml", MoodleXmlCorpusTest::qasShortanswer),
          Map.entry("tuberlin_shortanswerRef.xml", MoodleXmlCorpusTest::tuberlinShortanswer),
          Map.entry("tuberlin_true-falseRef.xml", MoodleXmlCorpusTest::tuberlinTrueFalse));

  private static void unsupported(FidelityReport r, String type, int count) {
    assertEquals(count, r.outcomes().size());
    for (ItemOutcome o : r.outcomes()) {
      assertEquals(ImportStatus.REJECTED, o.status());
      assertTrue(
          o.messages().get(0).startsWith("unsupported question type '" + type + "' ("),
          o.messages()::toString);
    }
  }

  /** Gap-match gaps as "gapId=gap text", in stem order. */
  private static List<String> gapAnswers(Item item) {
    return item.gaps().stream()
        .map(g -> g.id() + "=" + item.gapText(g.gapTextId()).orElseThrow().text())
        .toList();
  }

  /** Cloze gaps as "weight:KIND:answer=percent,...". */
  private static List<String> clozeGaps(Item item) {
    return item.gaps().stream()
        .map(
            g ->
                g.weight()
                    + ":"
                    + g.kind()
                    + ":"
                    + String.join(
                        ",",
                        g.answers().stream()
                            .map(
                                c ->
                                    c.text()
                                        + "="
                                        + c.weightPercent().stripTrailingZeros().toPlainString())
                            .toList()))
        .toList();
  }

  /**
   * MANIFEST: ddwtos "Drag and Drop Text and Image"; 7 drag boxes in group 1, gaps [[1]]..[[6]].
   */
  private static void qasDdwtos(FidelityReport r) {
    types(r, ItemType.GAP_MATCH);
    Item d = r.items().get(0);
    assertEquals("Drag and Drop Text and Image", d.title());
    assertEquals(7, d.gapTexts().size());
    assertTrue(d.gapTexts().stream().allMatch(t -> t.group() == 1 && !t.infinite()));
    assertEquals(
        List.of("G1=A", "G2=B", "G3=C", "G4=D", "G5=E", "G6=F"),
        d.gaps().stream().map(g -> g.id() + "=" + g.gapTextId()).toList());
    assertTrue(gapAnswers(d).get(0).startsWith("G1=E. Fortunately"), gapAnswers(d)::toString);
    assertFalse(d.stemHtml().contains("[[1]]"));
    assertTrue(d.stemHtml().contains("[[G6]]"));
  }

  /** MANIFEST: gapselect "MW Test"; one gap [[1]], 4 options; its hints are a loss. */
  private static void qasGapselect(FidelityReport r) {
    assertEquals(1, r.items().size());
    Item g = r.items().get(0);
    assertEquals(ItemType.GAP_MATCH, g.type());
    assertEquals("MW Test", g.title());
    assertEquals(List.of("G1=Missing Word"), gapAnswers(g));
    assertEquals(4, g.gapTexts().size());
    assertTrue(g.stemHtml().contains("This is a [[G1]] kind of question"), g.stemHtml());
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, r.outcomes().get(0).status());
    assertTrue(r.outcomes().get(0).messages().stream().anyMatch(m -> m.contains("hint")));
  }

  /** MANIFEST: 5 cloze questions (numerical and multichoice sub-questions). */
  private static void tuberlinCloze(FidelityReport r) {
    types(r, ItemType.CLOZE, ItemType.CLOZE, ItemType.CLOZE, ItemType.CLOZE, ItemType.CLOZE);
    List<Item> items = r.items();
    assertEquals(List.of("1:NUMERICAL:5.17:0.01=100,123456=0"), clozeGaps(items.get(0)));
    assertEquals(List.of("1:NUMERICAL:5.17:0.01=100,123456:10000000=0"), clozeGaps(items.get(1)));
    assertEquals("This is correct", items.get(1).gaps().get(0).answers().get(0).feedbackHtml());
    assertEquals(List.of("1:INLINE_CHOICE:Cache Hit=100,Cache Miss=0"), clozeGaps(items.get(2)));
    assertEquals("Wrong answer", items.get(3).gaps().get(0).answer("B").feedbackHtml());
    assertEquals(
        List.of("2:NUMERICAL:5.57:0.01=100,99999=0", "1:INLINE_CHOICE:e=0,pi=100"),
        clozeGaps(items.get(4)));
    assertTrue(items.get(4).stemHtml().contains("value: [[G1]].</p>"), items.get(4)::stemHtml);
    assertTrue(items.get(4).stemHtml().contains("known as [[G2]].</p>"));
    assertEquals(
        0,
        items
            .get(0)
            .gaps()
            .get(0)
            .answers()
            .get(0)
            .numeric()
            .tolerance()
            .compareTo(new BigDecimal("0.01")));
  }

  /** MANIFEST: 6 gapselect questions; groups and gaps naming later options. */
  private static void tuberlinMissingWords(FidelityReport r) {
    assertEquals(6, r.items().size());
    assertTrue(r.complete(), r::toJson);
    r.items().forEach(i -> assertEquals(ItemType.GAP_MATCH, i.type()));
    Item first = r.items().get(0);
    assertEquals(List.of("G1=SELECT", "G2=FROM", "G3=WHERE", "G4=JOIN"), gapAnswers(first));
    assertEquals(List.of(1, 1, 2, 1, 2, 3), first.gapTexts().stream().map(t -> t.group()).toList());
    // options FROM, SELECT, WHERE; text "[[2]] [[1]] [[3]]"
    Item fourth = r.items().get(3);
    assertEquals(List.of("G1=SELECT", "G2=FROM", "G3=WHERE"), gapAnswers(fourth));
    assertEquals(List.of("B", "A", "C"), fourth.gaps().stream().map(g -> g.gapTextId()).toList());
    // custom combined feedback of the first question is a loss
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, r.outcomes().get(0).status());
  }

  private static void types(FidelityReport r, ItemType... types) {
    assertTrue(r.complete(), r::toJson);
    assertEquals(List.of(types), r.items().stream().map(Item::type).toList());
  }

  private static List<String> credited(Item item) {
    return item.choices().stream()
        .filter(c -> c.weightPercent().signum() > 0)
        .map(c -> c.weightPercent().stripTrailingZeros().toPlainString() + "=" + c.text())
        .toList();
  }

  /** MANIFEST: grade 33 is invalid, Moodle reports an invalid-grade error: rejected. */
  private static void invalidGrades(FidelityReport r) {
    assertEquals(1, r.outcomes().size());
    assertEquals(1, r.rejectedCount());
    assertTrue(r.rejections().get(0).messages().get(0).contains("fraction=\"33\""));
  }

  /** MANIFEST: 4 TF questions (all TRUE) in nested categories + 1 essay. */
  private static void nested(FidelityReport r) {
    types(
        r,
        ItemType.TRUE_FALSE,
        ItemType.ESSAY,
        ItemType.TRUE_FALSE,
        ItemType.TRUE_FALSE,
        ItemType.TRUE_FALSE);
    List<Item> items = r.items();
    assertEquals(
        List.of(
            "$course$/Iota",
            "$course$/Iota/Kappa",
            "$course$/Iota/Kappa",
            "$course$/Iota/Kappa/Lambda",
            "$course$/Iota/Mu"),
        items.stream().map(Item::category).toList());
    assertEquals("Kappa Essay Question", items.get(1).title());
    for (Item i : List.of(items.get(0), items.get(2), items.get(3), items.get(4))) {
      assertTrue(i.choice("TRUE").orElseThrow().correct(), i.title());
    }
  }

  private static void qasMatching(FidelityReport r) {
    types(r, ItemType.MATCHING);
    Item m = r.items().get(0);
    assertEquals("h1", m.title());
    assertEquals(4, m.pairs().size());
    assertTrue(m.pairs().get(3).distractor());
  }

  private static void tuberlinMatching(FidelityReport r) {
    types(r, ItemType.MATCHING, ItemType.MATCHING);
    for (Item m : r.items()) {
      assertEquals(5, m.pairs().size());
      assertEquals(2, m.pairs().stream().filter(p -> p.distractor()).count());
    }
    // the second keeps its order (shuffleanswers 0): reported as a loss
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, r.outcomes().get(1).status());
  }

  private static void qasMultichoice(FidelityReport r) {
    types(r, ItemType.CHOICE_SINGLE);
    Item m = r.items().get(0);
    assertEquals("html layout", m.title());
    assertEquals(5, m.choices().size());
    assertEquals(1, credited(m).size());
    assertTrue(credited(m).get(0).startsWith("100=<p>This is the good <u>underlined</u> an"));
    ItemOutcome o = r.outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
    assertTrue(o.messages().stream().anyMatch(s -> s.contains("embedded image dropped: '4.png'")));
    assertTrue(o.messages().stream().anyMatch(s -> s.contains("@@PLUGINFILE@@")));
  }

  private static void tuberlinMultichoice(FidelityReport r) {
    assertEquals(2, r.items().size());
    assertTrue(r.complete());
    assertEquals(3, r.items().get(0).choices().size());
    assertEquals(List.of("100=<p>Correct answer 1</p>"), credited(r.items().get(0)));
    assertEquals(
        List.of("100=<p>Correct answer</p>", "50=<p>Partial answer</p>"),
        credited(r.items().get(1)));
  }

  private static void qasNumerical(FidelityReport r) {
    types(r, ItemType.NUMERICAL);
    Item n = r.items().get(0);
    assertEquals(List.of("100=150"), credited(n));
    assertEquals(0, n.choices().get(0).numeric().value().compareTo(new BigDecimal("150")));
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, r.outcomes().get(0).status());
    assertTrue(r.outcomes().get(0).messages().get(0).contains("units [cm, mm, m]"));
  }

  private static void tuberlinNumerical(FidelityReport r) {
    types(r, ItemType.NUMERICAL, ItemType.NUMERICAL);
    assertEquals(List.of("100=4", "50=5:0.1"), credited(r.items().get(0)));
    assertEquals(List.of("100=4"), credited(r.items().get(1)));
    assertEquals(2, r.items().get(1).choices().size());
  }

  private static void qasShortanswer(FidelityReport r) {
    types(r, ItemType.SHORT_ANSWER);
    assertEquals(List.of("100=Crete"), credited(r.items().get(0)));
    assertEquals(2, r.items().get(0).choices().size());
  }

  private static void tuberlinShortanswer(FidelityReport r) {
    assertEquals(3, r.items().size());
    assertTrue(r.complete());
    assertEquals(List.of("100=SELECT", "50=WITH"), credited(r.items().get(0)));
    assertEquals(List.of("100=SELECT", "50=WITH"), credited(r.items().get(1)));
    assertEquals(List.of("100=SELECT"), credited(r.items().get(2)));
    r.items().forEach(i -> assertEquals(2, i.choices().size()));
  }

  private static void tuberlinTrueFalse(FidelityReport r) {
    types(r, ItemType.TRUE_FALSE, ItemType.TRUE_FALSE, ItemType.TRUE_FALSE);
    assertEquals(
        List.of("FALSE", "TRUE", "FALSE"),
        r.items().stream()
            .map(i -> i.choices().stream().filter(Choice::correct).findFirst().orElseThrow().id())
            .toList());
  }
}
