package be.edusprong.lms.assessment.imports;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.TextFormat;
import java.util.List;
import java.util.Objects;

/**
 * The result of importing one item-bank file: every question of the file, in source order, as
 * imported, imported with losses, or rejected (issue 3, "Import"). Immutable.
 *
 * <p>A file that is not an item bank of the expected format is <em>refused</em> as a whole: {@link
 * #refusal()} says what the file seems to be and {@link #outcomes()} is empty.
 *
 * <p>All or nothing by default: a caller stores {@link #items()} only when {@link #complete()};
 * storing the items of an incomplete report is a partial import that a teacher must confirm.
 *
 * <p>{@link #toJson()} writes this shape (keys always present, in this order; {@code null} where
 * noted):
 *
 * <pre>{@code
 * {
 *   "file": "wachtwoorden.txt",
 *   "format": "aiken",                  // BankFormat.id()
 *   "refusal": null,                    // or why the whole file was refused
 *   "complete": false,                  // complete()
 *   "counts": {"imported": 1, "importedWithLosses": 0, "rejected": 1},
 *   "outcomes": [                       // one per question, source order
 *     {"status": "IMPORTED", "line": 1, "column": 1,
 *      "identifier": "is-123456-een-sterk-wachtwoord-1a2b3c4d", "type": "CHOICE_SINGLE",
 *      "title": "Is 123456 een sterk wachtwoord?", "messages": []},
 *     {"status": "REJECTED", "line": 9, "column": 9,
 *      "identifier": null, "type": null, "title": null,   // null when rejected
 *      "messages": ["ANSWER: E names no option; ..."]}
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code status} is an {@link ImportStatus} name, {@code type} an {@code ItemType} name, {@code
 * title} the item's {@link Item#displayTitle()}, except that for a stem in a text format ({@code
 * PLAIN}, {@code MOODLE}) text between {@code <} and {@code >} is kept, because there it is text,
 * not markup. Strings are escaped as RFC 8259 requires; {@code <}, {@code >}, {@code &} and
 * U+2028/U+2029 are escaped too, so the JSON can be embedded in HTML.
 *
 * @param fileName the name the file was imported under
 * @param format the format the file was read as
 * @param outcomes one per question, in source order; empty when refused
 * @param refusal why the whole file was refused, or null when it was read
 */
public record FidelityReport(
    String fileName, BankFormat format, List<ItemOutcome> outcomes, String refusal) {

  /**
   * Validates the report and copies the outcomes.
   *
   * @throws IllegalArgumentException when a refused report has outcomes or the refusal is blank
   */
  public FidelityReport {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    outcomes = List.copyOf(outcomes);
    if (refusal != null && (refusal.isBlank() || !outcomes.isEmpty())) {
      throw new IllegalArgumentException("a refusal needs a reason and excludes outcomes");
    }
  }

  /**
   * The report of a file that was read.
   *
   * @param fileName the file name
   * @param format the format
   * @param outcomes one per question, in source order
   * @return the report
   */
  public static FidelityReport of(String fileName, BankFormat format, List<ItemOutcome> outcomes) {
    return new FidelityReport(fileName, format, outcomes, null);
  }

  /**
   * The report of a file that is not an item bank of {@code format}.
   *
   * @param fileName the file name
   * @param format the format it was meant to be read as
   * @param reason what the file seems to be, e.g. {@code "this is an XML document, not Aiken ..."}
   * @return the report, without outcomes
   */
  public static FidelityReport refused(String fileName, BankFormat format, String reason) {
    return new FidelityReport(fileName, format, List.of(), Objects.requireNonNull(reason));
  }

  /**
   * Whether the whole file was refused.
   *
   * @return true when {@link #refusal()} is set
   */
  public boolean refused() {
    return refusal != null;
  }

  /**
   * Whether the file may be imported as a whole: it was not refused and no question was rejected.
   * Losses do not make a report incomplete; they are shown to the teacher.
   *
   * @return true when not refused and there is no {@link ImportStatus#REJECTED} outcome
   */
  public boolean complete() {
    return refusal == null && count(ImportStatus.REJECTED) == 0;
  }

  /**
   * Counts the outcomes with one status.
   *
   * @param status the status
   * @return how many questions have it
   */
  public int count(ImportStatus status) {
    return (int) outcomes.stream().filter(o -> o.status() == status).count();
  }

  /**
   * The number of questions imported without loss.
   *
   * @return {@code count(IMPORTED)}
   */
  public int importedCount() {
    return count(ImportStatus.IMPORTED);
  }

  /**
   * The number of questions imported with losses.
   *
   * @return {@code count(IMPORTED_WITH_LOSSES)}
   */
  public int importedWithLossesCount() {
    return count(ImportStatus.IMPORTED_WITH_LOSSES);
  }

  /**
   * The number of rejected questions.
   *
   * @return {@code count(REJECTED)}
   */
  public int rejectedCount() {
    return count(ImportStatus.REJECTED);
  }

  /**
   * The items of the imported questions, with or without losses.
   *
   * @return the items in source order; rejected questions are absent
   */
  public List<Item> items() {
    return outcomes.stream().map(ItemOutcome::item).filter(Objects::nonNull).toList();
  }

  /**
   * The rejected questions.
   *
   * @return their outcomes, in source order
   */
  public List<ItemOutcome> rejections() {
    return outcomes.stream().filter(o -> o.status() == ImportStatus.REJECTED).toList();
  }

  /**
   * The report as JSON, in the shape documented on this class.
   *
   * @return compact JSON (no insignificant whitespace)
   */
  public String toJson() {
    StringBuilder out = new StringBuilder(256 + 200 * outcomes.size());
    out.append("{\"file\":");
    string(out, fileName);
    out.append(",\"format\":");
    string(out, format.id());
    out.append(",\"refusal\":");
    string(out, refusal);
    out.append(",\"complete\":").append(complete());
    out.append(",\"counts\":{\"imported\":")
        .append(importedCount())
        .append(",\"importedWithLosses\":")
        .append(importedWithLossesCount())
        .append(",\"rejected\":")
        .append(rejectedCount())
        .append("},\"outcomes\":[");
    for (int i = 0; i < outcomes.size(); i++) {
      ItemOutcome o = outcomes.get(i);
      Item item = o.item();
      out.append(i == 0 ? "{" : ",{").append("\"status\":");
      string(out, o.status().name());
      out.append(",\"line\":").append(o.line()).append(",\"column\":").append(o.column());
      out.append(",\"identifier\":");
      string(out, item == null ? null : item.identifier());
      out.append(",\"type\":");
      string(out, item == null ? null : item.type().name());
      out.append(",\"title\":");
      string(out, item == null ? null : title(item));
      out.append(",\"messages\":[");
      for (int m = 0; m < o.messages().size(); m++) {
        if (m > 0) {
          out.append(',');
        }
        string(out, o.messages().get(m));
      }
      out.append("]}");
    }
    return out.append("]}").toString();
  }

  /** Item#displayTitle() removes tags, which in a text-format stem are literal text. */
  private static String title(Item item) {
    if (!item.title().isBlank()
        || item.stemFormat() == TextFormat.HTML
        || item.stemFormat() == TextFormat.MARKDOWN) {
      return item.displayTitle();
    }
    String flat = item.stemText().replaceAll("\\s+", " ").strip();
    return flat.length() <= 60 ? flat : flat.substring(0, 57).strip() + "...";
  }

  /**
   * Appends a JSON string literal (RFC 8259 section 7), or {@code null}.
   *
   * @param out where to append
   * @param value the string, or null
   */
  static void string(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
