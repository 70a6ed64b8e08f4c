package be.edusprong.lms.assessment.gift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.TextFormat;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ordering, cloze and gap-match items have no GIFT form: named, refused, never dropped. */
class GiftWriterNotExportableTest {

  private final GiftWriter writer = new GiftWriter();

  private static Choice choice(String id, int weight) {
    return new Choice(id, id, TextFormat.MOODLE, id, BigDecimal.valueOf(weight), "", null);
  }

  private static Item item(
      String id,
      ItemType type,
      String stem,
      List<Choice> choices,
      List<Gap> gaps,
      List<GapText> t) {
    return new Item(
        id,
        "",
        type,
        TextFormat.MOODLE,
        stem,
        stem,
        -1,
        choices,
        List.of(),
        gaps,
        t,
        "",
        "",
        List.of(),
        1,
        stem);
  }

  private static final Item ESSAY =
      item("e1", ItemType.ESSAY, "Schrijf.", List.of(), List.of(), List.of());
  private static final Item ORDER =
      item(
          "o1",
          ItemType.ORDERING,
          "Orden.",
          List.of(choice("A", 0), choice("B", 0)),
          List.of(),
          List.of());
  private static final Item CLOZE =
      item(
          "c1",
          ItemType.CLOZE,
          "[[G1]] en [[G2]]",
          List.of(),
          List.of(
              Gap.cloze("G1", Gap.Kind.TEXT_ENTRY, List.of(choice("A", 100)), 1),
              Gap.cloze("G2", Gap.Kind.TEXT_ENTRY, List.of(choice("A", 100)), 1)),
          List.of());
  private static final Item GAPS =
      item(
          "g1",
          ItemType.GAP_MATCH,
          "[[G1]]",
          List.of(),
          List.of(Gap.gapMatch("G1", "A")),
          List.of(new GapText("A", "kat", TextFormat.PLAIN, "kat", 1, false)));

  @Test
  void eachItemWithoutGiftFormIsNamedWithItsReason() {
    assertNull(GiftWriter.notExportable(ESSAY));
    assertEquals(
        "item 'o1' (ORDERING) cannot be exported to GIFT: GIFT has no ordering question",
        GiftWriter.notExportable(ORDER));
    assertEquals(
        "item 'c1' (CLOZE) cannot be exported to GIFT: GIFT has no cloze (embedded answers)"
            + " question: a GIFT question has one answer block, this item has 2 gap(s)",
        GiftWriter.notExportable(CLOZE));
    assertEquals(
        "item 'g1' (GAP_MATCH) cannot be exported to GIFT: GIFT has no drag-and-drop or"
            + " select-missing-words question",
        GiftWriter.notExportable(GAPS));
    assertEquals(3, GiftWriter.notExportable(List.of(ORDER, ESSAY, CLOZE, GAPS)).size());
    assertEquals(List.of(), GiftWriter.notExportable(List.of(ESSAY)));
  }

  @Test
  void writingRefusesRatherThanDropping() {
    IllegalArgumentException list =
        assertThrows(
            IllegalArgumentException.class, () -> writer.write(List.of(ESSAY, ORDER, GAPS)));
    assertEquals(
        String.join("; ", GiftWriter.notExportable(List.of(ORDER, GAPS))), list.getMessage());
    IllegalArgumentException one =
        assertThrows(IllegalArgumentException.class, () -> writer.write(CLOZE));
    assertEquals(GiftWriter.notExportable(CLOZE), one.getMessage());
    assertEquals("// [id:e1]\nSchrijf. {}\n", writer.write(List.of(ESSAY)));
  }
}
