package be.edusprong.lms.assessment.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemModelTest {

  private static Choice choice(String id, int weight) {
    return new Choice(id, id, TextFormat.MOODLE, id, BigDecimal.valueOf(weight), "", null);
  }

  private static Item item(ItemType type, List<Choice> choices, List<MatchPair> pairs) {
    return new Item(
        "vraag-1",
        "",
        type,
        TextFormat.MOODLE,
        "Stam",
        "Stam",
        -1,
        choices,
        pairs,
        "",
        "",
        List.of(),
        1,
        "Stam{}");
  }

  @Test
  void choiceIdsRunLikeSpreadsheetColumns() {
    assertEquals("A", Choice.idFor(0));
    assertEquals("Z", Choice.idFor(25));
    assertEquals("AA", Choice.idFor(26));
    assertEquals("AZ", Choice.idFor(51));
    assertEquals("BA", Choice.idFor(52));
  }

  @Test
  void weightsOutside100PercentAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> choice("A", 101));
    assertThrows(IllegalArgumentException.class, () -> choice("A", -101));
    assertTrue(choice("A", 100).correct());
  }

  @Test
  void rangeIsStoredAsMidpointAndHalfWidth() {
    NumericAnswer a = NumericAnswer.range(new BigDecimal("3.141"), new BigDecimal("3.142"));
    assertEquals(0, a.value().compareTo(new BigDecimal("3.1415")));
    assertEquals(0, a.tolerance().compareTo(new BigDecimal("0.0005")));
    assertEquals(0, a.low().compareTo(new BigDecimal("3.141")));
    assertTrue(a.accepts(new BigDecimal("3.142")));
    assertTrue(!a.accepts(new BigDecimal("3.1421")));
    assertThrows(
        IllegalArgumentException.class, () -> NumericAnswer.range(BigDecimal.ONE, BigDecimal.ZERO));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NumericAnswer(BigDecimal.ONE, BigDecimal.valueOf(-1)));
  }

  @Test
  void listsMustFitTheType() {
    assertThrows(
        IllegalArgumentException.class, () -> item(ItemType.CHOICE_SINGLE, List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> item(ItemType.ESSAY, List.of(choice("A", 100)), List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> item(ItemType.MATCHING, List.of(), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> item(ItemType.CHOICE_SINGLE, List.of(choice("A", 100), choice("A", 0)), List.of()));
  }

  @Test
  void missingWordIndexMustPointAtTheBlank() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new Item(
                "x",
                "",
                ItemType.ESSAY,
                TextFormat.MOODLE,
                "a",
                "a",
                0,
                List.of(),
                List.of(),
                "",
                "",
                List.of(),
                1,
                "a{}"));
  }

  @Test
  void matchAnswersAreDistinctAndIncludeDistractors() {
    List<MatchPair> pairs =
        List.of(
            new MatchPair("A", "Gmail", TextFormat.MOODLE, "Gmail", "e-mail"),
            new MatchPair("B", "Outlook", TextFormat.MOODLE, "Outlook", "e-mail"),
            new MatchPair("C", "Teams", TextFormat.MOODLE, "Teams", "videobellen"),
            new MatchPair("D", "", TextFormat.MOODLE, "", "spreadsheet"));
    Item item = item(ItemType.MATCHING, List.of(), pairs);
    assertEquals(List.of("e-mail", "videobellen", "spreadsheet"), item.matchAnswers());
    assertTrue(pairs.get(3).distractor());
  }

  @Test
  void displayTitleFallsBackToTheStem() {
    Item item = item(ItemType.ESSAY, List.of(), List.of());
    assertEquals("Stam", item.displayTitle());
  }
}
