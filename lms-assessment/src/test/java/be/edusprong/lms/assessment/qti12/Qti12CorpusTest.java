package be.edusprong.lms.assessment.qti12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.Corpus;
import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Imports the QTI 1.2 files of the shared corpus, read in place and never copied (licences): the
 * Canvas/Common Cartridge export {@code qti/qti12_canvas/all-question-types_assessment_qti.xml}
 * (MANIFEST: 4 items) and the QTI 1.2 entries inside the {@code scorm_cc/*.imscc} ZIPs, read with
 * {@link ZipInputStream}. Located like the other corpora (system property {@code lms.corpus.dir},
 * else {@code ../../shared/corpus}); SKIPPED when absent.
 */
class Qti12CorpusTest {

  private static final String CANVAS = "qti12_canvas/all-question-types_assessment_qti.xml";

  private static void weights(Item item, String... textEqualsWeight) {
    List<Choice> cs = item.choices();
    assertEquals(textEqualsWeight.length, cs.size(), cs::toString);
    for (int i = 0; i < cs.size(); i++) {
      int eq = textEqualsWeight[i].lastIndexOf('=');
      assertEquals(textEqualsWeight[i].substring(0, eq), cs.get(i).text(), "text " + i);
      BigDecimal expected = new BigDecimal(textEqualsWeight[i].substring(eq + 1));
      assertEquals(0, expected.compareTo(cs.get(i).weightPercent()), cs::toString);
    }
  }

  /** A gap as {@code id:kind:weight:text=weight,...}. */
  static String gap(Gap g) {
    StringBuilder out = new StringBuilder(g.id() + ":" + g.kind() + ":" + g.weight() + ":");
    for (Choice c : g.answers()) {
      out.append(c.id().equals("A") ? "" : ",")
          .append(c.text())
          .append('=')
          .append(c.weightPercent().stripTrailingZeros().toPlainString());
    }
    return out.toString();
  }

  /** The four items of the Common Cartridge export of Canvas' "all question types" quiz. */
  private static void assertAllQuestionTypesCc(FidelityReport r) {
    assertFalse(r.refused(), r::refusal);
    assertEquals(BankFormat.QTI12, r.format());
    assertEquals(4, r.outcomes().size(), r::toJson);
    assertEquals(0, r.rejectedCount(), r::toJson);
    List<Item> items = r.items();
    assertEquals(
        List.of(
            ItemType.CHOICE_SINGLE, ItemType.TRUE_FALSE, ItemType.CHOICE_MULTIPLE, ItemType.ESSAY),
        items.stream().map(Item::type).toList());
    assertEquals(
        List.of(
            "ib5fe05d8f6665faf019cffb4846fa301",
            "i8c2e9671d604c9ace6d692d356479cf9",
            "ia87c485e2981093da808cd01d157c30b",
            "i5ccb43157aa894608ffdeb23aace604a"),
        items.stream().map(Item::identifier).toList());
    items.forEach(i -> assertEquals("ALL QUESTION TYPES QUIZ", i.category()));
    // "How many letters does the word RED have?": 3 (label 2798) is right
    Item mc = items.get(0);
    assertTrue(mc.stemHtml().contains("How many letters does the word"), mc.stemHtml());
    weights(mc, "1=0", "2=0", "3=100", "4=0");
    assertEquals("<p>add 2</p>", mc.choices().get(0).feedbackHtml());
    assertEquals("<p>good!</p> <p>nice job</p>", mc.choices().get(2).feedbackHtml());
    assertEquals("<p>alright</p>", mc.generalFeedbackHtml());
    ItemOutcome mcOutcome = r.outcomes().get(0);
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, mcOutcome.status());
    assertTrue(mcOutcome.messages().get(0).contains("'general_incorrect_fb'"), mcOutcome::toString);
    // "Dogs are insects": False (label 4614)
    Item tf = items.get(1);
    assertEquals(0, tf.choice("FALSE").orElseThrow().weightPercent().compareTo(Choice.FULL_WEIGHT));
    assertEquals(0, tf.choice("TRUE").orElseThrow().weightPercent().signum());
    assertEquals(ImportStatus.IMPORTED, r.outcomes().get(1).status());
    // "Pick all letters of the Alphabet": A, B, C right, 1 and 2 wrong (all or nothing in the file)
    weights(items.get(2), "A=33.33333", "1=-33.33333", "2=-33.33333", "B=33.33333", "C=33.33333");
    assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, r.outcomes().get(2).status());
    Item essay = items.get(3);
    assertEquals("Tell me what you think", essay.title());
    assertTrue(essay.stemHtml().contains("<img"), essay.stemHtml());
    assertEquals(ImportStatus.IMPORTED, r.outcomes().get(3).status());
  }

  @Test
  void canvasCommonCartridgeExportMatchesTheManifest() throws IOException {
    Path dir = Corpus.assume("qti", "QTI");
    String text = Files.readString(dir.resolve(CANVAS), StandardCharsets.UTF_8);
    assertAllQuestionTypesCc(new Qti12Importer().importFile(text, CANVAS));
    assertAllQuestionTypesCc(Importers.importFile(text, CANVAS));
  }

  /** The QTI 1.2 entries of a ZIP, by entry name, in ZIP order. */
  private static Map<String, String> qti12Entries(Path zip) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        if (e.isDirectory()) {
          continue;
        }
        String text = new String(z.readNBytes(5_000_000), StandardCharsets.UTF_8);
        String start = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (Qti12Importer.isQti12(start.stripLeading())) {
          out.put(e.getName(), text);
        }
      }
    }
    return out;
  }

  @Test
  void canvasCartridgeHoldsTheCcAndTheCanvasExport() throws IOException {
    Path dir = Corpus.assume("scorm_cc", "SCORM/CC");
    Map<String, String> entries = qti12Entries(dir.resolve("imscc_canvas_all.imscc"));
    assertEquals(
        List.of(
            "iaa8f9f400b29e514ea8d28fd7ed067f4/assessment_qti.xml",
            "non_cc_assessments/iaa8f9f400b29e514ea8d28fd7ed067f4.xml.qti"),
        List.copyOf(entries.keySet()));
    Qti12Importer importer = new Qti12Importer();
    assertAllQuestionTypesCc(
        importer.importFile(
            entries.get("iaa8f9f400b29e514ea8d28fd7ed067f4/assessment_qti.xml"), "cc"));

    // Canvas' own QTI (question_type metadata), one section per question type
    String name = "non_cc_assessments/iaa8f9f400b29e514ea8d28fd7ed067f4.xml.qti";
    FidelityReport r = importer.importFile(entries.get(name), name);
    r.outcomes().forEach(o -> System.out.println("QTI 1.2 corpus " + o.describe(name)));
    assertFalse(r.refused(), r::refusal);
    assertEquals(11, r.outcomes().size(), r::toJson);
    List<String> rejected = new ArrayList<>();
    r.rejections().forEach(o -> rejected.add(o.messages().get(0)));
    assertEquals(
        List.of(
            "unsupported question type 'calculated_question'",
            "unsupported question type 'calculated_question'",
            "unsupported question type 'file_upload_question'"),
        rejected);
    List<Item> items = r.items();
    assertEquals(
        List.of(
            ItemType.CHOICE_SINGLE,
            ItemType.TRUE_FALSE,
            ItemType.CHOICE_MULTIPLE,
            ItemType.CLOZE,
            ItemType.MATCHING,
            ItemType.NUMERICAL,
            ItemType.ESSAY,
            ItemType.DESCRIPTION),
        items.stream().map(Item::type).toList());
    assertEquals("ALL QUESTION TYPES QUIZ/Multiple Choice Questions", items.get(0).category());
    weights(items.get(0), "1=0", "2=0", "3=100", "4=0");
    // "Roses are [color1], violets are [color2]": one dropdown per blank, RED and BLUE right
    Item dropdowns = items.get(3);
    assertEquals(
        "<div><p>Roses are [[G1]], violets are [[G2]]</p></div>",
        dropdowns.stemHtml(),
        dropdowns::toString);
    assertEquals(
        List.of("G1:INLINE_CHOICE:1:RED=100,BLACK=0", "G2:INLINE_CHOICE:1:SILVER=0,BLUE=100"),
        dropdowns.gaps().stream().map(Qti12CorpusTest::gap).toList());
    assertEquals(ImportStatus.IMPORTED, r.outcomes().get(3).status());
    Item match = items.get(4);
    assertEquals("Yo, match this!", match.title());
    assertEquals(3, match.pairs().stream().filter(p -> !p.distractor()).count(), match::toString);
    assertEquals("Toyota", match.pairs().get(0).premiseText());
    assertEquals("Corolla", match.pairs().get(0).answer());
    assertEquals(6, match.matchAnswers().size(), match::toString);
    // "100/3 = ?": 33.33 with margin 0.01, read as the range 33.32..33.34
    Choice num = items.get(5).choices().get(0);
    assertTrue(num.numeric().accepts(new BigDecimal("33.32")), num::toString);
    assertTrue(num.numeric().accepts(new BigDecimal("33.34")), num::toString);
    assertFalse(num.numeric().accepts(new BigDecimal("33.35")), num::toString);
    assertEquals("ALL QUESTION TYPES QUIZ", items.get(7).category());
    assertEquals("JUST TEXT", items.get(7).title());
  }

  @Test
  void blackboardVistaExportIsReadItemByItem() throws IOException {
    Path dir = Corpus.assume("scorm_cc", "SCORM/CC");
    Map<String, String> entries = qti12Entries(dir.resolve("imscc_bb_vista.imscc"));
    assertEquals(13, entries.size(), entries.keySet()::toString);
    Qti12Importer importer = new Qti12Importer();
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      FidelityReport r = importer.importFile(e.getValue(), e.getKey());
      assertFalse(r.refused(), () -> e.getKey() + ": " + r.refusal());
      r.outcomes().forEach(o -> System.out.println("QTI 1.2 corpus " + o.describe(e.getKey())));
      outcomes.addAll(r.outcomes());
    }
    // the assessment file refers to the 12 question files (11 itemrefs) and each holds one item
    assertEquals(23, outcomes.size());
    assertEquals(
        11,
        outcomes.stream()
            .filter(o -> o.status() == ImportStatus.REJECTED)
            .filter(o -> o.messages().get(0).startsWith("'itemref' refers to"))
            .count());
    // without type metadata the type follows the structure, and that guess is reported
    List<ItemOutcome> items = outcomes.stream().filter(o -> o.item() != null).toList();
    assertEquals(
        List.of(
            ItemType.ESSAY,
            ItemType.CLOZE,
            ItemType.CHOICE_MULTIPLE,
            ItemType.CHOICE_SINGLE,
            ItemType.ESSAY,
            ItemType.CHOICE_SINGLE,
            ItemType.CHOICE_SINGLE),
        items.stream().map(o -> o.item().type()).toList());
    items.forEach(
        o ->
            assertTrue(
                o.messages().stream().anyMatch(m -> m.startsWith("no question type")),
                o::toString));
    // "I'm just a [poor] boy from a poor [family]": two response_str in the flow, two gaps
    Item blanks = items.get(1).item();
    assertEquals("Fill in the blank", blanks.title());
    assertTrue(
        blanks.stemHtml().endsWith("just a [[G1]] boy from a poor [[G2]]"), blanks::stemHtml);
    assertEquals(
        List.of("G1:TEXT_ENTRY:1:poor=100,sad=100", "G2:TEXT_ENTRY:1:family=100"),
        blanks.gaps().stream().map(Qti12CorpusTest::gap).toList());
    // the other five (calculated, jumbled sentence, matching, ...): rejected, not dropped
    assertEquals(12 - 7, outcomes.size() - 11 - items.size());
  }
}
