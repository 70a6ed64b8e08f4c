package be.edusprong.lms.assessment.qti;

import static be.edusprong.lms.assessment.qti.Qti3WriterTest.choice;
import static be.edusprong.lms.assessment.qti.Qti3WriterTest.item;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.gift.SameItems;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.TextFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@link Qti3PackageWriter}: manifest, file names, determinism, and the read-back. */
class Qti3PackageWriterTest {

  private static final String CP = Qti3PackageWriter.CP_NS;
  private static final String LOM = Qti3PackageWriter.LOM_NS;

  private static List<Item> bank() {
    return List.of(
        item(
            "vraag 1",
            ItemType.CHOICE_SINGLE,
            "Eerste?",
            List.of(choice("A", "ja", 100, ""), choice("B", "nee", 0, ""))),
        item("vraag?1", ItemType.ESSAY, "Tweede?", List.of()),
        item("Q1", ItemType.SHORT_ANSWER, "Derde?", List.of(choice("A", "drie", 100, ""))),
        item("q1", ItemType.DESCRIPTION, "Vierde.", List.of()));
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), e.getTimeLocal(), e.getName());
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static List<String> texts(Document d, String ns, String name) {
    NodeList list = d.getElementsByTagNameNS(ns, name);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add(list.item(i).getTextContent().strip());
    }
    return out;
  }

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  @Test
  void fileNamesAreSafeAndUniqueIgnoringCase() {
    assertEquals(
        List.of("items/vraag_1.xml", "items/vraag_1-2.xml", "items/Q1.xml", "items/q1-2.xml"),
        Qti3PackageWriter.fileNames(bank()));
  }

  @Test
  void manifestListsOneQti3ItemResourcePerItemWithLomMetadata() throws Exception {
    byte[] zip = new Qti3PackageWriter().write(bank());
    Map<String, byte[]> entries = unzip(zip);
    assertEquals(
        List.of(
            "imsmanifest.xml",
            "items/vraag_1.xml",
            "items/vraag_1-2.xml",
            "items/Q1.xml",
            "items/q1-2.xml"),
        List.copyOf(entries.keySet()));
    Document m = parse(entries.get("imsmanifest.xml"));
    assertEquals(CP, m.getDocumentElement().getNamespaceURI());
    assertEquals("manifest", m.getDocumentElement().getLocalName());
    assertEquals(List.of("QTI Package"), texts(m, CP, "schema"));
    assertEquals(List.of("3.0.0"), texts(m, CP, "schemaversion"));
    NodeList resources = m.getElementsByTagNameNS(CP, "resource");
    assertEquals(4, resources.getLength());
    Element first = (Element) resources.item(0);
    assertEquals("imsqti_item_xmlv3p0", first.getAttribute("type"));
    assertEquals("items/vraag_1.xml", first.getAttribute("href"));
    assertEquals(
        "items/vraag_1.xml",
        ((Element) first.getElementsByTagNameNS(CP, "file").item(0)).getAttribute("href"));
    assertEquals(
        List.of("vraag 1", "vraag?1", "Q1", "q1"),
        texts(m, LOM, "entry").stream()
            .filter(e -> !e.equals("digitaal") && !e.equals("wachtwoorden"))
            .toList());
    assertEquals(8, texts(m, LOM, "keyword").size(), "two tags per item");
    assertTrue(texts(m, LOM, "keyword").contains("veiligheid"));
    List<String> taxa = texts(m, LOM, "taxon");
    assertEquals(8, taxa.size(), "two category levels per item");
    assertTrue(texts(m, LOM, "description").contains("source text format: html"));
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().startsWith("items/")) {
        Document item = parse(e.getValue());
        assertEquals(Qti3Writer.NS, item.getDocumentElement().getNamespaceURI(), e.getKey());
      }
    }
    String manifest = new String(entries.get("imsmanifest.xml"), StandardCharsets.UTF_8);
    assertTrue(manifest.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), manifest);
  }

  @Test
  void itemIdentifiersAreUniqueQtiIdentifiers() {
    assertEquals(
        List.of("vraag_1", "vraag_1-2", "Q1", "q1"), Qti3PackageWriter.qtiIdentifiers(bank()));
  }

  @Test
  void sameItemsGiveTheSameBytes() {
    assertArrayEquals(new Qti3PackageWriter().write(bank()), new Qti3PackageWriter().write(bank()));
  }

  @Test
  void thePackageImporterReadsTheItemsBack() {
    List<Item> items = bank();
    QtiPackageResult result =
        new QtiPackageImporter().importPackage(new Qti3PackageWriter().write(items), "bank.zip");
    assertFalse(result.report().refused(), result.report()::refusal);
    assertEquals(
        List.of(
            "bank.zip!/items/vraag_1.xml",
            "bank.zip!/items/vraag_1-2.xml",
            "bank.zip!/items/Q1.xml",
            "bank.zip!/items/q1-2.xml"),
        result.locations());
    for (int i = 0; i < items.size(); i++) {
      ItemOutcome o = result.report().outcomes().get(i);
      // the item documents say vraag_1 and vraag_1-2; the LOM identifiers give the originals back
      assertEquals(items.get(i).identifier(), o.item().identifier());
      assertEquals("digitaal/wachtwoorden", o.item().category());
      assertEquals(items.get(i).tags(), o.item().tags());
      List<String> diffs = SameItems.qtiDifferences(items.get(i), o.item());
      assertTrue(diffs.isEmpty(), () -> diffs + " " + o.messages());
    }
  }

  private static List<Item> readBack(List<Item> items) {
    QtiPackageResult result =
        new QtiPackageImporter().importPackage(new Qti3PackageWriter().write(items), "bank.zip");
    assertFalse(result.report().refused(), result.report()::refusal);
    return result.report().outcomes().stream().map(ItemOutcome::item).toList();
  }

  @Test
  void categoryPathsComeBackExactlyWithMoodleSlashEscapes() {
    List<String> categories =
        List.of(
            "$course$/top/Default for LING-373",
            "top/Oefeningen 1//2",
            " top / met spaties ",
            "top/",
            "/top",
            "a///b",
            "enkel");
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < categories.size(); i++) {
      items.add(
          bank().get(2).withLabels("v" + i, categories.get(i), List.of("tag " + i, " rand ")));
    }
    List<Item> back = readBack(items);
    for (int i = 0; i < items.size(); i++) {
      assertEquals(categories.get(i), back.get(i).category());
      assertEquals(List.of("tag " + i, " rand "), back.get(i).tags());
      assertEquals(List.of(), SameItems.qtiDifferences(items.get(i), back.get(i)));
    }
    assertEquals(
        List.of("top", "Oefeningen 1/2"), Qti3PackageWriter.categoryLevels("top/Oefeningen 1//2"));
    assertEquals(List.of("a", "", "", "b"), Qti3PackageWriter.categoryLevels("a///b"));
  }

  @Test
  void aSourceFormatOtherThanHtmlIsNamedInANoteAndTheItemKeepsItsHtml() {
    Item html = bank().get(0);
    Item markdown =
        new Item(
            "md",
            "",
            ItemType.ESSAY,
            TextFormat.MARKDOWN,
            "Schrijf **vet**.",
            "Schrijf <strong>vet</strong>.",
            -1,
            List.of(),
            List.of(),
            "",
            "",
            List.of(),
            1,
            "");
    QtiPackageResult result =
        new QtiPackageImporter()
            .importPackage(new Qti3PackageWriter().write(List.of(html, markdown)), "bank.zip");
    assertEquals(
        List.of(
            "the manifest says the source text of 1 item(s) was written as markdown; a QTI item"
                + " holds only its HTML, so those items read back as HTML"),
        result.notes());
    Item back = result.report().outcomes().get(1).item();
    assertEquals(TextFormat.HTML, back.stemFormat());
    assertEquals("Schrijf <strong>vet</strong>.", back.stemHtml().replaceAll("</?div>", ""));
  }

  @Test
  void noCategoryAndNoTagsComeBackEmpty() {
    Item bare = bank().get(0).withLabels("kaal", "", List.of());
    Item back = readBack(List.of(bare)).get(0);
    assertEquals("", back.category());
    assertEquals(List.of(), back.tags());
    assertEquals(List.of(), SameItems.qtiDifferences(bare, back));
  }

  @Test
  void clozeGapWeightsComeBackFromTheResponseProcessing() {
    Item cloze =
        Qti3WriterTest.full(
            "gewogen",
            ItemType.CLOZE,
            "<p>Hoofdstad [[G1]], jaar [[G2]], stichter [[G3]].</p>",
            -1,
            List.of(),
            List.of(),
            List.of(
                Gap.cloze(
                    "G1",
                    Gap.Kind.INLINE_CHOICE,
                    List.of(choice("A", "Brussel", 100, ""), choice("B", "Gent", 0, "")),
                    2),
                Gap.cloze(
                    "G2",
                    Gap.Kind.NUMERICAL,
                    List.of(
                        Qti3WriterTest.number("A", "979", "1", 100, ""),
                        Qti3WriterTest.number("B", "980", "5", 50, "bijna")),
                    3),
                Gap.cloze("G3", Gap.Kind.TEXT_ENTRY, List.of(choice("A", "Karel", 100, "")), 1)),
            List.of(),
            "");
    Item back = readBack(List.of(cloze)).get(0);
    assertEquals(List.of(2, 3, 1), back.gaps().stream().map(Gap::weight).toList());
    assertEquals(List.of(), SameItems.qtiDifferences(cloze, back));
    String xml = new Qti3Writer().write(cloze);
    // a QTI engine adds weight × the gap's score and divides by the total weight (MAXSCORE 1)
    assertTrue(xml.contains("<qti-divide><qti-variable identifier=\"SCORE\"/>"), xml);
    assertTrue(xml.contains(">6</qti-base-value></qti-divide>"), xml);
  }

  @Test
  void anOriginalIdentifierThatRepeatsKeepsItsUniqueQtiIdentifier() {
    Item a = bank().get(0).withLabels("dubbel", "x", List.of());
    Item b = bank().get(2).withLabels("dubbel", "x", List.of());
    List<Item> back = readBack(List.of(a, b));
    assertEquals(List.of("dubbel", "dubbel-2"), back.stream().map(Item::identifier).toList());
  }

  @Test
  void notExportableItemsAreRefusedAndLossesLeaveOutWhatTheManifestKeeps() {
    Item mr =
        Qti3WriterTest.full(
            "mr",
            ItemType.CLOZE,
            "Kies [[G1]]",
            -1,
            List.of(),
            List.of(),
            List.of(
                Gap.cloze("G1", Gap.Kind.MULTIPLE_RESPONSE, List.of(choice("A", "x", 100, "")), 1)),
            List.of(),
            "");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Qti3PackageWriter().write(List.of(mr)));
    assertTrue(e.getMessage().contains("item 'mr' (CLOZE)"), e.getMessage());
    assertEquals(
        List.of(
            "item 'vraag 1': the identifier is not a QTI identifier and was written as 'vraag_1'",
            "item 'vraag?1': the identifier was written as 'vraag_1-2' to be unique in the package"),
        Qti3PackageWriter.losses(bank()));
  }
}
