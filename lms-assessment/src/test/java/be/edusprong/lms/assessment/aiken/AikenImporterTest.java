package be.edusprong.lms.assessment.aiken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.imports.BankFormat;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.ImportStatus;
import be.edusprong.lms.assessment.imports.ItemOutcome;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.TextFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AikenImporterTest {

  private final AikenImporter importer = new AikenImporter();

  private FidelityReport report(String aiken) {
    return importer.importFile(aiken, "vragen.txt");
  }

  private List<Item> items(String aiken) {
    FidelityReport r = report(aiken);
    assertTrue(r.complete(), () -> "not complete: " + r.toJson());
    return r.items();
  }

  private ItemOutcome onlyRejection(String aiken) {
    FidelityReport r = report(aiken);
    assertEquals(1, r.rejectedCount(), () -> r.toJson());
    return r.rejections().get(0);
  }

  private static List<String> texts(Item item) {
    return item.choices().stream().map(Choice::text).toList();
  }

  private static List<Integer> weights(Item item) {
    return item.choices().stream().map(c -> c.weightPercent().intValueExact()).toList();
  }

  @Nested
  class Grammar {

    @Test
    void twoQuestionsSeparatedByABlankLine() {
      List<Item> items =
          items(
              """
              Welke poort gebruikt HTTPS standaard?
              A) 80
              B) 443
              C) 21
              ANSWER: B

              Een sterk wachtwoord is
              A. kort en makkelijk
              B. lang en uniek
              ANSWER: B
              """);
      assertEquals(2, items.size());
      Item first = items.get(0);
      assertEquals(ItemType.CHOICE_SINGLE, first.type());
      assertEquals(TextFormat.PLAIN, first.stemFormat());
      assertEquals("Welke poort gebruikt HTTPS standaard?", first.stemText());
      assertEquals(List.of("A", "B", "C"), first.choices().stream().map(Choice::id).toList());
      assertEquals(List.of("80", "443", "21"), texts(first));
      assertEquals(List.of(0, 100, 0), weights(first));
      assertEquals("", first.title());
      assertEquals("Welke poort gebruikt HTTPS standaard?", first.displayTitle());
      assertEquals(1, first.sourceLine());
      assertEquals(
          "Welke poort gebruikt HTTPS standaard?\nA) 80\nB) 443\nC) 21\nANSWER: B",
          first.sourceText());
      assertEquals(7, items.get(1).sourceLine());
      assertEquals(List.of("kort en makkelijk", "lang en uniek"), texts(items.get(1)));
      assertEquals(List.of(0, 100), weights(items.get(1)));
    }

    @Test
    void questionsNeedNoBlankLineBetweenThemAndLineEndingsMayVary() {
      List<Item> items =
          items(
              "\uFEFFVraag een?\r\nA) ja\r\nB) nee\r\nANSWER: A\rVraag twee?\nA) ja\nB) nee\nANSWER: B");
      assertEquals(2, items.size());
      assertEquals("Vraag een?", items.get(0).stemText());
      assertEquals(5, items.get(1).sourceLine());
      assertTrue(items.get(1).choice("B").orElseThrow().correct());
    }

    @Test
    void stemTextIsPlainTextEvenWhenItLooksLikeHtml() {
      Item item =
          items(
                  """
                  Is <b>vet</b> & <script>alert(1)</script> hier gewoon tekst?
                  A) Ja, <i>letterlijk</i>
                  B) Nee
                  ANSWER: A
                  """)
              .get(0);
      assertEquals("Is <b>vet</b> & <script>alert(1)</script> hier gewoon tekst?", item.stemText());
      assertEquals(
          "Is &lt;b&gt;vet&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; hier gewoon"
              + " tekst?",
          item.stemHtml());
      assertEquals("Ja, <i>letterlijk</i>", item.choices().get(0).text());
      assertEquals("Ja, &lt;i&gt;letterlijk&lt;/i&gt;", item.choices().get(0).textHtml());
    }

    @Test
    void aStemMaySpanLinesAndShortLinesAreKept() {
      Item item =
          items(
                  """
                    Hoeveel is
                  2 + 3
                  ?
                  A)\t4
                  B)\t5
                  ANSWER: B
                  """)
              .get(0);
      assertEquals("Hoeveel is\n2 + 3\n?", item.stemText());
      assertEquals("Hoeveel is<br>2 + 3<br>?", item.stemHtml());
      assertEquals(List.of("4", "5"), texts(item));
    }

    @Test
    void anOptionOfOnlyAPunctuationMarkIsARealOption() {
      Item item = items("Welk geluid hoor je?\nA)  .\nB)  .\nC)  .\nANSWER: C\n").get(0);
      assertEquals(List.of(".", ".", "."), texts(item));
      assertEquals(List.of(0, 0, 100), weights(item));
    }

    @Test
    void identifiersAreDerivedFromTheStemAndStayUnique() {
      String q = "Is de aarde rond?\nA) Ja\nB) Nee\nANSWER: A\n\n";
      List<Item> items = items(q + q);
      assertTrue(items.get(0).identifier().startsWith("is-de-aarde-rond-"));
      assertEquals(items.get(0).identifier() + "-2", items.get(1).identifier());
      assertEquals(
          items.get(0).identifier(),
          items("\n\n" + q).get(0).identifier(),
          "moving a question keeps its id");
    }

    @Test
    void textAfterTheAnswerLetterIsALossNotASilentDrop() {
      FidelityReport r =
          report("Hoofdstad van België?\nA) Gent\nB) Brussel\nANSWER: B (zie p. 12)");
      assertTrue(r.complete());
      ItemOutcome o = r.outcomes().get(0);
      assertEquals(ImportStatus.IMPORTED_WITH_LOSSES, o.status());
      assertEquals(
          List.of(
              "text after the answer letter was dropped: '(zie p. 12)' (Aiken has no place for it)"),
          o.messages());
      assertTrue(o.item().choice("B").orElseThrow().correct());
    }

    @Test
    void answerWithoutSpaceAfterColonIsAccepted() {
      assertTrue(items("Ja of nee?\nA) Ja\nB) Nee\nANSWER:A").get(0).choices().get(0).correct());
    }
  }

  @Nested
  class Rejections {

    @Test
    void missingAnswerLineIsRejectedAtTheEndOfTheLastOption() {
      FidelityReport r =
          report(
              """
              Vraag zonder antwoord?
              A) een
              B) twee

              Volgende vraag?
              A) ja
              B) nee
              ANSWER: A
              """);
      assertFalse(r.complete());
      assertEquals(List.of(ImportStatus.REJECTED, ImportStatus.IMPORTED), statuses(r));
      ItemOutcome o = r.outcomes().get(0);
      assertEquals(3, o.line());
      assertEquals(8, o.column());
      assertEquals(List.of("missing 'ANSWER: X' line after option 'B'"), o.messages());
      assertEquals("Volgende vraag?", r.items().get(0).stemText());
      assertEquals(5, r.items().get(0).sourceLine());
    }

    @Test
    void missingAnswerAtEndOfFile() {
      ItemOutcome o = onlyRejection("Vraag?\nA) een\nB) twee\n");
      assertEquals(3, o.line());
      assertTrue(o.messages().get(0).startsWith("missing 'ANSWER: X'"));
    }

    @Test
    void answerLetterMustNameAnOption() {
      ItemOutcome o = onlyRejection("Vraag?\nA) een\nB) twee\nANSWER: D\n");
      assertNull(o.item());
      assertEquals(4, o.line());
      assertEquals(9, o.column());
      assertEquals(
          List.of("'ANSWER: D' names no option; this question has options A to B"), o.messages());
    }

    @Test
    void answerMustBeOneCapitalLetter() {
      assertEquals(9, onlyRejection("Vraag?\nA) een\nB) twee\nANSWER: b\n").column());
      assertTrue(
          onlyRejection("Vraag?\nA) een\nB) twee\nANSWER: AB\n")
              .messages()
              .get(0)
              .contains("found 'AB'"));
      assertTrue(
          onlyRejection("Vraag?\nA) een\nB) twee\nANSWER:\n")
              .messages()
              .get(0)
              .contains("names no option"));
      ItemOutcome lower = onlyRejection("Vraag?\nA) een\nB) twee\nAnswer: A\n");
      assertEquals(4, lower.line());
      assertTrue(lower.messages().get(0).contains("capitals"));
    }

    @Test
    void fewerThanTwoOptions() {
      ItemOutcome o = onlyRejection("Vraag?\nA) enige optie\nANSWER: A\n");
      assertEquals(3, o.line());
      assertEquals(List.of("a question needs at least 2 options, this one has 1"), o.messages());
    }

    @Test
    void optionBeforeAnyQuestionIsRejectedWithoutSwallowingTheNextQuestion() {
      FidelityReport r =
          report(
              """
                A) verdwaalde optie
                B) nog een
                ANSWER: A
              Echte vraag?
              A) ja
              B) nee
              ANSWER: B
              """);
      assertEquals(List.of(ImportStatus.REJECTED, ImportStatus.IMPORTED), statuses(r));
      ItemOutcome o = r.outcomes().get(0);
      assertEquals(1, o.line());
      assertEquals(3, o.column());
      assertTrue(o.messages().get(0).startsWith("option 'A' comes before any question text"));
      assertEquals("Echte vraag?", r.items().get(0).stemText());
    }

    @Test
    void answerLineWithoutQuestion() {
      FidelityReport r = report("Vraag?\nA) ja\nB) nee\nANSWER: A\nANSWER: B\n");
      assertEquals(List.of(ImportStatus.IMPORTED, ImportStatus.REJECTED), statuses(r));
      assertEquals(5, r.outcomes().get(1).line());
    }

    @Test
    void optionsMustBeLetteredInOrder() {
      ItemOutcome o = onlyRejection("Vraag?\nA) een\nC) twee\nD) drie\nANSWER: C\n");
      assertEquals(3, o.line());
      assertEquals(
          List.of("option 'C' where 'B' was expected; letter the options A, B, C, ... in order"),
          o.messages());
    }

    @Test
    void optionWithoutText() {
      ItemOutcome o = onlyRejection("Vraag?\nA) een\nB)\nANSWER: A\n");
      assertEquals(List.of("option 'B' has no text"), o.messages());
    }

    @Test
    void stemWithoutOptions() {
      FidelityReport r = report("Losse tekst zonder opties\n\nVraag?\nA) ja\nB) nee\nANSWER: A\n");
      // A stem followed by another stem after a blank line is one multi-line stem (as Moodle).
      assertTrue(r.complete());
      assertEquals("Losse tekst zonder opties\nVraag?", r.items().get(0).stemText());
      ItemOutcome o = onlyRejection("Vraag?\nA) ja\nB) nee\nANSWER: A\nNog tekst op het einde\n");
      assertEquals(5, o.line());
      assertEquals(
          List.of("question text without options and without an 'ANSWER:' line"), o.messages());
    }
  }

  @Nested
  class Refusals {

    @Test
    void filesThatAreNotAikenAreRefusedSayingWhatTheyAre() {
      assertRefused("", "the file is empty");
      assertRefused("  \n\n", "the file is empty");
      assertRefused("<?xml version=\"1.0\"?><quiz/>", "XML or HTML document");
      assertRefused("{\"statements\": []}", "JSON document");
      assertRefused("abc\0def", "binary file");
      assertRefused("Gewoon een brief.\nMet twee regels.", "no Aiken question found");
    }

    private void assertRefused(String text, String reason) {
      FidelityReport r = report(text);
      assertTrue(r.refused(), text);
      assertFalse(r.complete());
      assertEquals(BankFormat.AIKEN, r.format());
      assertTrue(r.refusal().contains(reason), r.refusal());
      assertTrue(r.outcomes().isEmpty());
    }
  }

  private static List<ImportStatus> statuses(FidelityReport r) {
    return r.outcomes().stream().map(ItemOutcome::status).toList();
  }
}
