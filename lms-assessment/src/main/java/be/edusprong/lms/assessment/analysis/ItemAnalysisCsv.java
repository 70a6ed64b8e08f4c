package be.edusprong.lms.assessment.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exports an {@link ItemAnalysisReport} as CSV (RFC 4180 via Apache Commons CSV: comma separated,
 * fields quoted only when needed, CRLF line ends, UTF-8 is the caller's choice of writer).
 *
 * <p><b>Numbers.</b> Independent of the server's locale: '.' as decimal separator, no grouping,
 * real numbers rounded half-up to exactly 4 decimals ({@code 0.4677}, {@code 1.0000}); counts are
 * integers. An undefined statistic is an <em>empty</em> cell, and its reason is in the matching
 * {@code *_note} column (empty when the value is defined).
 *
 * <p><b>Items table</b> ({@link #write}), wide format, one row per item in the sitting's order:
 *
 * <pre>
 * item,n,max,mean_score,facility,discrimination,discrimination_note,choice:A,choice:B,...,no_answer
 * </pre>
 *
 * <ul>
 *   <li>{@code max} and {@code mean_score} are in points; {@code facility} in 0..1; {@code
 *       discrimination} the corrected item-total correlation in -1..1 (see {@link ItemAnalysis}).
 *   <li>One {@code choice:<id>} column per choice identifier that occurs in any item, in order of
 *       first declaration across the items; the cell is the number of learners who selected that
 *       choice, or empty when the item has no such choice.
 *   <li>{@code no_answer}: learners who selected no choice; empty for items without choices.
 * </ul>
 *
 * <p><b>Test summary</b> ({@link #writeSummary}), one header and one row:
 *
 * <pre>
 * n,k,max_total,mean_total,sd_total,sd_total_note,alpha,alpha_note</pre>
 *
 * with {@code sd_total} the population standard deviation of the total in points.
 */
public final class ItemAnalysisCsv {

  /** Prefix of the distractor count columns: {@code choice:A}. */
  public static final String CHOICE_PREFIX = "choice:";

  private static final int DECIMALS = 4;

  private ItemAnalysisCsv() {}

  /**
   * Writes the items table.
   *
   * @param report the analysis
   * @param out where the CSV goes; not closed
   * @throws UncheckedIOException when {@code out} fails
   */
  public static void write(ItemAnalysisReport report, Appendable out) {
    Set<String> choiceIds = new LinkedHashSet<>();
    report.items().forEach(i -> choiceIds.addAll(i.choiceCounts().keySet()));
    List<String> header =
        new ArrayList<>(
            List.of(
                "item",
                "n",
                "max",
                "mean_score",
                "facility",
                "discrimination",
                "discrimination_note"));
    choiceIds.forEach(c -> header.add(CHOICE_PREFIX + c));
    header.add("no_answer");
    try {
      CSVPrinter printer = format(header).print(out);
      for (ItemStatistics item : report.items()) {
        List<String> row = new ArrayList<>();
        row.add(item.itemId());
        row.add(Integer.toString(item.n()));
        row.add(number(item.max()));
        row.add(number(item.meanScore()));
        row.add(number(item.facility()));
        row.add(number(item.discrimination().value()));
        row.add(item.discrimination().reason().orElse(""));
        for (String choice : choiceIds) {
          Integer count = item.choiceCounts().get(choice);
          row.add(count == null ? "" : count.toString());
        }
        row.add(item.isChoiceItem() ? Integer.toString(item.noAnswer()) : "");
        printer.printRecord(row);
      }
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the test summary.
   *
   * @param report the analysis
   * @param out where the CSV goes; not closed
   * @throws UncheckedIOException when {@code out} fails
   */
  public static void writeSummary(ItemAnalysisReport report, Appendable out) {
    List<String> header =
        List.of(
            "n",
            "k",
            "max_total",
            "mean_total",
            "sd_total",
            "sd_total_note",
            "alpha",
            "alpha_note");
    try {
      CSVPrinter printer = format(header).print(out);
      printer.printRecord(
          Integer.toString(report.n()),
          Integer.toString(report.k()),
          number(report.maxTotal()),
          number(report.meanTotal()),
          number(report.sdTotal().value()),
          report.sdTotal().reason().orElse(""),
          number(report.alpha().value()),
          report.alpha().reason().orElse(""));
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CSVFormat format(List<String> header) {
    return CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
  }

  /** 4 decimals, half-up, '.' separator; empty for NaN. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    return number(BigDecimal.valueOf(value));
  }

  private static String number(BigDecimal value) {
    // BigDecimal has no negative zero, so -0.00001 prints as 0.0000.
    return value.setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString();
  }
}
