package be.edusprong.lms.assessment.qti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.Corpus;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.qti12.Qti12Importer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Imports every file of the shared QTI corpus ({@code shared/corpus/qti}, see the corpus
 * MANIFEST.md) and checks it against the MANIFEST's expectations: types, correct answers and
 * weights for the items we map, the precise rejection for unsupported interactions, the refusal for
 * files that are no item. Files under {@code qti30*} are read with {@link QtiItemImporter#qti30()},
 * those under {@code qti12*} with {@link Qti12Importer} (details in {@code Qti12CorpusTest}), all
 * others with {@link QtiItemImporter#qti21()}. Content packages (ZIP) are listed in {@link
 * #NOT_HANDLED}, not skipped silently. Read in place, never copied (licences). Located like the
 * other corpora: system property {@code lms.corpus.dir}, else {@code ../../shared/corpus}; SKIPPED
 * when absent.
 */
class QtiCorpusTest {

  /** Files this slice does not import, with the reason; each is still reported by the test. */
  static final Map<String, String> NOT_HANDLED =
      Map.of(
          "qti30_packages/simple.zip",
          "a QTI 3.0 content package (ZIP with imsmanifest.xml): not handled in this slice");

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !n.endsWith(".md"))
          .sorted()
          .toList();
    }
  }

  /** Also the test that shows up as SKIPPED when the corpus is absent. */
  @Test
  void everyFileHasExpectations() throws IOException {
    for (String f : files(Corpus.assume("qti", "QTI"))) {
      assertTrue(EXPECTED.containsKey(f) || NOT_HANDLED.containsKey(f), "no expectations for " + f);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileImportsAsExpected() throws IOException {
    Path dir = Corpus.assume("qti", "QTI");
    List<String> files = files(dir);
    assertFalse(files.isEmpty());
    return files.stream().map(f -> DynamicTest.dynamicTest(f, () -> check(dir, f)));
  }

  private static void check(Path dir, String name) throws IOException {
    if (NOT_HANDLED.containsKey(name)) {
      System.out.println("QTI corpus " + name + ": NOT HANDLED: " + NOT_HANDLED.get(name));
      return;
    }
    String text = new String(Files.readAllBytes(dir.resolve(name)), StandardCharsets.UTF_8);
    QtiItemImporter importer =
        name.startsWith("qti30") ? QtiItemImporter.qti30() : QtiItemImporter.qti21();
    FidelityReport report =
        name.startsWith("qti12")
            ? new Qti12Importer().importFile(text, name)
            : importer.importFile(text, name);
    System.out.println(
        "QTI corpus "
            + name
            + ": "
            + (report.refused()
                ? "REFUSED: " + report.refusal()
                : report.outcomes().get(0).describe(name)));
    EXPECTED.get(name).accept(report);
  }

  // ---- expectation builders ----

  private static Consumer<FidelityReport> refused(String fragment) {
    return r -> {
      assertTrue(r.refused(), () -> "expected a refusal, got " + r.toJson());
      assertTrue(r.refusal().contains(fragment), () -> r.refusal() + " lacks: " + fragment);
    };
  }

  private static Consumer<FidelityReport> rejected(String message, int line, int column) {
    return r -> {
      ItemOutcome o = only(r);
      assertEquals(ImportStatus.REJECTED, o.status(), o.messages()::toString);
      assertTrue(o.messages().get(0).contains(message), () -> o.messages() + " lacks " + message);
      assertEquals(line, o.line(), "line");
      assertEquals(column, o.column(), "column");
    };
  }

  private static Consumer<FidelityReport> imported(
      ImportStatus status, ItemType type, String identifier, Consumer<Item> more) {
    return r -> {
      ItemOutcome o = only(r);
      assertEquals(status, o.status(), o.messages()::toString);
      assertEquals(type, o.item().type());
      assertEquals(identifier, o.item().identifier());
      more.accept(o.item());
    };
  }

  private static ItemOutcome only(FidelityReport r) {
    assertFalse(r.refused(), r::refusal);
    assertEquals(1, r.outcomes().size());
    return r.outcomes().get(0);
  }

  /** Choices as "text=weight" in order. */
  private static Consumer<Item> choices(String... textEqualsWeight) {
    return item -> {
      List<Choice> cs = item.choices();
      assertEquals(textEqualsWeight.length, cs.size(), cs::toString);
      for (int i = 0; i < cs.size(); i++) {
        String[] tw = textEqualsWeight[i].split("=");
        assertEquals(tw[0], cs.get(i).text());
        assertEquals(0, new BigDecimal(tw[1]).compareTo(cs.get(i).weightPercent()), tw[0]);
      }
    };
  }

  /** Pairs as "premise->answer" in order, "->answer" for a distractor. */
  private static Consumer<Item> pairs(String... premiseToAnswer) {
    return item -> {
      List<MatchPair> ps = item.pairs();
      assertEquals(premiseToAnswer.length, ps.size(), ps::toString);
      for (int i = 0; i < ps.size(); i++) {
        assertEquals(premiseToAnswer[i], ps.get(i).premiseText() + "->" + ps.get(i).answer());
      }
    };
  }

  /** Cloze gaps as "id:KIND:text=weight,text=weight", in stem order, each token in the stem. */
  private static Consumer<Item> cloze(String... gaps) {
    return item -> {
      assertEquals(gaps.length, item.gaps().size(), item.gaps()::toString);
      for (int i = 0; i < gaps.length; i++) {
        Gap g = item.gaps().get(i);
        String answers =
            String.join(
                ",",
                g.answers().stream()
                    .map(
                        c ->
                            c.text() + "=" + c.weightPercent().stripTrailingZeros().toPlainString())
                    .toList());
        assertEquals(gaps[i], g.id() + ":" + g.kind() + ":" + answers);
        assertTrue(item.stemHtml().contains(Item.gapToken(g.id())), item::stemHtml);
      }
    };
  }

  /** Gap texts in order, group 1, each usable once. */
  private static Consumer<Item> gapMatch(String... texts) {
    return item -> {
      assertEquals(List.of(texts), item.gapTexts().stream().map(GapText::text).toList());
      assertTrue(item.gapTexts().stream().allMatch(t -> t.group() == 1 && !t.infinite()));
    };
  }

  /** Gap-match gaps as "gapId=gapTextId", each token in the stem. */
  private static Consumer<Item> gaps(String... gapToText) {
    return item -> {
      assertEquals(
          List.of(gapToText), item.gaps().stream().map(g -> g.id() + "=" + g.gapTextId()).toList());
      for (Gap g : item.gaps()) {
        assertTrue(item.stemHtml().contains(Item.gapToken(g.id())), item::stemHtml);
      }
    };
  }

  private static final String RESULT = "a QTI result report (assessmentResult), not an item";

  static final Map<String, Consumer<FidelityReport>> EXPECTED = new LinkedHashMap<>();

  static {
    EXPECTED.put("invalid/malformed.xml", refused("not well-formed XML at line 28, column 11"));
    EXPECTED.put(
        "invalid/noversion.xml",
        refused("root <responseProcessing> without namespace (no QTI version)"));
    // MANIFEST: 4 items (Canvas Common Cartridge export); answers checked in Qti12CorpusTest
    EXPECTED.put(
        "qti12_canvas/all-question-types_assessment_qti.xml",
        r ->
            assertEquals(
                List.of(
                    ItemType.CHOICE_SINGLE,
                    ItemType.TRUE_FALSE,
                    ItemType.CHOICE_MULTIPLE,
                    ItemType.ESSAY),
                r.items().stream().map(Item::type).toList(),
                r::toJson));
    // pair RESPONSE A P, C M, D L; map_response 2/1/1
    EXPECTED.put(
        "qti21/associate.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.MATCHING,
            "associate",
            pairs("Antonio->Prospero", "Capulet->Montague", "Demetrius->Lysander")));
    // single ChoiceA, match_correct; the image is not in the file
    EXPECTED.put(
        "qti21/choice.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.CHOICE_SINGLE,
            "choice",
            choices(
                "You must stay with your luggage at all times.=100",
                "Do not let someone else look after your luggage.=0",
                "Remember your luggage when you leave.=0")));
    // multiple H, O; map_response H=1 O=1 Cl=-1 default -2, upperBound 2
    EXPECTED.put(
        "qti21/choice_multiple.xml",
        imported(
            ImportStatus.IMPORTED,
            ItemType.CHOICE_MULTIPLE,
            "choiceMultiple",
            choices(
                "Hydrogen=50",
                "Helium=-100",
                "Carbon=-100",
                "Oxygen=50",
                "Nitrogen=-100",
                "Chlorine=-50")));
    EXPECTED.put(
        "qti21/extended_text.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.ESSAY,
            "extendedText",
            item -> assertTrue(item.stemHtml().contains("postcard"))));
    // directedPair W G1, Su G2; map_response 1 and 2, default -1: equal gaps and no penalty
    // (losses)
    EXPECTED.put(
        "qti21/gap_match.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.GAP_MATCH,
            "gapMatch",
            gapMatch("winter", "spring", "summer", "autumn").andThen(gaps("G1=A", "G2=C"))));
    EXPECTED.put(
        "qti21/hotspot.xml", rejected("unsupported interaction 'hotspotInteraction'", 15, 3));
    EXPECTED.put(
        "qti21/hottext.xml", rejected("unsupported interaction 'hottextInteraction'", 22, 3));
    // single Y (York), match_correct: a cloze item with one inline-choice gap
    EXPECTED.put(
        "qti21/inline_choice.xml",
        imported(
            ImportStatus.IMPORTED,
            ItemType.CLOZE,
            "inlineChoice",
            cloze("G1:INLINE_CHOICE:Gloucester=0,Lancaster=0,York=100")));
    // directedPair C R, D M, L M, P T; weights 1/0.5/0.5/1 are a loss
    EXPECTED.put(
        "qti21/match.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.MATCHING,
            "match",
            pairs(
                "Capulet->Romeo and Juliet",
                "Demetrius->A Midsummer-Night's Dream",
                "Lysander->A Midsummer-Night's Dream",
                "Prospero->The Tempest")));
    EXPECTED.put(
        "qti21/modalFeedback.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.CHOICE_SINGLE,
            "Example01-modalFeedback",
            choices("True=100", "False=0")
                .andThen(item -> assertTrue(item.generalFeedbackHtml().contains("incorrect")))));
    // ordered DriverC, DriverA, DriverB; match_correct
    EXPECTED.put(
        "qti21/order.xml",
        imported(
            ImportStatus.IMPORTED,
            ItemType.ORDERING,
            "order",
            choices("Michael Schumacher=0", "Rubens Barrichello=0", "Jenson Button=0")));
    EXPECTED.put(
        "qti21/slider.xml", rejected("unsupported interaction 'sliderInteraction'", 27, 3));
    EXPECTED.put("qti21/template.xml", rejected("template variables ('templateDeclaration'", 8, 2));
    // string York; map_response York=1 york=0.5
    EXPECTED.put(
        "qti21/text_entry.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.SHORT_ANSWER,
            "textEntry",
            choices("York=100", "york=50").andThen(item -> assertTrue(item.missingWord()))));
    EXPECTED.put(
        "qti21_test/Choicetruefalse_176040516.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.CHOICE_SINGLE,
            "Choicetruefalse_176040516",
            choices("Richtig=100", "Falsch=0")));
    // two float text entries (4.0 and 2.0): a cloze item with two numerical gaps
    EXPECTED.put(
        "qti21_test/TextEntrynumeric_2040297025.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.CLOZE,
            "TextEntrynumeric_2040297025",
            cloze("G1:NUMERICAL:4.0=100", "G2:NUMERICAL:2.0=100")));
    EXPECTED.put(
        "qti21_test/interaction_mix_sachsen.xml",
        refused("a QTI assessment test referring to 13 item file(s), not an item"));
    EXPECTED.put(
        "qti30/Example01-modalFeedback.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.CHOICE_SINGLE,
            "Example01-modalFeedback",
            choices("True=100", "False=0")));
    EXPECTED.put(
        "qti30/QTI3-inline-choice.xml",
        imported(
            ImportStatus.IMPORTED,
            ItemType.CLOZE,
            "QTI3-inline-choice",
            cloze("G1:INLINE_CHOICE:Gloucester=0,Lancaster=0,York=100")));
    EXPECTED.put(
        "qti30/QTI3-match.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.MATCHING,
            "QTI3-match",
            pairs(
                "Capulet->Romeo and Juliet",
                "Demetrius->A Midsummer-Night's Dream",
                "Lysander->A Midsummer-Night's Dream",
                "Prospero->The Tempest")));
    EXPECTED.put(
        "qti30/QTI3-order.xml",
        imported(
            ImportStatus.IMPORTED,
            ItemType.ORDERING,
            "QTI3-order",
            choices("Michael Schumacher=0", "Rubens Barrichello=0", "Jenson Button=0")));
    // multiple H, O with match_correct: 100 split over the two, the others negative (a loss)
    EXPECTED.put(
        "qti30/QTI3multiplechoice2.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.CHOICE_MULTIPLE,
            "QTI3multiplechoice2",
            choices(
                "Hydrogen=50",
                "Helium=-50",
                "Carbon=-50",
                "Oxygen=50",
                "Nitrogen=-50",
                "Chlorine=-50")));
    // multiple H, O with map_response (same mapping as choice_multiple.xml)
    EXPECTED.put(
        "qti30/RTL_Hebrew.xml",
        imported(
            ImportStatus.IMPORTED,
            ItemType.CHOICE_MULTIPLE,
            "choice_multiple_rtl_he",
            choices("מימן=50", "הליום=-100", "פחם=-100", "חמצן=50", "חנקן=-100", "כלור=-50")
                .andThen(item -> assertTrue(item.stemHtml().contains("dir=\"rtl\"")))));
    EXPECTED.put(
        "qti30/essay.xml",
        imported(
            ImportStatus.IMPORTED,
            ItemType.ESSAY,
            "essay",
            item -> assertNotNull(item.stemHtml())));
    EXPECTED.put(
        "qti30/gap-match-example-1.xml",
        imported(
            ImportStatus.IMPORTED_WITH_LOSSES,
            ItemType.GAP_MATCH,
            "gap-match-example-1",
            gapMatch("winter", "spring", "summer", "autumn").andThen(gaps("G1=A", "G2=C"))));
    EXPECTED.put(
        "qti30/slider-1.xml", rejected("unsupported interaction 'qti-slider-interaction'", 16, 5));
    EXPECTED.put(
        "qti30/test_rtest02.xml",
        refused("a QTI assessment test referring to 9 item file(s), not an item"));
    EXPECTED.put(
        "qti30/upload-interaction.xml",
        rejected("unsupported interaction 'qti-upload-interaction'", 14, 7));
    EXPECTED.put("results/qti3_results_report.xml", refused(RESULT));
    EXPECTED.put("results/simple-assessment-result.xml", refused(RESULT));
  }
}
