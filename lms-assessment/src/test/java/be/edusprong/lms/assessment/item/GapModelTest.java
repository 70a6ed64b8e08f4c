package be.edusprong.lms.assessment.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model rules of ordering, cloze and gap-match items. */
class GapModelTest {

  private static Choice choice(String id, int weight) {
    return new Choice(id, id, TextFormat.PLAIN, id, BigDecimal.valueOf(weight), "", null);
  }

  private static GapText text(String id) {
    return new GapText(id, "t" + id, TextFormat.PLAIN, "t" + id, 1, false);
  }

  private static Item item(
      ItemType type, String stem, List<Choice> choices, List<Gap> gaps, List<GapText> texts) {
    return new Item(
        "v",
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
        "",
        "",
        List.of(),
        1,
        "x");
  }

  @Test
  void gapIdsAndTokens() {
    assertEquals("G1", Gap.idFor(0));
    assertEquals("G12", Gap.idFor(11));
    assertEquals("[[G3]]", Item.gapToken("G3"));
    var m = Item.GAP_TOKEN.matcher("a [[G1]] b [[G20]]");
    assertTrue(m.find());
    assertEquals("G1", m.group(1));
    assertTrue(m.find());
    assertEquals("G20", m.group(1));
  }

  @Test
  void clozeNeedsEachTokenOnceInTheStemHtml() {
    Gap g1 = Gap.cloze("G1", Gap.Kind.TEXT_ENTRY, List.of(choice("A", 100)), 1);
    Item ok = item(ItemType.CLOZE, "x [[G1]] y", List.of(), List.of(g1), List.of());
    assertEquals(g1, ok.gap("G1").orElseThrow());
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> item(ItemType.CLOZE, "x y", List.of(), List.of(g1), List.of()));
    assertEquals(
        "the stem HTML must hold [[G1]] exactly once, where gap G1 goes", missing.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> item(ItemType.CLOZE, "[[G1]] [[G1]]", List.of(), List.of(g1), List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> item(ItemType.CLOZE, "geen gaten", List.of(), List.of(), List.of()));
    // a gap-match gap does not fit a cloze item, nor a gap in a choice item
    assertThrows(
        IllegalArgumentException.class,
        () ->
            item(
                ItemType.CLOZE,
                "[[G1]]",
                List.of(),
                List.of(Gap.gapMatch("G1", "A")),
                List.of(text("A"))));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            item(
                ItemType.CHOICE_SINGLE,
                "[[G1]]",
                List.of(choice("A", 100), choice("B", 0)),
                List.of(g1),
                List.of()));
  }

  @Test
  void gapRules() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Gap.cloze("G1", Gap.Kind.INLINE_CHOICE, List.of(choice("A", 0)), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> Gap.cloze("G1", Gap.Kind.INLINE_CHOICE, List.of(choice("A", 100)), 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> Gap.cloze("G1", Gap.Kind.INLINE_CHOICE, List.of(), 1));
    assertThrows(IllegalArgumentException.class, () -> Gap.gapMatch("G1", " "));
    assertThrows(
        IllegalArgumentException.class,
        () -> Gap.cloze("G1", Gap.Kind.GAP_TEXT, List.of(choice("A", 100)), 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GapText("A", " ", TextFormat.PLAIN, "", 1, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new GapText("A", "x", TextFormat.PLAIN, "x", 0, false));
  }

  @Test
  void gapMatchGapsMustNameAnExistingGapText() {
    Item ok =
        item(
            ItemType.GAP_MATCH,
            "[[G1]] [[G2]]",
            List.of(),
            List.of(Gap.gapMatch("G1", "B"), Gap.gapMatch("G2", "A")),
            List.of(text("A"), text("B"), text("C")));
    assertEquals("tB", ok.gapText(ok.gap("G1").orElseThrow().gapTextId()).orElseThrow().text());
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                item(
                    ItemType.GAP_MATCH,
                    "[[G1]]",
                    List.of(),
                    List.of(Gap.gapMatch("G1", "Z")),
                    List.of(text("A"))));
    assertEquals("gap G1 names gap text Z, which the item lacks", unknown.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            item(
                ItemType.GAP_MATCH,
                "[[G1]]",
                List.of(),
                List.of(Gap.gapMatch("G1", "A")),
                List.of()));
  }

  @Test
  void orderingNeedsTwoChoicesAndTheOldConstructorStillWorks() {
    assertThrows(
        IllegalArgumentException.class,
        () -> item(ItemType.ORDERING, "x", List.of(choice("A", 0)), List.of(), List.of()));
    Item ordering =
        item(ItemType.ORDERING, "x", List.of(choice("A", 0), choice("B", 0)), List.of(), List.of());
    assertEquals(2, ordering.choices().size());
    Item old =
        new Item(
            "v",
            "",
            ItemType.ESSAY,
            TextFormat.HTML,
            "s",
            "s",
            -1,
            List.of(),
            List.of(),
            "",
            "",
            List.of(),
            1,
            "x");
    assertTrue(old.gaps().isEmpty() && old.gapTexts().isEmpty());
    assertEquals(old, old.withOrigin("", 1));
  }
}
