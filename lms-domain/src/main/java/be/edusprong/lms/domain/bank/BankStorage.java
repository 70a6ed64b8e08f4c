package be.edusprong.lms.domain.bank;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.gift.GiftWriter;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.qti.QtiItemImporter;
import be.edusprong.lms.domain.delivery.ItemJson;
import be.edusprong.lms.domain.delivery.ItemSources;
import java.util.Objects;

/**
 * How a question is kept in the bank so that it parses back to the very item that was imported
 * (issue 3, point 2: the bank keeps what was imported, losslessly). Pure and stateless.
 *
 * <p>Order of preference, each checked by parsing the stored source again and comparing the item
 * with the imported one in every component except {@link Item#sourceText()} (the category and line
 * are kept beside the source):
 *
 * <ol>
 *   <li>{@link #GIFT}: {@link GiftWriter#write(Item)} output, read with {@link
 *       GiftParser#parseStored}; the format delivery's {@code ItemSources} reads. GIFT cannot hold
 *       ordering, cloze and gap-match items ({@link GiftWriter#notExportable(Item)}) nor a few
 *       details (see {@link GiftWriter}'s limits);
 *   <li>{@link #QTI3}: the item's own QTI 3.0 {@code qti-assessment-item} document (its {@link
 *       Item#sourceText()} from a QTI 3.0 file or package), read with {@link
 *       QtiItemImporter#qti30()}; also a format {@code ItemSources} reads;
 *   <li>{@link #JSON}: the platform's own form ({@link ItemJson}), which holds every component of
 *       the item and always reads back equal; also read by {@code ItemSources}.
 * </ol>
 *
 * <p>So every importable question is storable and deliverable; a question that still does not read
 * back equal (a defect) is reported as not storable, never dropped silently.
 */
public final class BankStorage {
  /** Source format: GIFT, as delivery's {@code AssessmentItem.GIFT}. */
  public static final String GIFT = "gift";

  /** Source format: a QTI 3.0 {@code qti-assessment-item}, as delivery's {@code QTI3}. */
  public static final String QTI3 = "qti3";

  /**
   * Source format: the platform's own lossless JSON form ({@link ItemJson}), for questions neither
   * GIFT nor their own QTI 3.0 document can hold exactly (ordering, cloze, gap match from Moodle
   * XML, QTI 1.2 or 2.1, and GIFT details the writer cannot keep).
   */
  public static final String JSON = ItemJson.FORMAT;

  private BankStorage() {}

  /**
   * What to store for an item, or why it cannot be stored.
   *
   * @param format {@link #GIFT}, {@link #QTI3} or {@link #JSON}; null when not storable
   * @param source the source to store; null when not storable
   * @param problem why the item cannot be stored (English); null when storable
   */
  public record Decision(String format, String source, String problem) {
    /** Whether there is a source to store. */
    public boolean storable() {
      return source != null;
    }
  }

  /**
   * Chooses the stored form of an imported item (order and checks as on the class).
   *
   * @param item an item of a fidelity report
   * @return a storable decision, or one with the problem (a defect: every item reads back from
   *     JSON), e.g. {@code "not storable: ORDERING items have no GIFT syntax ...; a QTI 3.0 writer
   *     is needed"}
   */
  public static Decision decide(Item item) {
    Objects.requireNonNull(item, "item");
    String giftProblem = GiftWriter.notExportable(item);
    if (giftProblem == null) {
      try {
        String gift = new GiftWriter().write(item);
        if (same(parse(GIFT, gift, item.category(), item.sourceLine()), item)) {
          return new Decision(GIFT, gift, null);
        }
        giftProblem = "GIFT cannot hold this question exactly (it reads back differently)";
      } catch (RuntimeException e) {
        giftProblem = "GIFT cannot hold this question: " + e.getMessage();
      }
    }
    String text = item.sourceText();
    if (text.contains(QtiItemImporter.NS_30)) {
      try {
        if (same(parse(QTI3, text, item.category(), item.sourceLine()), item)) {
          return new Decision(QTI3, text, null);
        }
      } catch (RuntimeException e) {
        // falls through to the platform's own form
      }
    }
    String json = ItemJson.write(item);
    try {
      if (same(parse(JSON, json, item.category(), item.sourceLine()), item)) {
        return new Decision(JSON, json, null);
      }
    } catch (RuntimeException e) {
      return new Decision(null, null, "not storable: " + giftProblem + "; JSON: " + e.getMessage());
    }
    return new Decision(
        null, null, "not storable: " + giftProblem + "; and it does not read back from JSON");
  }

  /**
   * Reads a stored source back into its item.
   *
   * @param format {@link #GIFT}, {@link #QTI3} or {@link #JSON}
   * @param source the stored source
   * @param category the stored category, put back on the item
   * @param sourceLine the stored line, put back on the item (1-based)
   * @return the item
   * @throws IllegalArgumentException when the source is not exactly one valid item of the format,
   *     or the format is unknown
   */
  public static Item parse(String format, String source, String category, int sourceLine) {
    return ItemSources.parse(format, source, "bank", category, sourceLine);
  }

  /** Equal in every component except the source text (the stored text is the new source). */
  static boolean same(Item read, Item imported) {
    return withoutSource(read.withOrigin(imported.category(), imported.sourceLine()))
        .equals(withoutSource(imported));
  }

  private static Item withoutSource(Item i) {
    return new Item(
        i.identifier(),
        i.title(),
        i.type(),
        i.stemFormat(),
        i.stemText(),
        i.stemHtml(),
        i.missingWordIndex(),
        i.choices(),
        i.pairs(),
        i.gaps(),
        i.gapTexts(),
        i.generalFeedbackHtml(),
        i.category(),
        i.tags(),
        i.sourceLine(),
        "");
  }
}
