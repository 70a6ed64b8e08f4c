package be.edusprong.lms.assessment.gift;

import be.edusprong.lms.assessment.item.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * "The same items" as {@link GiftWriter} promises them: equal in every component of {@link Item}
 * (records compare {@code BigDecimal} weights with their scale) except {@link Item#sourceLine()}
 * and {@link Item#sourceText()}, which describe the place in the file that was read.
 */
final class SameItems {

  private SameItems() {}

  /** The item with its origin blanked out, so that {@code equals} compares the rest. */
  static Item withoutOrigin(Item item) {
    return new Item(
        item.identifier(),
        item.title(),
        item.type(),
        item.stemFormat(),
        item.stemText(),
        item.stemHtml(),
        item.missingWordIndex(),
        item.choices(),
        item.pairs(),
        item.generalFeedbackHtml(),
        item.category(),
        item.tags(),
        1,
        "");
  }

  static boolean same(Item a, Item b) {
    return withoutOrigin(a).equals(withoutOrigin(b));
  }

  /**
   * The components in which two items differ, {@code sourceLine} and {@code sourceText} left out.
   *
   * @return e.g. {@code ["choices: [...] != [...]"]}; empty when the items are the same
   */
  static List<String> differences(Item a, Item b) {
    List<String> out = new ArrayList<>();
    diff(out, "identifier", a.identifier(), b.identifier());
    diff(out, "title", a.title(), b.title());
    diff(out, "type", a.type(), b.type());
    diff(out, "stemFormat", a.stemFormat(), b.stemFormat());
    diff(out, "stemText", a.stemText(), b.stemText());
    diff(out, "stemHtml", a.stemHtml(), b.stemHtml());
    diff(out, "missingWordIndex", a.missingWordIndex(), b.missingWordIndex());
    diff(out, "choices", a.choices(), b.choices());
    diff(out, "pairs", a.pairs(), b.pairs());
    diff(out, "generalFeedbackHtml", a.generalFeedbackHtml(), b.generalFeedbackHtml());
    diff(out, "category", a.category(), b.category());
    diff(out, "tags", a.tags(), b.tags());
    return out;
  }

  private static void diff(List<String> out, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + ": " + a + " != " + b);
    }
  }
}
