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
    List<String> ids = Qti3PackageWriter.qtiIdentifiers(items);
    for (int i = 0; i < items.size(); i++) {
      ItemOutcome o = result.report().outcomes().get(i);
      assertEquals(ids.get(i), o.item().identifier());
      // The second "vraag_1" was renamed to stay unique; everything else is the same.
      List<String> diffs =
          SameItems.qtiDifferences(items.get(i), o.item()).stream()
              .filter(d -> !d.equals("identifier: vraag_1 != vraag_1-2"))
              .toList();
      assertTrue(diffs.isEmpty(), () -> diffs + " " + o.messages());
    }
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
