package be.edusprong.lms.assessment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.TextFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scoring of ordering, cloze and gap-match items; every expected score is computed by hand. */
class GapAndOrderScoringTest {

  private final ResponseScorer scorer = new ResponseScorer();

  private static Choice answer(String id, String text, int weight, String feedback) {
    return new Choice(id, text, TextFormat.PLAIN, text, BigDecimal.valueOf(weight), feedback, null);
  }

  private static Choice number(String id, String value, String tolerance, int weight) {
    return new Choice(
        id,
        value + ":" + tolerance,
        TextFormat.PLAIN,
        value,
        BigDecimal.valueOf(weight),
        "",
        new NumericAnswer(new BigDecimal(value), new BigDecimal(tolerance)));
  }

  private static Item item(
      ItemType type, String stem, List<Choice> choices, List<Gap> gaps, List<GapText> texts) {
    return new Item(
        "v1",
        "",
        type,
        TextFormat.HTML,
        stem,
        stem,
        -1,
        choices,
        List.of(),
        gaps,
        texts,
        "Algemeen.",
        "",
        List.of(),
        1,
        "<question/>");
  }

  private static void assertRaw(String expected, Outcome outcome) {
    assertEquals(
        0, new BigDecimal(expected).compareTo(outcome.score().raw()), () -> "raw " + outcome);
    assertEquals(0, BigDecimal.ONE.compareTo(outcome.score().max()));
  }

  // ---- ordering --------------------------------------------------------------------------

  private static final Item ORDER =
      item(
          ItemType.ORDERING,
          "Zet in volgorde",
          List.of(
              answer("A", "een", 0, ""), answer("B", "twee", 0, ""), answer("C", "drie", 0, "")),
          List.of(),
          List.of());

  @Test
  void orderingIsAllOrNothing() {
    Outcome right = scorer.score(ORDER, OrderResponse.of("A", "B", "C"));
    assertRaw("1", right);
    assertTrue(right.correct());
    assertEquals(List.of("Algemeen."), right.feedbackHtml());
    // one swap, or one left out: nothing (match_correct)
    assertRaw("0", scorer.score(ORDER, OrderResponse.of("B", "A", "C")));
    assertRaw("0", scorer.score(ORDER, OrderResponse.of("A", "B")));
    assertRaw("0", scorer.score(ORDER, OrderResponse.of()));
    assertFalse(scorer.score(ORDER, OrderResponse.of("C", "B", "A")).correct());
  }

  @Test
  void orderingRefusesUnknownOrRepeatedIdsAndOtherResponseKinds() {
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> scorer.score(ORDER, OrderResponse.of("A", "B", "Z")));
    assertEquals("item v1 has no choice 'Z'", unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> scorer.score(ORDER, OrderResponse.of("A", "A", "B")));
    assertThrows(IllegalArgumentException.class, () -> scorer.score(ORDER, ChoiceResponse.of("A")));
  }

  // ---- cloze -----------------------------------------------------------------------------

  /** G1 text, weight 2; G2 number, weight 1; G3 one choice, weight 1: total weight 4. */
  private static final Item CLOZE =
      item(
          ItemType.CLOZE,
          "Hoofdstad [[G1]], 7 / 2 = [[G2]], kleur [[G3]].",
          List.of(),
          List.of(
              Gap.cloze(
                  "G1",
                  Gap.Kind.TEXT_ENTRY,
                  List.of(answer("A", "Brussel", 100, "Juist."), answer("B", "Bruxelles", 50, "")),
                  2),
              Gap.cloze(
                  "G2",
                  Gap.Kind.NUMERICAL,
                  List.of(
                      number("A", "3.5", "0.1", 100),
                      new Choice(
                          "B",
                          "*",
                          TextFormat.PLAIN,
                          "*",
                          BigDecimal.ZERO,
                          "Reken opnieuw.",
                          null)),
                  1),
              Gap.cloze(
                  "G3",
                  Gap.Kind.INLINE_CHOICE,
                  List.of(
                      answer("A", "rood", 0, ""),
                      answer("B", "groen", 100, ""),
                      answer("C", "zwart", -50, "")),
                  1)),
          List.of());

  @Test
  void clozeSumsWeightedGapScores() {
    Outcome all =
        scorer.score(CLOZE, new GapResponse(Map.of("G1", " brussel ", "G2", "3,5", "G3", "B")));
    assertRaw("1", all);
    assertTrue(all.correct());
    assertEquals(List.of("Juist.", "Algemeen."), all.feedbackHtml());
    // G1 half (0.5 * 2 = 1), G2 wrong (0), G3 right (1): 2 of 4
    Outcome half =
        scorer.score(CLOZE, new GapResponse(Map.of("G1", "Bruxelles", "G2", "3.7", "G3", "B")));
    assertRaw("0.5", half);
    assertEquals(List.of("Reken opnieuw.", "Algemeen."), half.feedbackHtml());
    // G1 right (2), G3 negative weight counts 0: 2 of 4
    assertRaw("0.5", scorer.score(CLOZE, new GapResponse(Map.of("G1", "Brussel", "G3", "C"))));
    // only G2 right: 1 of 4
    assertRaw("0.25", scorer.score(CLOZE, new GapResponse(Map.of("G2", "3.45"))));
    assertRaw("0", scorer.score(CLOZE, new GapResponse(Map.of())));
    assertRaw("0", scorer.score(CLOZE, new GapResponse(Map.of("G1", "", "G3", ""))));
  }

  @Test
  void clozeMultipleResponseGapIsScoredLikeAMultipleChoice() {
    Item item =
        item(
            ItemType.CLOZE,
            "Priemgetallen: [[G1]]",
            List.of(),
            List.of(
                Gap.cloze(
                    "G1",
                    Gap.Kind.MULTIPLE_RESPONSE,
                    List.of(
                        answer("A", "2", 50, ""),
                        answer("B", "3", 50, ""),
                        answer("C", "4", -100, "")),
                    1)),
            List.of());
    assertRaw("1", scorer.score(item, new GapResponse(Map.of("G1", "A,B"))));
    assertRaw("0.5", scorer.score(item, new GapResponse(Map.of("G1", "B"))));
    assertRaw("0", scorer.score(item, new GapResponse(Map.of("G1", "A, C"))));
  }

  @Test
  void clozeRefusesUnknownGapsAndChoices() {
    IllegalArgumentException gap =
        assertThrows(
            IllegalArgumentException.class,
            () -> scorer.score(CLOZE, new GapResponse(Map.of("G9", "x"))));
    assertEquals("item v1 has no gap 'G9'", gap.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> scorer.score(CLOZE, new GapResponse(Map.of("G3", "Q"))));
    assertThrows(
        IllegalArgumentException.class, () -> scorer.score(CLOZE, new TextResponse("Brussel")));
  }

  // ---- gap match -------------------------------------------------------------------------

  /** Three gaps; text A (infinite) belongs in G1 and G3, B in G2; C and D are distractors. */
  private static final Item GAP_MATCH =
      item(
          ItemType.GAP_MATCH,
          "[[G1]] en [[G2]] en [[G3]]",
          List.of(),
          List.of(Gap.gapMatch("G1", "A"), Gap.gapMatch("G2", "B"), Gap.gapMatch("G3", "A")),
          List.of(
              new GapText("A", "kat", TextFormat.PLAIN, "kat", 1, true),
              new GapText("B", "hond", TextFormat.PLAIN, "hond", 1, false),
              new GapText("C", "vis", TextFormat.PLAIN, "vis", 1, false),
              new GapText("D", "muis", TextFormat.PLAIN, "muis", 2, false)));

  @Test
  void gapMatchGivesEachGapAnEqualShare() {
    Outcome all = scorer.score(GAP_MATCH, new GapResponse(Map.of("G1", "A", "G2", "B", "G3", "A")));
    assertRaw("1", all);
    assertTrue(all.correct());
    Outcome one = scorer.score(GAP_MATCH, new GapResponse(Map.of("G1", "A", "G2", "C")));
    assertEquals(0, new BigDecimal("0.3333333333333333").compareTo(one.score().raw()));
    Outcome two = scorer.score(GAP_MATCH, new GapResponse(Map.of("G2", "B", "G3", "A")));
    assertEquals(0, new BigDecimal("0.6666666666666667").compareTo(two.score().raw()));
    assertRaw("0", scorer.score(GAP_MATCH, new GapResponse(Map.of("G1", "B", "G2", "A"))));
    assertRaw("0", scorer.score(GAP_MATCH, new GapResponse(Map.of())));
  }

  @Test
  void gapMatchRefusesUnknownGapTextsAndGaps() {
    IllegalArgumentException text =
        assertThrows(
            IllegalArgumentException.class,
            () -> scorer.score(GAP_MATCH, new GapResponse(Map.of("G1", "Z"))));
    assertEquals("item v1 has no gap text 'Z'", text.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> scorer.score(GAP_MATCH, new GapResponse(Map.of("G4", "A"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> scorer.score(GAP_MATCH, new MatchResponse(Map.of("G1", "kat"))));
  }
}
