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
          Map.entry("qas_ddwtos.xml", r -> unsupported(r, "ddwtos", 1)),
          Map.entry("qas_gapselect.xml", r -> unsupported(r, "gapselect", 1)),
          Map.entry("tuberlin_clozeRef.xml", r -> unsupported(r, "cloze", 5)),
          Map.entry("tuberlin_missing-wordsRef.xml", r -> unsupported(r, "gapselect", 6)),
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
