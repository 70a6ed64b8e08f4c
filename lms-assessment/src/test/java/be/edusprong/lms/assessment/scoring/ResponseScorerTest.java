package be.edusprong.lms.assessment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.item.Item;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseScorerTest {

  private final ResponseScorer scorer = new ResponseScorer();

  private static Item item(String gift) {
    return new GiftParser().parseStrict(gift, "test.gift").get(0);
  }

  private static void assertRaw(String expected, Outcome outcome) {
    assertEquals(
        0, new BigDecimal(expected).compareTo(outcome.score().raw()), () -> "raw " + outcome);
    assertEquals(0, BigDecimal.ONE.compareTo(outcome.score().max()));
  }

  @Test
  void singleChoiceIsMatchCorrectWithPartialCreditAndFeedback() {
    Item item =
        item(
            """
            Welk programma is een browser?{
              ~Word#Tekstverwerker.
              ~%50%Chromium#Bijna: de basis van Chrome.
              =Firefox#Juist.
              ~%-50%Virus#Zeker niet.
              ####Een browser toont webpagina's.
            }
            """);
    Outcome right = scorer.score(item, ChoiceResponse.of("C"));
    assertRaw("1", right);
    assertTrue(right.correct());
    assertFalse(right.manual());
    assertEquals(List.of("Juist.", "Een browser toont webpagina&#39;s."), right.feedbackHtml());

    assertRaw("0.5", scorer.score(item, ChoiceResponse.of("B")));
    assertRaw("0", scorer.score(item, ChoiceResponse.of("A")));
    assertRaw("0", scorer.score(item, ChoiceResponse.of("D")));
    Outcome two = scorer.score(item, ChoiceResponse.of("B", "C"));
    assertRaw("0", two);
    assertEquals(List.of("Een browser toont webpagina&#39;s."), two.feedbackHtml());
    assertRaw("0", scorer.score(item, new ChoiceResponse(java.util.Set.of())));
  }

  @Test
  void trueFalse() {
    Item item = item("Een wachtwoord deel je niet.{TRUE#Toch wel niet.#Goed.}");
    Outcome right = scorer.score(item, ChoiceResponse.of("TRUE"));
    assertTrue(right.correct());
    assertEquals(List.of("Goed."), right.feedbackHtml());
    Outcome wrong = scorer.score(item, ChoiceResponse.of("FALSE"));
    assertFalse(wrong.correct());
    assertEquals(List.of("Toch wel niet."), wrong.feedbackHtml());
  }

  @Test
  void multipleChoiceSumsWeightsClampedToZero() {
    Item item =
        item(
            """
            Welke zijn sterke wachtwoorden?{
              ~%50%paard-batterij-nietje#Goed.
              ~%50%Tr0mp3t-Zon-Kaas!#Goed.
              ~%-100%wachtwoord#Fout.
              ~%-50%Jan1990#Fout.
            }
            """);
    assertTrue(scorer.score(item, ChoiceResponse.of("A", "B")).correct());
    assertRaw("0.5", scorer.score(item, ChoiceResponse.of("A")));
    assertRaw("0.5", scorer.score(item, ChoiceResponse.of("A", "B", "D")));
    Outcome clamped = scorer.score(item, ChoiceResponse.of("A", "C"));
    assertRaw("0", clamped);
    assertEquals(List.of("Goed.", "Fout."), clamped.feedbackHtml());
  }

  @Test
  void roundedThirdsStillReachFullMarks() {
    Item item = item("Kies de drie.{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}");
    assertTrue(scorer.score(item, ChoiceResponse.of("A", "B", "C")).correct());
    BigDecimal third = scorer.score(item, ChoiceResponse.of("A")).score().raw();
    assertEquals(
        0, third.setScale(4, java.math.RoundingMode.HALF_UP).compareTo(new BigDecimal("0.3333")));
  }

  @ParameterizedTest
  @CsvSource({
    "cloud, 1",
    "  CLOUD , 1",
    "de  cloud, 0.75",
    "een regenwolk, 0.5",
    "iets anders, 0",
    "'', 0",
  })
  void shortAnswerIsCaseInsensitiveWithWildcards(String response, String raw) {
    Item item =
        item(
            """
            Hoe heet opslag op het internet?{
              =cloud#Juist.
              =%75%de cloud#Zonder lidwoord.
              =%50%*wolk*#Nederlands.
            }
            """);
    assertRaw(raw, scorer.score(item, new TextResponse(response)));
  }

  @Test
  void shortAnswerCatchAllGivesFeedbackOnly() {
    Item item = item("Beste dier?{=Kikker#Goed! =%0%*#Helemaal fout.}");
    Outcome outcome = scorer.score(item, new TextResponse("kat"));
    assertRaw("0", outcome);
    assertEquals(List.of("Helemaal fout."), outcome.feedbackHtml());
  }

  @Test
  void caseSensitiveScorerTellsCapitalsApart() {
    Item item = item("Hoofdstad van Frankrijk?{=Parijs}");
    assertRaw("0", ResponseScorer.caseSensitive().score(item, new TextResponse("parijs")));
    assertRaw("1", ResponseScorer.caseSensitive().score(item, new TextResponse("Parijs")));
  }

  @Test
  void escapedStarIsLiteral() {
    Item item = item("Welk teken vermenigvuldigt?{=\\*}");
    assertRaw("1", scorer.score(item, new TextResponse("*")));
    assertRaw("0", scorer.score(item, new TextResponse("x")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2,5|1",
        "2.5|1",
        "2,54|1",
        "2,6|0.5",
        "2,71|0",
        "'  2,5 '|1",
        "abc|0",
        "''|0",
      })
  void numericalAcceptsCommaAndDotWithTolerance(String response, String raw) {
    Item item =
        item("Hoeveel is 5 gedeeld door 2?{#=2.5:0.05#Juist. =%50%2.5:0.1#Net niet. ~#Nee.}");
    assertRaw(raw, scorer.score(item, new TextResponse(response)));
  }

  @Test
  void numericalFeedbackAndRange() {
    Item item = item("Kies een getal van 1 tot 5.{#1..5#Goed.~#Buiten het bereik.}");
    assertEquals(List.of("Goed."), scorer.score(item, new TextResponse("5")).feedbackHtml());
    assertEquals(
        List.of("Buiten het bereik."), scorer.score(item, new TextResponse("5,01")).feedbackHtml());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "3,5|3.5",
        "-2.25|-2.25",
        "\u22122|-2",
        "1 822|1822",
        "1.822,5|1822.5",
        "1,822.5|1822.5",
        "1.000.000|1000000",
        "1e3|1000",
        ".5|0.5",
      })
  void numbersAreReadAsTyped(String typed, String value) {
    assertEquals(
        0, ResponseScorer.parseNumber(typed).orElseThrow().compareTo(new BigDecimal(value)));
  }

  @Test
  void nonNumbersAreRejected() {
    assertEquals(Optional.empty(), ResponseScorer.parseNumber("twee"));
    assertEquals(Optional.empty(), ResponseScorer.parseNumber("1,2,3.4.5"));
    assertEquals(Optional.empty(), ResponseScorer.parseNumber("-"));
  }

  @Test
  void matchingScoresPerPairAndIgnoresDistractors() {
    Item item =
        item(
            """
            Koppel de app aan wat ze doet.{
              =Gmail -> e-mail
              =Outlook -> e-mail
              =Teams -> videobellen
              = -> rekenblad
            }
            """);
    Map<String, String> all = Map.of("A", "e-mail", "B", "e-mail", "C", "videobellen");
    assertTrue(scorer.score(item, new MatchResponse(all)).correct());
    Outcome partial =
        scorer.score(item, new MatchResponse(Map.of("A", "e-mail", "C", "rekenblad")));
    assertEquals(
        0,
        partial
            .score()
            .raw()
            .compareTo(BigDecimal.ONE.divide(new BigDecimal(3), java.math.MathContext.DECIMAL64)));
    assertThrows(
        IllegalArgumentException.class,
        () -> scorer.score(item, new MatchResponse(Map.of("D", "rekenblad"))));
  }

  @Test
  void essayAndDescriptionAreManual() {
    Outcome essay =
        scorer.score(item("Waarom?{####Denk aan privacy.}"), new TextResponse("Omdat."));
    assertTrue(essay.manual());
    assertFalse(essay.correct());
    assertEquals(0, essay.score().max().compareTo(BigDecimal.ONE));
    assertEquals(List.of("Denk aan privacy."), essay.feedbackHtml());
    Outcome description = scorer.score(item("Lees eerst de tekst."), ChoiceResponse.of());
    assertTrue(description.manual());
    assertEquals(Score.NONE, description.score());
  }

  @Test
  void wrongResponseKindOrUnknownIdIsRejected() {
    Item choice = item("Ja?{=ja ~nee}");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> scorer.score(choice, new TextResponse("ja")));
    assertTrue(e.getMessage().contains("takes a ChoiceResponse"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> scorer.score(choice, ChoiceResponse.of("Z")));
  }
}
