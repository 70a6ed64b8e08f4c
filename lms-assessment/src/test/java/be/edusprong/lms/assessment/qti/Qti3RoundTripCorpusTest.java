package be.edusprong.lms.assessment.qti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.Corpus;
import be.edusprong.lms.assessment.gift.SameItems;
import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.TextFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Round trip over the shared corpus ({@code shared/corpus/{gift,moodlexml,aiken,qti}}, read in
 * place, never copied; skipped when absent): every file that imports (not refused, at least one
 * item) is written with {@link Qti3PackageWriter}, read back with {@link QtiPackageImporter}, and
 * each item must come back {@linkplain SameItems#qtiDifferences the same} up to the normalisations
 * the QTI importer documents. Items {@link Qti3Writer} refuses (cloze with a multiple-response gap)
 * are left out and counted. Writing twice gives the same bytes.
 */
class Qti3RoundTripCorpusTest {

  private static final List<String> FOLDERS = List.of("gift", "moodlexml", "aiken", "qti");

  @TestFactory
  Stream<DynamicTest> everyImportedCorpusFileSurvivesAQti3PackageRoundTrip() throws IOException {
    Path root = Corpus.root();
    Assumptions.assumeTrue(
        FOLDERS.stream().anyMatch(f -> Files.isRegularFile(Corpus.dir(f).resolve("MANIFEST.md"))),
        "corpus not found at " + root.toAbsolutePath() + " (set -D" + Corpus.PROPERTY + ")");
    List<DynamicTest> tests = new ArrayList<>();
    for (String folder : FOLDERS) {
      Path dir = Corpus.dir(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir)) {
        files =
            walk.filter(Files::isRegularFile)
                .filter(p -> !p.toString().endsWith(".md") && !p.toString().endsWith(".json"))
                .sorted()
                .toList();
      }
      for (Path file : files) {
        String name = dir.relativize(file).toString().replace('\\', '/');
        tests.add(DynamicTest.dynamicTest(folder + "/" + name, () -> roundTrip(file, name)));
      }
    }
    tests.add(
        DynamicTest.dynamicTest(
            "the corpus exercises category, tags, text formats and gap weights",
            () -> {
              System.out.println("QTI 3.0 round trip, items compared per feature: " + SEEN);
              for (String feature :
                  List.of("category", "tags", "source format", "cloze gap weight > 1")) {
                assertTrue(
                    SEEN.getOrDefault(feature, 0) > 0,
                    "no corpus item compared with a " + feature + ": " + SEEN);
              }
            }));
    return tests.stream();
  }

  /** How many items that came back the same had each feature, over the corpus run. */
  private static final Map<String, Integer> SEEN = new TreeMap<>();

  private static void seen(Item item) {
    if (!item.category().isEmpty()) {
      SEEN.merge("category", 1, Integer::sum);
    }
    if (!item.tags().isEmpty()) {
      SEEN.merge("tags", 1, Integer::sum);
    }
    if (item.stemFormat() != TextFormat.HTML) {
      SEEN.merge("source format", 1, Integer::sum);
    }
    if (item.gaps().stream().anyMatch(g -> g.weight() > 1)) {
      SEEN.merge("cloze gap weight > 1", 1, Integer::sum);
    }
  }

  private static void roundTrip(Path file, String name) throws Exception {
    FidelityReport report = Importers.importBytes(Files.readAllBytes(file), name);
    Assumptions.assumeFalse(report.refused(), () -> name + " is refused: " + report.refusal());
    List<Item> items = new ArrayList<>();
    int refused = 0;
    for (Item item : report.items()) {
      if (Qti3Writer.notExportable(item) == null) {
        items.add(item);
      } else {
        refused++;
      }
    }
    Assumptions.assumeFalse(items.isEmpty(), name + " has no exportable items");
    byte[] zip = new Qti3PackageWriter().write(items);
    assertArrayEquals(zip, new Qti3PackageWriter().write(items), "deterministic bytes");

    checkFeedbackAndMetadataAreInThePackage(items, zip);

    QtiPackageResult back = new QtiPackageImporter().importPackage(zip, name + ".zip");
    FidelityReport again = back.report();
    assertFalse(again.refused(), again::refusal);
    assertEquals(BankFormat.QTI30, again.format());
    assertEquals(items.size(), again.outcomes().size(), again::toJson);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ItemOutcome o = again.outcomes().get(i);
      if (o.status() == ImportStatus.REJECTED) {
        problems.add(items.get(i).identifier() + ": rejected " + o.messages());
        continue;
      }
      List<String> diffs = SameItems.qtiDifferences(items.get(i), o.item());
      if (!diffs.isEmpty()) {
        problems.add(items.get(i).identifier() + " (" + items.get(i).type() + "): " + diffs);
      } else {
        seen(items.get(i));
      }
    }
    System.out.println(
        "QTI 3.0 round trip "
            + name
            + ": "
            + items.size()
            + " item(s), "
            + refused
            + " not exportable, "
            + problems.size()
            + " different");
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  /**
   * What the QTI importer does not read back must still be in the package: each answer's feedback
   * and the general feedback in the item document (by feedback identifier, text compared without
   * whitespace), the category levels and tags in the manifest's LOM; every item document is in the
   * QTI 3.0 namespace.
   */
  private static void checkFeedbackAndMetadataAreInThePackage(List<Item> items, byte[] zip)
      throws Exception {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    List<String> files = Qti3PackageWriter.fileNames(items);
    Document manifest = parse(entries.get("imsmanifest.xml"));
    List<String> lom = texts(manifest, Qti3PackageWriter.LOM_NS, "string");
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      Document d = parse(entries.get(files.get(i)));
      assertEquals(Qti3Writer.NS, d.getDocumentElement().getNamespaceURI());
      Map<String, String> expected = new TreeMap<>();
      for (Choice c : item.choices()) {
        if (!c.feedbackHtml().isEmpty()) {
          expected.put(c.id(), squeeze(SameItems.text(c.feedbackHtml())));
        }
      }
      for (Gap g : item.gaps()) {
        for (Choice c : g.answers()) {
          if (!c.feedbackHtml().isEmpty()) {
            expected.put(g.id() + "_" + c.id(), squeeze(SameItems.text(c.feedbackHtml())));
          }
        }
      }
      if (!item.generalFeedbackHtml().isEmpty()) {
        expected.put("GENERAL_FEEDBACK", squeeze(SameItems.text(item.generalFeedbackHtml())));
      }
      Map<String, String> actual = new TreeMap<>();
      for (String element :
          List.of("qti-feedback-inline", "qti-feedback-block", "qti-modal-feedback")) {
        NodeList list = d.getElementsByTagNameNS(Qti3Writer.NS, element);
        for (int k = 0; k < list.getLength(); k++) {
          Element e = (Element) list.item(k);
          actual.put(e.getAttribute("identifier"), squeeze(e.getTextContent()));
        }
      }
      if (item.type() == ItemType.ORDERING || item.type() == ItemType.MATCHING) {
        expected.keySet().retainAll(List.of("GENERAL_FEEDBACK"));
      }
      assertEquals(expected, actual, item.identifier() + ": feedback in the item document");
      for (String tag : item.tags()) {
        assertTrue(lom.contains(tag), item.identifier() + ": tag " + tag + " in the manifest");
      }
      if (!item.category().isEmpty()) {
        for (String level : Qti3PackageWriter.categoryLevels(item.category())) {
          assertTrue(
              lom.contains(level),
              item.identifier() + ": category level '" + level + "' in the manifest");
        }
      }
    }
  }

  private static String squeeze(String s) {
    return s.replaceAll("[\\s\u00A0]+", "");
  }

  private static List<String> texts(Document d, String ns, String name) {
    NodeList list = d.getElementsByTagNameNS(ns, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i).getTextContent());
    }
    return out;
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }
}
