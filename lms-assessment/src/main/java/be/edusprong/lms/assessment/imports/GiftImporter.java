package be.edusprong.lms.assessment.imports;

import be.edusprong.lms.assessment.gift.GiftParseResult;
import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.gift.GiftProblem;
import be.edusprong.lms.assessment.item.Item;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Adapts {@link GiftParser} to {@link ItemImporter}: every parsed item becomes an {@link
 * ImportStatus#IMPORTED} outcome at its {@link Item#sourceLine()} (column 1), every {@link
 * GiftProblem} a {@link ImportStatus#REJECTED} outcome at its line and column with its message;
 * outcomes are ordered by position. GiftParser does not report losses yet, so no outcome is {@link
 * ImportStatus#IMPORTED_WITH_LOSSES}.
 *
 * <p>Refused: a file that is empty or holds only whitespace ("the file is empty"), or that holds a
 * NUL character ("binary file"). A file with only {@code $CATEGORY:} lines or comments is not
 * refused; its report is complete with no outcomes.
 *
 * <p>Thread-safe and stateless.
 */
public final class GiftImporter implements ItemImporter {

  private final GiftParser parser = new GiftParser();

  @Override
  public BankFormat format() {
    return BankFormat.GIFT;
  }

  /**
   * Imports a GIFT file; see the class comment for how parser results map onto outcomes.
   *
   * @param text the file content
   * @param fileName the name for the report
   * @return the report; never throws on malformed input
   */
  @Override
  public FidelityReport importFile(String text, String fileName) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(fileName, "fileName");
    String body = TextChecks.withoutBom(text);
    String refusal = TextChecks.binaryOrEmpty(body, "this is a binary file, not a GIFT text file");
    if (refusal != null) {
      return FidelityReport.refused(fileName, BankFormat.GIFT, refusal);
    }
    GiftParseResult result = parser.parse(body, fileName);
    List<ItemOutcome> outcomes = new ArrayList<>();
    for (Item item : result.items()) {
      outcomes.add(ItemOutcome.imported(item, item.sourceLine(), 1));
    }
    for (GiftProblem p : result.problems()) {
      outcomes.add(ItemOutcome.rejected(p.line(), p.column(), p.message()));
    }
    outcomes.sort(Comparator.comparingInt(ItemOutcome::line).thenComparingInt(ItemOutcome::column));
    return FidelityReport.of(fileName, BankFormat.GIFT, outcomes);
  }
}
