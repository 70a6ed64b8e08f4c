package be.edusprong.lms.assessment.imports;

import be.edusprong.lms.assessment.item.Item;
import java.util.List;
import java.util.Objects;

/**
 * What became of one question of an imported file: one row of a {@link FidelityReport}.
 *
 * @param status imported, imported with losses, or rejected
 * @param item the item; null exactly when {@code status} is {@link ImportStatus#REJECTED}
 * @param line 1-based line: where the question starts for an imported one, where the defect was
 *     found for a rejected one
 * @param column 1-based column on that line, counting UTF-16 code units (a tab counts as one)
 * @param messages for {@link ImportStatus#IMPORTED_WITH_LOSSES} what was dropped and why, for
 *     {@link ImportStatus#REJECTED} why (at least one message each); empty for {@link
 *     ImportStatus#IMPORTED}. English, one sentence each, without the position (the report adds it)
 */
public record ItemOutcome(
    ImportStatus status, Item item, int line, int column, List<String> messages) {

  /**
   * Validates the outcome and copies the messages.
   *
   * @throws IllegalArgumentException when line or column is below 1, the item is missing for an
   *     imported question or present for a rejected one, or the messages do not fit the status
   */
  public ItemOutcome {
    Objects.requireNonNull(status, "status");
    messages = List.copyOf(messages);
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based");
    }
    if ((status == ImportStatus.REJECTED) != (item == null)) {
      throw new IllegalArgumentException(
          status == ImportStatus.REJECTED
              ? "a rejected question has no item"
              : status + " needs its item");
    }
    if ((status == ImportStatus.IMPORTED) != messages.isEmpty()) {
      throw new IllegalArgumentException(
          status == ImportStatus.IMPORTED
              ? "a question imported without losses carries no messages"
              : status + " needs at least one message saying what and why");
    }
  }

  /**
   * A question imported with nothing lost.
   *
   * @param item the item
   * @param line 1-based line where the question starts
   * @param column 1-based column where the question starts
   * @return the outcome
   */
  public static ItemOutcome imported(Item item, int line, int column) {
    return new ItemOutcome(ImportStatus.IMPORTED, item, line, column, List.of());
  }

  /**
   * A question imported with losses.
   *
   * @param item the item as imported
   * @param line 1-based line where the question starts
   * @param column 1-based column where the question starts
   * @param losses what was dropped and why, at least one
   * @return the outcome
   */
  public static ItemOutcome importedWithLosses(
      Item item, int line, int column, List<String> losses) {
    return new ItemOutcome(ImportStatus.IMPORTED_WITH_LOSSES, item, line, column, losses);
  }

  /**
   * A rejected question.
   *
   * @param line 1-based line of the defect
   * @param column 1-based column of the defect
   * @param reason why, and if possible how to fix it
   * @return the outcome
   */
  public static ItemOutcome rejected(int line, int column, String reason) {
    return new ItemOutcome(ImportStatus.REJECTED, null, line, column, List.of(reason));
  }

  /**
   * The compiler-style position and messages, which editors and CI logs turn into links.
   *
   * @param fileName the file the outcome belongs to
   * @return {@code fileName:line:column: STATUS: message; message}
   */
  public String describe(String fileName) {
    String head = fileName + ":" + line + ":" + column + ": " + status;
    return messages.isEmpty() ? head : head + ": " + String.join("; ", messages);
  }
}
