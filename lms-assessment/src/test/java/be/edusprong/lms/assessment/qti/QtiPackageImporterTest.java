package be.edusprong.lms.assessment.qti;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.ItemType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** {@link QtiPackageImporter} on small packages zipped in memory by these tests. */
class QtiPackageImporterTest {

  private static final String CP_NS = "http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1";

  /** A small QTI 3.0 single-choice item of our own, with an optional image. */
  static String item(String identifier, String imageSrc) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<qti-assessment-item"
        + " xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\""
        + identifier
        + "\" title=\"Wachtwoord "
        + identifier
        + "\" adaptive=\"false\" time-dependent=\"false\">\n"
        + "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
        + " base-type=\"identifier\"><qti-correct-response><qti-value>B</qti-value>"
        + "</qti-correct-response></qti-response-declaration>\n"
        + "<qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\""
        + " base-type=\"float\"/>\n<qti-item-body>\n"
        + (imageSrc == null ? "" : "<p><img src=\"" + imageSrc + "\" alt=\"slot\"/></p>\n")
        + "<qti-choice-interaction response-identifier=\"RESPONSE\" max-choices=\"1\">"
        + "<qti-prompt>Welk wachtwoord is het sterkst?</qti-prompt>"
        + "<qti-simple-choice identifier=\"A\">123456</qti-simple-choice>"
        + "<qti-simple-choice identifier=\"B\">fiets-wolk-soep-trein</qti-simple-choice>"
        + "</qti-choice-interaction></qti-item-body>\n"
        + "<qti-response-processing template=\"https://purl.imsglobal.org/spec/qti/v3p0/"
        + "rptemplates/match_correct.xml\"/>\n</qti-assessment-item>\n";
  }

  /** A manifest around resource elements. */
  static String manifest(String resources) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest xmlns=\""
        + CP_NS
        + "\" identifier=\"M1\">\n<metadata><schema>QTI Package</schema>"
        + "<schemaversion>3.0.0</schemaversion></metadata>\n<organizations/>\n<resources>\n"
        + resources
        + "</resources>\n</manifest>\n";
  }

  static String itemResource(String id, String href, String... files) {
    StringBuilder b =
        new StringBuilder("<resource identifier=\"")
            .append(id)
            .append("\" type=\"imsqti_item_xmlv3p0\" href=\"")
            .append(href)
            .append("\">\n<file href=\"")
            .append(href)
            .append("\"/>\n");
    for (String f : files) {
      b.append("<file href=\"").append(f).append("\"/>\n");
    }
    return b.append("</resource>\n").toString();
  }

  /** A ZIP of the entries, in order, deflated; names are written as given (even hostile ones). */
  static byte[] zip(Map<String, byte[]> entries) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  static Map<String, byte[]> files(String... nameThenText) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      m.put(nameThenText[i], nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return m;
  }

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

  private final QtiPackageImporter importer = new QtiPackageImporter();

  private static void refusedWith(QtiPackageResult result, String... fragments) {
    FidelityReport r = result.report();
    assertTrue(r.refused(), () -> "expected a refusal, got " + r.toJson());
    for (String f : fragments) {
      assertTrue(r.refusal().contains(f), () -> r.refusal() + " lacks: " + f);
    }
    assertTrue(result.locations().isEmpty());
  }

  @Test
  void importsItemsAndResolvesTheirImagesInsideThePackage() throws IOException {
    Map<String, byte[]> entries =
        files(
            "imsmanifest.xml",
            manifest(
                itemResource("q1", "items/q1.xml", "images/slot.png")
                    + itemResource("q2", "items/q2.xml")),
            "items/q1.xml",
            item("q1", "../images/slot.png"),
            "items/q2.xml",
            item("q2", null));
    entries.put("images/slot.png", PNG);

    QtiPackageResult result = importer.importPackage(zip(entries), "bank.zip");

    FidelityReport report = result.report();
    assertFalse(report.refused(), report::refusal);
    assertEquals("bank.zip", report.fileName());
    assertEquals(BankFormat.QTI30, report.format());
    assertEquals(2, report.outcomes().size(), report::toJson);
    assertTrue(report.complete());
    assertEquals(2, report.importedCount(), report::toJson);
    assertEquals("q1", report.outcomes().get(0).item().identifier());
    assertEquals(ItemType.CHOICE_SINGLE, report.outcomes().get(0).item().type());
    assertEquals(List.of("bank.zip!/items/q1.xml", "bank.zip!/items/q2.xml"), result.locations());
    assertEquals(List.of("images/slot.png"), List.copyOf(result.media().keySet()));
    assertArrayEquals(PNG, result.media().get("images/slot.png"));
    assertTrue(result.notes().isEmpty(), result.notes()::toString);
    // The position is the single-item importer's, in the item file.
    ItemOutcome alone =
        QtiItemImporter.qti30().importFile(item("q2", null), "q2.xml").outcomes().get(0);
    assertEquals(
        "bank.zip!/items/q2.xml:" + alone.line() + ":" + alone.column() + ": IMPORTED",
        result.describe().get(1));
  }

  @Test
  void aMissingImageIsALossOnItsItemWithItsPosition() throws IOException {
    byte[] zip =
        zip(
            files(
                "imsmanifest.xml",
                manifest(itemResource("q1", "q1.xml")),
                "q1.xml",
                item("q1", "images/weg.png")));

    QtiPackageResult result = importer.importPackage(zip, "bank.zip");

    ItemOutcome o = result.report().outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status(), o.messages()::toString);
    assertEquals(1, o.messages().size(), o.messages()::toString);
    assertTrue(
        o.messages()
            .get(0)
            .matches(
                "q1\\.xml: image 'images/weg\\.png' \\(6:\\d+\\) is not in the package \\(looked"
                    + " for 'images/weg\\.png'\\).*"),
        o.messages()::toString);
    assertTrue(result.media().isEmpty());
  }

  @Test
  void aMissingItemFileIsRejectedByHrefAndTheOthersStillImport() throws IOException {
    byte[] zip =
        zip(
            files(
                "imsmanifest.xml",
                manifest(itemResource("q1", "q1.xml") + itemResource("q2", "items/weg.xml")),
                "q1.xml",
                item("q1", null)));

    QtiPackageResult result = importer.importPackage(zip, "bank.zip");

    FidelityReport report = result.report();
    assertEquals(2, report.outcomes().size(), report::toJson);
    assertEquals(ImportStatus.IMPORTED, report.outcomes().get(0).status());
    ItemOutcome missing = report.outcomes().get(1);
    assertEquals(ImportStatus.REJECTED, missing.status());
    assertEquals(
        "imsmanifest.xml: item file 'items/weg.xml' listed in the manifest (resource 'q2') is not"
            + " in the package",
        missing.messages().get(0));
    assertEquals(9, missing.line(), "the line of the <resource> in the manifest");
    assertEquals("bank.zip!/imsmanifest.xml", result.locations().get(1));
    assertFalse(report.complete());
  }

  @Test
  void aTestGivesTheItemOrderAndSectionsAndMissingRefsAreReported() throws IOException {
    String test =
        "<?xml version=\"1.0\"?>\n<qti-assessment-test"
            + " xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"t\" title=\"T\">\n"
            + "<qti-test-part identifier=\"p\" navigation-mode=\"linear\""
            + " submission-mode=\"individual\">\n"
            + "<qti-assessment-section identifier=\"sA\" title=\"Deel A\" visible=\"true\">\n"
            + "<qti-assessment-item-ref identifier=\"q2\" href=\"../items/q2.xml\"/>\n"
            + "<qti-assessment-section identifier=\"sA1\" title=\"Extra\" visible=\"false\">\n"
            + "<qti-assessment-item-ref identifier=\"q9\" href=\"../items/q9.xml\"/>\n"
            + "</qti-assessment-section>\n"
            + "<qti-assessment-item-ref identifier=\"q1\" href=\"../items/q1.xml\"/>\n"
            + "</qti-assessment-section>\n</qti-test-part>\n</qti-assessment-test>\n";
    String resources =
        itemResource("q1", "items/q1.xml")
            + itemResource("q2", "items/q2.xml")
            + "<resource identifier=\"t\" type=\"imsqti_test_xmlv3p0\" href=\"tests/t.xml\">"
            + "<file href=\"tests/t.xml\"/><dependency identifierref=\"q1\"/></resource>\n";
    byte[] zip =
        zip(
            files(
                "imsmanifest.xml",
                manifest(resources),
                "items/q1.xml",
                item("q1", null),
                "items/q2.xml",
                item("q2", null),
                "tests/t.xml",
                test,
                "notes/readme.txt",
                "intern"));

    QtiPackageResult result = importer.importPackage(zip, "toets.zip");

    FidelityReport report = result.report();
    assertEquals(3, report.outcomes().size(), report::toJson);
    assertEquals("q2", report.outcomes().get(0).item().identifier());
    ItemOutcome missing = report.outcomes().get(1);
    assertEquals(ImportStatus.REJECTED, missing.status());
    assertTrue(
        missing.messages().get(0).contains("item file '../items/q9.xml' referred to by the test"),
        missing.messages()::toString);
    assertEquals(7, missing.line());
    assertEquals("toets.zip!/tests/t.xml", result.locations().get(1));
    assertEquals("q1", report.outcomes().get(2).item().identifier());
    assertEquals(2, result.sections().size());
    assertEquals("Deel A", result.sections().get(0).title());
    assertEquals(List.of("items/q2.xml", "items/q1.xml"), result.sections().get(0).itemPaths());
    assertEquals("Deel A / Extra", result.sections().get(1).title());
    assertEquals(List.of("items/q9.xml"), result.sections().get(1).itemPaths());
    assertTrue(
        result.notes().stream()
            .anyMatch(n -> n.contains("not listed in the manifest") && n.contains("readme.txt")),
        result.notes()::toString);
  }

  @Test
  void zipSlipNamesRefuseThePackage() throws IOException {
    for (String name : List.of("../evil.xml", "/etc/passwd", "items\\q1.xml", "a/../../b.xml")) {
      byte[] zip = zip(files("imsmanifest.xml", manifest(itemResource("q1", "q1.xml")), name, "x"));
      QtiPackageResult result = importer.importPackage(zip, "slip.zip");
      refusedWith(result, "entry '" + name + "'");
      assertTrue(
          result.report().refusal().contains("zip slip")
              || result.report().refusal().contains("backslash"),
          result.report()::refusal);
    }
  }

  @Test
  void tooManyEntriesBreakTheLimitAndTheLimitCanBeRaised() throws IOException {
    Map<String, byte[]> entries = files("imsmanifest.xml", manifest(itemResource("q1", "q1.xml")));
    entries.put("q1.xml", item("q1", null).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 5; i++) {
      entries.put("extra/f" + i + ".txt", new byte[] {'x'});
    }
    byte[] zip = zip(entries);

    QtiPackageResult small =
        new QtiPackageImporter(PackageLimits.DEFAULT.withMaxEntries(5)).importPackage(zip, "b.zip");
    refusedWith(small, "the limit maxEntries (5 entries)", "at entry 'extra/f3.txt'");

    QtiPackageResult raised =
        new QtiPackageImporter(PackageLimits.DEFAULT.withMaxEntries(7)).importPackage(zip, "b.zip");
    assertFalse(raised.report().refused(), raised.report()::refusal);
    assertEquals(10_000, PackageLimits.DEFAULT.maxEntries());
  }

  @Test
  void aHighlyCompressedEntryIsRefusedAsAZipBomb() throws IOException {
    Map<String, byte[]> entries = files("imsmanifest.xml", manifest(itemResource("q1", "q1.xml")));
    entries.put("q1.xml", item("q1", null).getBytes(StandardCharsets.UTF_8));
    entries.put("images/bomb.bmp", new byte[(int) (3 * PackageLimits.MIB)]);

    QtiPackageResult result = importer.importPackage(zip(entries), "bomb.zip");

    refusedWith(result, "the limit maxRatio (1:100)", "at entry 'images/bomb.bmp'", "zip bomb");
  }

  @Test
  void sizeAndDepthLimitsNameTheEntry() throws IOException {
    Map<String, byte[]> entries = files("imsmanifest.xml", manifest(itemResource("q1", "q1.xml")));
    entries.put("q1.xml", item("q1", null).getBytes(StandardCharsets.UTF_8));
    byte[] zip = zip(entries);
    refusedWith(
        new QtiPackageImporter(PackageLimits.DEFAULT.withMaxEntryBytes(200))
            .importPackage(zip, "b.zip"),
        "maxEntryBytes (200 bytes)",
        "at entry 'imsmanifest.xml'");
    refusedWith(
        new QtiPackageImporter(PackageLimits.DEFAULT.withMaxTotalBytes(1_000))
            .importPackage(zip, "b.zip"),
        "maxTotalBytes (1000 bytes)",
        "at entry 'q1.xml'");
    byte[] deep = zip(files("a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r.xml", "x"));
    refusedWith(importer.importPackage(deep, "deep.zip"), "maxDepth (16 levels)", "18 levels");
  }

  @Test
  void aNestedArchiveIsNotOpenedButNamedInANote() throws IOException {
    byte[] inner = zip(files("imsmanifest.xml", manifest("")));
    Map<String, byte[]> entries = files("imsmanifest.xml", manifest(itemResource("q1", "q1.xml")));
    entries.put("q1.xml", item("q1", null).getBytes(StandardCharsets.UTF_8));
    entries.put("backup/old.zip", inner);

    QtiPackageResult result = importer.importPackage(zip(entries), "b.zip");

    assertEquals(1, result.report().importedCount(), result.report()::toJson);
    assertTrue(
        result.notes().stream().anyMatch(n -> n.contains("nested archive 'backup/old.zip'")),
        result.notes()::toString);
  }

  @Test
  void zipsThatAreNoQtiPackageAreRefusedSayingWhatTheyAre() throws IOException {
    refusedWith(
        importer.importPackage(zip(files("q1.xml", item("q1", null))), "a.zip"),
        "a ZIP without imsmanifest.xml, not an IMS content package");
    String cc =
        "<manifest xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\" identifier=\"c\">"
            + "<metadata><schema>IMS Common Cartridge</schema><schemaversion>1.1.0</schemaversion>"
            + "</metadata><organizations/><resources><resource identifier=\"r\""
            + " type=\"imsdt_xmlv1p1\"><file href=\"d.xml\"/></resource></resources></manifest>";
    refusedWith(
        importer.importPackage(zip(files("imsmanifest.xml", cc)), "c.imscc"),
        "an IMS Common Cartridge: import it as a course (cartridge import)");
    String scorm =
        "<manifest xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\""
            + " xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\" identifier=\"s\">"
            + "<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion>"
            + "</metadata><organizations/><resources><resource identifier=\"r\" type=\"webcontent\""
            + " adlcp:scormType=\"sco\" href=\"index.html\"/></resources></manifest>";
    refusedWith(
        importer.importPackage(zip(files("imsmanifest.xml", scorm)), "s.zip"),
        "a SCORM package, not an item bank");
    String bb =
        "<manifest identifier=\"man00001\" xmlns:bb=\"http://www.blackboard.com/content-packaging/\">"
            + "<organizations/><resources><resource bb:file=\"res00001.dat\" identifier=\"res00001\""
            + " type=\"assessment/x-bb-qti-pool\"/></resources></manifest>";
    refusedWith(
        importer.importPackage(zip(files("imsmanifest.xml", bb)), "bb.zip"),
        "a Blackboard Learn export");
    refusedWith(
        importer.importPackage(
            zip(
                files(
                    "imsmanifest.xml",
                    manifest(
                        "<resource identifier=\"w\" type=\"webcontent\"" + " href=\"a.html\"/>"))),
            "w.zip"),
        "without QTI items or tests (resource types webcontent)");
    refusedWith(
        importer.importPackage(zip(files("bank/imsmanifest.xml", manifest(""))), "n.zip"),
        "imsmanifest.xml is in 'bank/', not at the root");
    refusedWith(
        importer.importPackage("<quiz/>".getBytes(StandardCharsets.UTF_8), "q.zip"),
        "not a ZIP archive");
  }

  @Test
  void aCanvasQtiExportRoutesItsQti12FilesToTheQti12Importer() throws IOException {
    String manifest =
        "<manifest xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\" identifier=\"c\">"
            + "<metadata><schema>IMS Content</schema><schemaversion>1.1.3</schemaversion>"
            + "</metadata><organizations/><resources>\n<resource identifier=\"g1\""
            + " type=\"imsqti_xmlv1p2\"><file href=\"g1/g1.xml\"/>"
            + "<dependency identifierref=\"g1m\"/></resource>\n<resource identifier=\"g1m\""
            + " type=\"associatedcontent/imscc_xmlv1p1/learning-application-resource\""
            + " href=\"g1/assessment_meta.xml\"><file href=\"g1/assessment_meta.xml\"/>"
            + "</resource>\n</resources></manifest>";
    String qti12 =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<questestinterop"
            + " xmlns=\"http://www.imsglobal.org/xsd/ims_qtiasiv1p2\">\n<assessment ident=\"a\""
            + " title=\"Netwerk\"><section ident=\"root_section\">\n<item ident=\"mc1\""
            + " title=\"Lagen\"><presentation><material><mattext texttype=\"text/plain\">Hoeveel"
            + " lagen heeft OSI?</mattext></material><response_lid ident=\"r1\""
            + " rcardinality=\"Single\"><render_choice><response_label ident=\"a\"><material>"
            + "<mattext texttype=\"text/plain\">5</mattext></material></response_label>"
            + "<response_label ident=\"b\"><material><mattext texttype=\"text/plain\">7</mattext>"
            + "</material></response_label></render_choice></response_lid></presentation>"
            + "<resprocessing><outcomes><decvar maxvalue=\"100\" minvalue=\"0\" varname=\"SCORE\""
            + " vartype=\"Decimal\"/></outcomes><respcondition continue=\"No\"><conditionvar>"
            + "<varequal respident=\"r1\">b</varequal></conditionvar><setvar action=\"Set\""
            + " varname=\"SCORE\">100</setvar></respcondition></resprocessing></item>\n"
            + "</section></assessment>\n</questestinterop>\n";
    byte[] zip =
        zip(
            files(
                "imsmanifest.xml", manifest,
                "g1/g1.xml", qti12,
                "g1/assessment_meta.xml", "<quiz/>"));

    QtiPackageResult result = importer.importPackage(zip, "canvas.zip");

    FidelityReport report = result.report();
    assertFalse(report.refused(), report::refusal);
    assertEquals(1, report.outcomes().size(), report::toJson);
    assertEquals(BankFormat.QTI12, report.format());
    assertEquals(ItemType.CHOICE_SINGLE, report.outcomes().get(0).item().type(), report::toJson);
    assertEquals(List.of("canvas.zip!/g1/g1.xml"), result.locations());
    assertTrue(
        result.notes().stream().anyMatch(n -> n.contains("resource 'g1m'")),
        result.notes()::toString);
  }

  @Test
  void aManifestWithADoctypeIsRefusedLikeAnyUntrustedXml() throws IOException {
    String evil =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE manifest [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<manifest><resources/></manifest>";
    refusedWith(
        importer.importPackage(zip(files("imsmanifest.xml", evil)), "x.zip"),
        "imsmanifest.xml cannot be read",
        "DOCTYPE");
  }

  @Test
  void importBytesSendsZipsToThePackageImporterAndTextToImportFile() throws IOException {
    byte[] zip =
        zip(
            files(
                "imsmanifest.xml", manifest(itemResource("q1", "q1.xml")),
                "q1.xml", item("q1", null)));
    FidelityReport fromZip = Importers.importBytes(zip, "bank.zip");
    assertEquals(1, fromZip.importedCount(), fromZip::toJson);
    assertEquals(BankFormat.QTI30, fromZip.format());

    FidelityReport gift =
        Importers.importBytes(
            "::Sterk:: Is een wachtzin sterk? {T}".getBytes(StandardCharsets.UTF_8), "a.gift");
    assertEquals(BankFormat.GIFT, gift.format());
    assertEquals(1, gift.importedCount());

    FidelityReport latin1 =
        Importers.importBytes(
            "::Caf\u00e9:: Juist? {T}".getBytes(StandardCharsets.ISO_8859_1), "l.gift");
    assertTrue(latin1.refused());
    assertTrue(latin1.refusal().contains("not UTF-8"), latin1::refusal);
  }
}
