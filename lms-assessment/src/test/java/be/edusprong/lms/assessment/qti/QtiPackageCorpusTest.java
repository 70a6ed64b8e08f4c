package be.edusprong.lms.assessment.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.Corpus;
import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.ItemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The QTI content package and the two assessment tests of the shared corpus ({@code
 * shared/corpus/qti}, see its MANIFEST.md), read in place (1EdTech / GPL licences: never copied).
 * Skipped when the corpus is absent, like {@link QtiCorpusTest}.
 */
class QtiPackageCorpusTest {

  /** MANIFEST: "1 resource of type imsqti_item_xmlv3p0 → 1 choice item; image must resolve". */
  @Test
  void simpleZipHasOneChoiceItemWhoseImageResolves() throws IOException {
    Path dir = Corpus.assume("qti", "QTI");
    byte[] zip = Files.readAllBytes(dir.resolve("qti30_packages/simple.zip"));

    QtiPackageResult result = new QtiPackageImporter().importPackage(zip, "simple.zip");
    result.describe().forEach(line -> System.out.println("QTI package corpus " + line));

    FidelityReport report = result.report();
    assertFalse(report.refused(), report::refusal);
    assertEquals(BankFormat.QTI30, report.format());
    assertEquals(1, report.outcomes().size(), report::toJson);
    ItemOutcome o = report.outcomes().get(0);
    assertTrue(o.status() != ImportStatus.REJECTED, o.messages()::toString);
    assertEquals(ItemType.CHOICE_SINGLE, o.item().type());
    assertEquals("choice", o.item().identifier());
    assertTrue(
        o.messages().stream().noneMatch(m -> m.contains("sign.png")),
        "the image resolves, so it is no loss: " + o.messages());
    assertEquals(List.of("simple.zip!/choice.xml"), result.locations());
    assertEquals(List.of("images/sign.png"), List.copyOf(result.media().keySet()));
    assertEquals(4029, result.media().get("images/sign.png").length);
  }

  /** MANIFEST: "Test parses; 13 assessmentItemRef; missing item files reported by href". */
  @Test
  void sachsenTestReportsItsElevenMissingItemsByHref() {
    Path test = Corpus.assume("qti", "QTI").resolve("qti21_test/interaction_mix_sachsen.xml");

    QtiPackageResult result = new QtiPackageImporter().importTestFile(test);
    result.describe().forEach(line -> System.out.println("QTI test corpus " + line));

    FidelityReport report = result.report();
    assertFalse(report.refused(), report::refusal);
    assertEquals(13, report.outcomes().size(), report::toJson);
    List<ItemOutcome> missing =
        report.outcomes().stream()
            .filter(o -> o.messages().stream().anyMatch(m -> m.contains("is not in the package")))
            .toList();
    assertEquals(11, missing.size(), report::toJson);
    assertTrue(
        missing.get(0).messages().get(0).contains("item file 'Choicesingle_853928446.xml'"),
        missing.get(0).messages()::toString);
    ItemOutcome first = report.outcomes().get(0);
    assertEquals("Choicetruefalse_176040516", first.item().identifier());
    assertTrue(result.locations().get(0).endsWith("qti21_test/Choicetruefalse_176040516.xml"));
    assertEquals(1, result.sections().size());
    assertEquals(13, result.sections().get(0).itemPaths().size());
  }

  /** rtest02: 9 item refs in nested sections, none of the item files is in the corpus. */
  @Test
  void rtest02ReportsAllNineItemsAsMissing() {
    Path test = Corpus.assume("qti", "QTI").resolve("qti30/test_rtest02.xml");

    QtiPackageResult result = new QtiPackageImporter().importTestFile(test);

    FidelityReport report = result.report();
    assertEquals(BankFormat.QTI30, report.format());
    assertEquals(9, report.rejectedCount(), report::toJson);
    assertTrue(
        report.outcomes().get(0).messages().get(0).contains("item file 'item034.xml'"),
        report.outcomes().get(0).messages()::toString);
    assertEquals(13, report.outcomes().get(0).line());
    assertEquals(
        List.of("Section A", "Section B", "Section B / Section B1"),
        result.sections().stream().map(QtiPackageResult.Section::title).toList());
  }
}
