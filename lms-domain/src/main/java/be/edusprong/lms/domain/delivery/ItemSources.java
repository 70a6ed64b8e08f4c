package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.qti.QtiItemImporter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the stored source of an assessment question back into an {@link Item}: GIFT with the GIFT
 * parser, QTI 3.0 with the QTI importer, the platform's own lossless form with {@link ItemJson}.
 * Parsed items are cached by their source text (as {@code PracticeItems} does), so a corrected
 * question is never served from a stale entry; the cache is emptied when it holds {@value
 * #MAX_CACHED} sources.
 */
@ApplicationScoped
public class ItemSources {
  private static final int MAX_CACHED = 5_000;

  private final Map<String, Item> parsed = new ConcurrentHashMap<>();

  /**
   * The question as an item.
   *
   * @param stored the stored question
   * @return the item
   * @throws IllegalStateException when the stored source no longer parses to exactly one item (it
   *     was checked when stored, so this is a defect)
   */
  public Item item(AssessmentItem stored) {
    return item(stored.getSourceFormat(), stored.getSource(), stored.getAssessmentId());
  }

  /**
   * A source as an item.
   *
   * @param format {@link AssessmentItem#GIFT}, {@link AssessmentItem#QTI3} or {@link
   *     ItemJson#FORMAT}
   * @param source the source text
   * @param assessmentId for the name in messages
   * @return the item
   * @throws IllegalArgumentException when the source is not exactly one valid item of the format
   */
  static Item parse(String format, String source, long assessmentId) {
    return parse(format, source, "assessment/" + assessmentId, "", 1);
  }

  /**
   * A stored source as an item, with the category and line it is kept under (the one reader of
   * every stored form, for assessments and the item bank alike).
   *
   * @param format {@link AssessmentItem#GIFT}, {@link AssessmentItem#QTI3} or {@link
   *     ItemJson#FORMAT}
   * @param source the source text
   * @param name the name for messages
   * @param category the category to put on the item
   * @param sourceLine the 1-based line to put on the item
   * @return the item
   * @throws IllegalArgumentException when the source is not exactly one valid item of the format,
   *     or the format is unknown
   */
  public static Item parse(
      String format, String source, String name, String category, int sourceLine) {
    if (AssessmentItem.GIFT.equals(format)) {
      return new GiftParser().parseStored(source, name, category, sourceLine);
    }
    if (AssessmentItem.QTI3.equals(format)) {
      FidelityReport report = QtiItemImporter.qti30().importFile(source, name);
      if (report.refused() || report.items().size() != 1 || !report.rejections().isEmpty()) {
        throw new IllegalArgumentException(
            "not one valid QTI 3.0 item: "
                + (report.refused() ? report.refusal() : report.toJson()));
      }
      return report.items().get(0).withOrigin(category, sourceLine);
    }
    if (ItemJson.FORMAT.equals(format)) {
      return ItemJson.read(source).withOrigin(category, sourceLine);
    }
    throw new IllegalArgumentException("unknown source format " + format);
  }

  private Item item(String format, String source, long assessmentId) {
    String key = format + "\n" + source;
    Item cached = parsed.get(key);
    if (cached != null) {
      return cached;
    }
    Item item;
    try {
      item = parse(format, source, assessmentId);
    } catch (RuntimeException e) {
      throw new IllegalStateException("stored question of assessment " + assessmentId, e);
    }
    if (parsed.size() >= MAX_CACHED) {
      parsed.clear();
    }
    parsed.put(key, item);
    return item;
  }
}
