package be.edusprong.lms.assessment.gift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.Corpus;
import be.edusprong.lms.assessment.aiken.AikenImporter;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.GiftImporter;
import be.edusprong.lms.assessment.imports.ItemImporter;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.TextFormat;
import be.edusprong.lms.assessment.moodlexml.MoodleXmlImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Import → GIFT export → import (issue 3, "Export"): every file of the shared corpus ({@code
 * gift/**}{@code .gift*}, {@code aiken/*}, {@code moodlexml/*.xml}) and every {@code
 * content/modules/* /units/*.gift} of this project is imported with its importer, the items are
 * written with {@link GiftWriter}, the text is parsed with {@link GiftParser} without problems, and
 * every item must be {@linkplain SameItems the same} as the imported one.
 *
 * <p>The corpus is located like the other corpus tests (system property {@code lms.corpus.dir},
 * else {@code ../../shared/corpus} from the module directory); its tests are skipped when it is
 * absent.
 *
 * <p>{@link #EXCEPTIONS} lists, per file and item identifier, the items that cannot come back the
 * same and why, with the one component allowed to differ. An exception that is no longer needed
 * fails the test, so the list stays minimal.
 */
class GiftRoundTripTest {

  /** An item that is allowed to come back different, in the named components only. */
  record Known(String file, String identifier, List<String> components, String why) {}

  private static final String NUMERIC_FORMAT =
      "Moodle XML numerical answers are imported as PLAIN (an answer has no format there); GIFT"
          + " cannot tag a numerical answer, so GiftParser gives it the stem's format (HTML)."
          + " Text, HTML, weights and numbers are equal; only Choice.format differs.";

  static final List<Known> EXCEPTIONS =
      List.of(
          new Known("qas_numerical.xml", "num-int-326c12a4", List.of("choices"), NUMERIC_FORMAT),
          new Known(
              "tuberlin_numericalRef.xml",
              "numerical-question-111ff113",
              List.of("choices"),
              NUMERIC_FORMAT),
          new Known(
              "tuberlin_numericalRef.xml",
              "simple-numerical-0b23608c",
              List.of("choices"),
              NUMERIC_FORMAT));

  private final GiftWriter writer = new GiftWriter();
  private final GiftParser parser = new GiftParser();

  @Test
  void corpusPresent() {
    Path root = Corpus.root();
    Assumptions.assumeTrue(
        Files.isDirectory(root.resolve("gift")),
        "corpus not found at " + root.toAbsolutePath() + " (set -Dlms.corpus.dir)");
  }

  @TestFactory
  Stream<DynamicTest> giftCorpus() throws IOException {
    return tests("gift", new GiftImporter(), n -> n.matches(".*\\.gift.*"), true);
  }

  @TestFactory
  Stream<DynamicTest> aikenCorpus() throws IOException {
    return tests("aiken", new AikenImporter(), n -> !n.equals("MANIFEST.md"), false);
  }

  @TestFactory
  Stream<DynamicTest> moodleXmlCorpus() throws IOException {
    return tests("moodlexml", new MoodleXmlImporter(), n -> n.endsWith(".xml"), false);
  }

  @TestFactory
  Stream<DynamicTest> projectContent() throws IOException {
    Path modules = Path.of("../content/modules");
    Assumptions.assumeTrue(Files.isDirectory(modules), "no " + modules.toAbsolutePath());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(modules)) {
      files =
          walk.filter(p -> p.getParent().getFileName().toString().equals("units"))
              .filter(p -> p.getFileName().toString().endsWith(".gift"))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    modules.relativize(f).toString(), () -> check(f, modules, new GiftImporter())));
  }

  private Stream<DynamicTest> tests(
      String folder,
      ItemImporter importer,
      java.util.function.Predicate<String> wanted,
      boolean deep)
      throws IOException {
    Path dir = Corpus.assume(folder, folder);
    List<Path> files;
    try (Stream<Path> walk = deep ? Files.walk(dir) : Files.list(dir)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> wanted.test(p.getFileName().toString()))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty());
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    folder + "/" + dir.relativize(f), () -> check(f, dir, importer)));
  }

  private void check(Path file, Path base, ItemImporter importer) throws IOException {
    String name = base.relativize(file).toString();
    FidelityReport report =
        importer.importFile(Files.readString(file, StandardCharsets.UTF_8), name);
    List<Item> all =
        report.outcomes().stream().map(ItemOutcome::item).filter(Objects::nonNull).toList();
    // Ordering, cloze and gap-match items have no GIFT form: reported, never written.
    List<Item> items = all.stream().filter(i -> GiftWriter.notExportable(i) == null).toList();
    if (items.size() < all.size()) {
      List<String> problems = GiftWriter.notExportable(all);
      assertEquals(all.size() - items.size(), problems.size());
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> writer.write(all));
      assertEquals(String.join("; ", problems), refused.getMessage());
    }
    String gift = writer.write(items);
    GiftParseResult back = parser.parse(gift, name + ".out.gift");
    assertEquals(List.of(), back.problems(), () -> "problems reading back:\n" + gift);
    assertEquals(items.size(), back.items().size(), gift);
    List<String> unexpected = new ArrayList<>();
    int excepted = 0;
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      List<String> diffs = SameItems.differences(item, back.items().get(i));
      Known allowed = exception(name, item.identifier());
      if (allowed != null) {
        excepted++;
        assertFalse(diffs.isEmpty(), "exception no longer needed: " + allowed);
        assertEquals(
            withoutFormats(item.choices()),
            withoutFormats(back.items().get(i).choices()),
            "choices may differ in their format only");
        for (String d : diffs) {
          String component = d.substring(0, d.indexOf(':'));
          if (!allowed.components().contains(component)) {
            unexpected.add(item.identifier() + " " + d);
          }
        }
      } else {
        diffs.forEach(d -> unexpected.add(item.identifier() + " " + d));
      }
    }
    System.out.printf(
        "round trip %s: %d items, %d the same, %d known exceptions%n",
        name, items.size(), items.size() - excepted, excepted);
    assertTrue(unexpected.isEmpty(), () -> String.join("\n", unexpected) + "\n---\n" + gift);
  }

  private static List<Choice> withoutFormats(List<Choice> choices) {
    return choices.stream()
        .map(
            c ->
                new Choice(
                    c.id(),
                    c.text(),
                    TextFormat.MOODLE,
                    c.textHtml(),
                    c.weightPercent(),
                    c.feedbackHtml(),
                    c.numeric()))
        .toList();
  }

  private static Known exception(String file, String identifier) {
    return EXCEPTIONS.stream()
        .filter(e -> e.file().equals(file) && e.identifier().equals(identifier))
        .findFirst()
        .orElse(null);
  }
}
