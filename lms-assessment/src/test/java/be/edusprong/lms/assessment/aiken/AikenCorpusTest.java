package be.edusprong.lms.assessment.aiken;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Imports every Aiken file of the shared corpus ({@code shared/corpus/aiken}, see its MANIFEST.md)
 * and checks it against the expectations written in the MANIFEST. The corpus is read in place and
 * never copied into this repository (GPL). Located like the GIFT corpus: system property {@code
 * lms.corpus.dir} (the corpus root, or its {@code aiken} directory), else {@code
 * ../../shared/corpus} from the module directory; the tests are skipped when it is absent.
 */
class AikenCorpusTest {

  private final AikenImporter importer = new AikenImporter();

  /** Also the test that shows up as SKIPPED when the corpus is absent. */
  @Test
  void manifestListsEveryFileAndEachHasExpectations() throws IOException {
    Path dir = Corpus.assume("aiken", "Aiken");
    Matcher row =
        Pattern.compile("(?m)^\\| `aiken/([^`]+)`")
            .matcher(Files.readString(dir.resolve("MANIFEST.md")));
    List<String> listed = new ArrayList<>();
    while (row.find()) {
      listed.add(row.group(1));
    }
    assertFalse(listed.isEmpty(), "MANIFEST.md lists no Aiken files");
    for (String file : listed) {
      assertTrue(Files.isRegularFile(dir.resolve(file)), "listed but missing: " + file);
      assertTrue(MANIFEST.containsKey(file), "no expectations for " + file);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileImportsAsExpected() throws IOException {
    Path dir = Corpus.assume("aiken", "Aiken");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> !p.getFileName().toString().equals("MANIFEST.md")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no Aiken files under " + dir);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    FidelityReport report =
        importer.importFile(Files.readString(file, StandardCharsets.UTF_8), name);
    assertFalse(report.refused(), () -> name + " refused: " + report.refusal());
    assertEquals(
        List.of(),
        report.outcomes().stream()
            .filter(o -> o.status() != ImportStatus.IMPORTED)
            .map(o -> o.describe(name))
            .toList(),
        "every question of " + name + " imports without loss");
    assertTrue(report.complete());
    List<Item> items = report.items();
    items.forEach(i -> assertEquals(ItemType.CHOICE_SINGLE, i.type(), i.identifier()));
    for (ItemOutcome o : report.outcomes()) {
      assertEquals(o.item().sourceLine(), o.line());
    }
    Consumer<FidelityReport> expected = MANIFEST.get(name);
    assertNotNull(expected, "no expectations for " + name + "; add them from MANIFEST.md");
    expected.accept(report);
  }

  private static final Map<String, Consumer<FidelityReport>> MANIFEST =
      Map.of(
          "moodle_questions.aiken.txt", AikenCorpusTest::moodleFixture,
          "qas_aiken_1.txt", AikenCorpusTest::qasAiken1);

  /**
   * MANIFEST.md: 2 MC questions: Q1 correct B 'Martin Dougiamas'; Q2 correct A 'True' (stem keeps
   * literal {@code <html class="cool"> & images:}).
   */
  private static void moodleFixture(FidelityReport report) {
    List<Item> items = report.items();
    assertEquals(2, items.size());
    assertEquals(List.of("B", "A"), correctIds(items));
    assertEquals(List.of("Martin Dougiamas"), correct(items.get(0)));
    assertEquals(
        List.of("Petr Skoda", "Martin Dougiamas", "Eloy Lafuente", "Tim Hunt"),
        texts(items.get(0)));
    assertEquals("The Moodle project was started by:", items.get(0).stemText());
    Item html = items.get(1);
    assertEquals(List.of("True"), correct(html));
    assertEquals(List.of("True", "False"), texts(html));
    assertEquals(
        "Moodle's abilities include handling user input that includes <html class=\"cool\"> &"
            + " images:",
        html.stemText());
    assertEquals(
        "Moodle&#39;s abilities include handling user input that includes &lt;html"
            + " class=&quot;cool&quot;&gt; &amp; images:",
        html.stemHtml());
    assertEquals(List.of(1, 8), items.stream().map(Item::sourceLine).toList());
  }

  /**
   * MANIFEST.md: 5 MC questions, answers E, A, A, B, A. Options 'A) .' etc. are real (empty-ish)
   * options, must not be dropped.
   */
  private static void qasAiken1(FidelityReport report) {
    List<Item> items = report.items();
    assertEquals(5, items.size());
    assertEquals(List.of("E", "A", "A", "B", "A"), correctIds(items));
    assertEquals(List.of(5, 3, 3, 3, 4), items.stream().map(i -> i.choices().size()).toList());
    assertEquals(List.of("2.6", "-2.0", "2.0", "2.1", "2.5"), texts(items.get(0)));
    assertEquals(List.of("2.5"), correct(items.get(0)));
    assertEquals(List.of("Teaching with Moodle"), correct(items.get(1)));
    assertEquals(List.of("The workshop module"), correct(items.get(2)));
    assertEquals(List.of("November 2015"), correct(items.get(3)));
    Item dots = items.get(4);
    assertEquals(List.of(".", ".", ".", "."), texts(dots));
    assertEquals(List.of("A", "B", "C", "D"), dots.choices().stream().map(Choice::id).toList());
    assertTrue(dots.stemText().startsWith("You may include a variety of media"));
    assertTrue(items.get(2).stemText().contains("\"add-on\"?"));
    assertEquals(
        items.size(), items.stream().map(Item::identifier).distinct().count(), "unique ids");
  }

  private static List<String> correctIds(List<Item> items) {
    return items.stream()
        .map(
            i -> {
              List<String> ids =
                  i.choices().stream().filter(Choice::correct).map(Choice::id).toList();
              assertEquals(1, ids.size(), "exactly one right option in " + i.identifier());
              return ids.get(0);
            })
        .toList();
  }

  private static List<String> texts(Item item) {
    return item.choices().stream().map(Choice::text).toList();
  }

  private static List<String> correct(Item item) {
    return item.choices().stream().filter(Choice::correct).map(Choice::text).toList();
  }
}
