package be.edusprong.lms.domain.bank;

import be.edusprong.lms.assessment.imports.FidelityReport;
import java.util.List;

/**
 * The fidelity report of a file and what importing it into the teacher's bank would do, question by
 * question (issue 3: "a teacher may confirm a partial import after seeing the report"). Nothing is
 * written to build it.
 *
 * @param report the importer's report (a refused one has no questions)
 * @param items one per outcome of the report, in file order
 */
public record ImportPreview(FidelityReport report, List<PlannedItem> items) {
  /** Copies the list. */
  public ImportPreview {
    items = List.copyOf(items);
  }

  /** Whether the whole file was refused (not an item bank, unreadable, too large). */
  public boolean refused() {
    return report.refused();
  }

  /**
   * Whether the file imports as a whole: not refused, at least one question, and every question is
   * stored (none rejected, not storable, repeated, or already in the bank without "replace").
   */
  public boolean complete() {
    return !refused() && !items.isEmpty() && items.stream().allMatch(PlannedItem::stores);
  }

  /** The questions that would be written (new or replacing). */
  public int storedCount() {
    return (int) items.stream().filter(PlannedItem::stores).count();
  }

  /** The questions that would not be written, for any reason. */
  public int notStoredCount() {
    return items.size() - storedCount();
  }

  /**
   * The questions with one action.
   *
   * @param action the action
   * @return how many
   */
  public int count(PlannedItem.Action action) {
    return (int) items.stream().filter(i -> i.action() == action).count();
  }
}
