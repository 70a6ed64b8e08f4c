package be.edusprong.lms.assessment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on real files: formats found by content, the JSON shape, the exit status. */
class LmsItemsTest {
  @TempDir Path dir;

  @Test
  void validatesGiftAndAikenFilesAndReportsThemComplete() throws Exception {
    Path gift =
        write("wachtwoorden.gift", "::Sterk:: Is een wachtzin sterk? {T#Niet juist.#Juist.}\n");
    Path aiken =
        write(
            "phishing.txt",
            "Wat doe je met een verdachte sms?\nA) Klikken\nB) Doorsturen naar verdacht@safeonweb.be\n"
                + "ANSWER: B\n");

    Result result = run("validate", gift.toString(), aiken.toString());

    assertEquals(0, result.status, result.err);
    assertTrue(result.json.get("complete").asBoolean());
    assertEquals(2, result.json.get("reports").size());
    assertEquals("gift", result.json.get("reports").get(0).get("format").asText());
    assertEquals("aiken", result.json.get("reports").get(1).get("format").asText());
    assertEquals(1, result.json.get("reports").get(1).get("counts").get("imported").asInt());
  }

  @Test
  void recognisesMoodleXmlByItsQuizRoot() throws Exception {
    Path xml =
        write(
            "export.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Moodle export -->\n<quiz>\n"
                + "<question type=\"truefalse\"><name><text>Updates</text></name>"
                + "<questiontext format=\"html\"><text>Updates installeren is veilig.</text>"
                + "</questiontext><answer fraction=\"100\"><text>true</text></answer>"
                + "<answer fraction=\"0\"><text>false</text></answer></question>\n</quiz>\n");

    Result result = run("validate", xml.toString());

    JsonNode report = result.json.get("reports").get(0);
    assertEquals("moodle_xml", report.get("format").asText(), result.out);
    assertEquals(1, report.get("counts").get("imported").asInt(), result.out);
    assertEquals("TRUE_FALSE", report.get("outcomes").get(0).get("type").asText());
  }

  @Test
  void recognisesQtiItemsByTheirNamespace() throws Exception {
    Path qti3 =
        write(
            "item3.xml",
            "<?xml version=\"1.0\"?>\n<qti-assessment-item"
                + " xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"wachtwoord\""
                + " title=\"Wachtwoord\" adaptive=\"false\" time-dependent=\"false\">\n"
                + "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
                + " base-type=\"identifier\"><qti-correct-response><qti-value>B</qti-value>"
                + "</qti-correct-response></qti-response-declaration>\n"
                + "<qti-outcome-declaration identifier=\"SCORE\" cardinality=\"single\""
                + " base-type=\"float\"/>\n<qti-item-body><qti-choice-interaction"
                + " response-identifier=\"RESPONSE\" max-choices=\"1\"><qti-prompt>Welk wachtwoord is"
                + " het sterkst?</qti-prompt><qti-simple-choice identifier=\"A\">123456"
                + "</qti-simple-choice><qti-simple-choice identifier=\"B\">fiets-wolk-soep-trein"
                + "</qti-simple-choice></qti-choice-interaction></qti-item-body>\n"
                + "<qti-response-processing template=\"https://purl.imsglobal.org/spec/qti/v3p0/"
                + "rptemplates/match_correct.xml\"/>\n</qti-assessment-item>\n");

    Result result = run("validate", qti3.toString());

    JsonNode report = result.json.get("reports").get(0);
    assertEquals("qti30", report.get("format").asText(), result.out);
    assertEquals("CHOICE_SINGLE", report.get("outcomes").get(0).get("type").asText(), result.out);
  }

  @Test
  void validatesAQtiContentPackageZip() throws Exception {
    String item =
        "<?xml version=\"1.0\"?>\n<qti-assessment-item"
            + " xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"essay1\""
            + " title=\"Essay\" adaptive=\"false\" time-dependent=\"false\">\n"
            + "<qti-response-declaration identifier=\"RESPONSE\" cardinality=\"single\""
            + " base-type=\"string\"/>\n<qti-item-body><p><img src=\"img/a.png\" alt=\"a\"/></p>"
            + "<qti-extended-text-interaction response-identifier=\"RESPONSE\"><qti-prompt>Leg uit."
            + "</qti-prompt></qti-extended-text-interaction></qti-item-body>\n"
            + "</qti-assessment-item>\n";
    String manifest =
        "<manifest xmlns=\"http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1\" identifier=\"m\">"
            + "<resources><resource identifier=\"essay1\" type=\"imsqti_item_xmlv3p0\""
            + " href=\"essay1.xml\"><file href=\"essay1.xml\"/><file href=\"img/a.png\"/>"
            + "</resource><resource identifier=\"weg\" type=\"imsqti_item_xmlv3p0\""
            + " href=\"weg.xml\"/></resources></manifest>";
    Path zip = dir.resolve("bank.zip");
    try (java.util.zip.ZipOutputStream out =
        new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
      for (String[] e :
          new String[][] {
            {"imsmanifest.xml", manifest}, {"essay1.xml", item}, {"img/a.png", "png"}
          }) {
        out.putNextEntry(new java.util.zip.ZipEntry(e[0]));
        out.write(e[1].getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }

    Result result = run("validate", zip.toString());

    assertEquals(1, result.status, result.out);
    JsonNode report = result.json.get("reports").get(0);
    assertEquals(zip.toString(), report.get("file").asText());
    assertEquals("qti30", report.get("format").asText(), result.out);
    assertEquals(1, report.get("counts").get("imported").asInt(), result.out);
    assertEquals("ESSAY", report.get("outcomes").get(0).get("type").asText(), result.out);
    JsonNode missing = report.get("outcomes").get(1);
    assertEquals("REJECTED", missing.get("status").asText());
    assertTrue(missing.get("messages").get(0).asText().contains("item file 'weg.xml'"), result.out);
  }

  @Test
  void validatesAnAssessmentTestWithTheItemFilesNextToIt() throws Exception {
    write(
        "q1.xml",
        "<?xml version=\"1.0\"?>\n<qti-assessment-item"
            + " xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"q1\""
            + " title=\"Q1\" adaptive=\"false\" time-dependent=\"false\">\n<qti-item-body><p>Lees."
            + "</p></qti-item-body>\n</qti-assessment-item>\n");
    Path test =
        write(
            "toets.xml",
            "<?xml version=\"1.0\"?>\n<qti-assessment-test"
                + " xmlns=\"http://www.imsglobal.org/xsd/imsqtiasi_v3p0\" identifier=\"t\">"
                + "<qti-test-part identifier=\"p\"><qti-assessment-section identifier=\"s\""
                + " title=\"S\"><qti-assessment-item-ref identifier=\"q1\" href=\"q1.xml\"/>"
                + "<qti-assessment-item-ref identifier=\"q2\" href=\"q2.xml\"/>"
                + "</qti-assessment-section></qti-test-part></qti-assessment-test>\n");

    Result result = run("validate", test.toString());

    JsonNode report = result.json.get("reports").get(0);
    assertEquals(2, report.get("outcomes").size(), result.out);
    assertEquals("DESCRIPTION", report.get("outcomes").get(0).get("type").asText(), result.out);
    assertTrue(
        report.get("outcomes").get(1).get("messages").get(0).asText().contains("'q2.xml'"),
        result.out);
  }

  @Test
  void anAssessmentTestThatIsNoWellFormedXmlIsRefused() throws Exception {
    Path test =
        write(
            "kapot-toets.xml",
            "<?xml version=\"1.0\"?>\n<assessmentTest"
                + " xmlns=\"http://www.imsglobal.org/xsd/imsqti_v2p1\" identifier=\"t\">\n"
                + "<testPart identifier=\"p\">\n</assessmentTest>\n");

    Result result = run("validate", test.toString());

    assertEquals(1, result.status, result.out);
    JsonNode report = result.json.get("reports").get(0);
    assertTrue(
        report.get("refusal").asText().startsWith("the assessment test cannot be read: "),
        result.out);
  }

  @Test
  void aBrokenQuestionMakesTheRunIncompleteWithItsPosition() throws Exception {
    Path gift = write("kapot.gift", "::Goed:: Klopt dit? {T}\n\n::Kapot:: Open blok {=ja ~nee\n");

    Result result = run("validate", gift.toString());

    assertEquals(1, result.status);
    JsonNode report = result.json.get("reports").get(0);
    assertEquals(1, report.get("counts").get("rejected").asInt());
    JsonNode rejected = report.get("outcomes").get(1);
    assertEquals("REJECTED", rejected.get("status").asText());
    assertEquals(3, rejected.get("line").asInt());
  }

  @Test
  void filesThatAreNoItemBankAreRefusedSayingWhatTheyAre() throws Exception {
    Path result =
        write(
            "uitslag.xml",
            "<?xml version=\"1.0\"?>\n<assessmentResult xmlns=\"http://www.imsglobal.org/xsd/imsqti_result_v2p1\"/>");
    Path latin1 = dir.resolve("latin1.gift");
    Files.write(latin1, "::Caf\u00e9:: Juist? {T}".getBytes(StandardCharsets.ISO_8859_1));

    Result run = run("validate", result.toString(), latin1.toString(), "bestaat-niet.gift");

    assertEquals(1, run.status);
    JsonNode reports = run.json.get("reports");
    assertTrue(reports.get(0).get("refusal").asText().contains("QTI result report"), run.out);
    assertTrue(reports.get(1).get("refusal").asText().contains("not UTF-8"), run.out);
    assertEquals("no such file", reports.get(2).get("refusal").asText());
  }

  @Test
  void convertWritesWholeFilesAsGiftThatValidatesAgainAndSkipsBrokenOnes() throws Exception {
    Path aiken =
        write(
            "phishing.txt",
            "Wat doe je met een verdachte sms?\nA) Klikken\nB) Doorsturen naar"
                + " verdacht@safeonweb.be\nANSWER: B\n\nIs 123456 een sterk wachtwoord?\nA) Ja\n"
                + "B) Nee\nANSWER: B\n");
    Path broken = write("kapot.gift", "::Kapot:: Open blok {=ja ~nee\n");
    Path out = dir.resolve("uit");

    Result result =
        run(
            "convert",
            aiken.toString(),
            broken.toString(),
            "--to",
            "gift",
            "--out",
            out.toString());

    assertEquals(1, result.status, result.out);
    assertEquals(1, result.json.get("written").size(), result.out);
    Path written = out.resolve("phishing.gift");
    assertEquals(written.toString(), result.json.get("written").get(0).asText());
    assertTrue(Files.notExists(out.resolve("kapot.gift")), "a broken file is not converted");
    assertEquals(1, result.json.get("notConverted").size(), result.out);
    assertEquals(
        broken + ": 1 question(s) rejected, nothing written",
        result.json.get("notConverted").get(0).asText());

    Result again = run("validate", written.toString());
    assertEquals(0, again.status, again.out);
    JsonNode report = again.json.get("reports").get(0);
    assertEquals("gift", report.get("format").asText());
    assertEquals(2, report.get("counts").get("imported").asInt());
    assertEquals("CHOICE_SINGLE", report.get("outcomes").get(0).get("type").asText());
  }

  @Test
  void convertedFilesKeepTheirNameWithOneGiftExtension() {
    assertEquals("vragen", LmsItems.baseName(Path.of("banks/vragen.gift.txt")));
    assertEquals("vragen", LmsItems.baseName(Path.of("vragen.xml")));
    assertEquals("vragen", LmsItems.baseName(Path.of("vragen.gift")));
    assertEquals("vragen", LmsItems.baseName(Path.of("vragen")));
  }

  @Test
  void convertKnowsGiftAndQti3Only() {
    Result result = run("convert", "a.gift", "--to", "qti21", "--out", "uit");
    assertEquals(2, result.status);
    assertTrue(result.err.contains("--to must be gift or qti3, was qti21"), result.err);
    assertTrue(result.err.contains("--to gift|qti3 --out DIR"), result.err);
  }

  @Test
  void convertToQti3WritesAPackageThatValidatesAgainAndReportsItsLosses() throws Exception {
    Path gift =
        write(
            "bank.gift",
            "::Sterk:: Is een wachtzin sterk? {T#Niet juist.#Juist.}\n\n"
                + "::Graf:: Grant ligt begraven in {~een kerk =een graf} in New York.\n");
    Path broken = write("kapot.gift", "::Kapot:: Open blok {=ja ~nee\n");
    Path out = dir.resolve("qti");

    Result result =
        run("convert", gift.toString(), broken.toString(), "--to", "qti3", "--out", out.toString());

    assertEquals(1, result.status, "the broken file makes the run incomplete: " + result.out);
    Path written = out.resolve("bank.zip");
    assertEquals(1, result.json.get("written").size(), result.out);
    assertEquals(written.toString(), result.json.get("written").get(0).asText());
    assertTrue(Files.notExists(out.resolve("kapot.zip")), "a broken file is not converted");
    assertEquals(1, result.json.get("losses").size(), result.out);
    assertTrue(
        result.json.get("losses").get(0).asText().contains("the choices follow the stem"),
        result.out);

    Result again = run("validate", written.toString());
    assertEquals(0, again.status, again.out);
    JsonNode report = again.json.get("reports").get(0);
    assertEquals("qti30", report.get("format").asText());
    JsonNode counts = report.get("counts");
    assertEquals(
        2, counts.get("imported").asInt() + counts.get("importedWithLosses").asInt(), again.out);
    // our own export: true/false comes back as true/false (Qti3Writer.DATA_TYPE)
    assertEquals("TRUE_FALSE", report.get("outcomes").get(0).get("type").asText());
    assertEquals("Sterk", report.get("outcomes").get(0).get("title").asText(), again.out);
  }

  @Test
  void wrongUsageSaysHow() {
    Result result = run("convert");
    assertEquals(2, result.status);
    assertTrue(result.err.contains("usage: lms-items validate FILE..."), result.err);
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        LmsItems.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    JsonNode json = null;
    try {
      json = text.isBlank() ? null : new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + text, e);
    }
    return new Result(status, text, err.toString(StandardCharsets.UTF_8), json);
  }

  private record Result(int status, String out, String err, JsonNode json) {}
}
