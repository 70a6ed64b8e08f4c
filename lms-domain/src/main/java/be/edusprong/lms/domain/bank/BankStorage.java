package be.edusprong.lms.domain.bank;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.gift.GiftWriter;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.qti.QtiItemImporter;
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
 *   <li>{@link #QTI21}: the item's own QTI 2.1 {@code assessmentItem} document, read with {@link
 *       QtiItemImporter#qti21()}. Delivery cannot read it yet.
 * </ol>
 *
 * <p>Anything else (e.g. an ordering item from Moodle XML) is <em>not storable yet</em>: {@link
 * #decide} says why, and the import reports it.
 *
 * <p>TODO(lead): when {@code qti.Qti3Writer} is merged, write such items (and QTI 2.1 ones) as QTI
 * 3.0 here, checked the same way, so that every importable question is storable and readable by
 * delivery.
 */
public final class BankStorage {
  /** Source format: GIFT, as delivery's {@code AssessmentItem.GIFT}. */
  public static final String GIFT = "gift";

  /** Source format: a QTI 3.0 {@code qti-assessment-item}, as delivery's {@code QTI3}. */
  public static final String QTI3 = "qti3";

  /** Source format: the original QTI 2.1 {@code assessmentItem}, until a QTI 3.0 writer exists. */
  public static final String QTI21 = "qti21";

  private BankStorage() {}

  /**
   * What to store for an item, or why it cannot be stored.
   *
   * @param format {@link #GIFT}, {@link #QTI3} or {@link #QTI21}; null when not storable
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
   * @return a storable decision, or one with the problem, e.g. {@code "not storable yet: ORDERING
   *     items have no GIFT syntax ...; a QTI 3.0 writer is needed"}
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
    for (String format : new String[] {QTI3, QTI21}) {
      String namespace = format.equals(QTI3) ? QtiItemImporter.NS_30 : QtiItemImporter.NS_21;
      if (text.contains(namespace)) {
        try {
          if (same(parse(format, text, item.category(), item.sourceLine()), item)) {
            return new Decision(format, text, null);
          }
        } catch (RuntimeException e) {
          // falls through to "not storable yet"
        }
      }
    }
    return new Decision(
        null,
        null,
        "not storable yet: "
            + giftProblem
            + "; keeping it needs a QTI 3.0 writer, which this version does not have");
  }

  /**
   * Reads a stored source back into its item.
   *
   * @param format {@link #GIFT}, {@link #QTI3} or {@link #QTI21}
   * @param source the stored source
   * @param category the stored category, put back on the item
   * @param sourceLine the stored line, put back on the item (1-based)
   * @return the item
   * @throws IllegalArgumentException when the source is not exactly one valid item of the format,
   *     or the format is unknown
   */
  public static Item parse(String format, String source, String category, int sourceLine) {
    String name = "bank";
    if (GIFT.equals(format)) {
      return new GiftParser().parseStored(source, name, category, sourceLine);
    }
    if (QTI3.equals(format) || QTI21.equals(format)) {
      QtiItemImporter importer =
          QTI3.equals(format) ? QtiItemImporter.qti30() : QtiItemImporter.qti21();
      FidelityReport report = importer.importFile(source, name);
      if (report.refused() || report.items().size() != 1 || !report.rejections().isEmpty()) {
        throw new IllegalArgumentException(
            "not one valid "
                + format
                + " item: "
                + (report.refused() ? report.refusal() : report.toJson()));
      }
      return report.items().get(0).withOrigin(category, sourceLine);
    }
    throw new IllegalArgumentException("unknown source format " + format);
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
