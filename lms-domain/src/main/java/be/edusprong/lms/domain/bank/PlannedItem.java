package be.edusprong.lms.domain.bank;

import be.edusprong.lms.assessment.imports.ImportStatus;
import java.util.List;

/**
 * What an import does with one question of the file: one row of the page's report table.
 *
 * @param status the fidelity report's status
 * @param line 1-based line (start of the question, or the defect of a rejected one)
 * @param column 1-based column
 * @param identifier the item's identifier; null when rejected
 * @param type an {@code ItemType} name; null when rejected
 * @param title the title to show; null when rejected
 * @param category the category path ({@code ""} for none); null when rejected
 * @param messages the report's messages: losses, or why it was rejected (English)
 * @param action what the bank does with it
 * @param storedFormat {@link BankStorage} format; null unless the action stores
 * @param storedSource the source to store; null unless the action stores
 * @param problem why it is not stored (English), for {@link Action#NOT_STORABLE}, {@link
 *     Action#DUPLICATE} and {@link Action#CONFLICT}; null otherwise
 * @param existingVersion the version in the bank for {@link Action#REPLACE} and {@link
 *     Action#CONFLICT}; 0 otherwise
 */
public record PlannedItem(
    ImportStatus status,
    int line,
    int column,
    String identifier,
    String type,
    String title,
    String category,
    List<String> messages,
    Action action,
    String storedFormat,
    String storedSource,
    String problem,
    int existingVersion) {

  /** Copies the messages. */
  public PlannedItem {
    messages = List.copyOf(messages);
  }

  /** What the bank does with a question. */
  public enum Action {
    /** Stored as a new question of the bank. */
    NEW,
    /** Replaces the question with the same identifier (the teacher chose "replace"). */
    REPLACE,
    /** Not stored: the bank has this identifier and the teacher did not choose "replace". */
    CONFLICT,
    /** Not stored: an earlier question of the same file has this identifier. */
    DUPLICATE,
    /** Not stored: no lossless stored form yet ({@link BankStorage#decide}). */
    NOT_STORABLE,
    /** Not stored: the importer rejected it. */
    REJECTED
  }

  /** Whether this question is written to the bank. */
  public boolean stores() {
    return action == Action.NEW || action == Action.REPLACE;
  }

  /** {@code line:column}, as the report shows positions. */
  public String position() {
    return line + ":" + column;
  }
}
