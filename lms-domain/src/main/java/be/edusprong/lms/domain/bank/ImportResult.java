package be.edusprong.lms.domain.bank;

/**
 * What {@link ItemBankService#importFile} did.
 *
 * @param outcome stored, or why nothing was written
 * @param preview the report and the plan per question (what was stored, and what was not and why)
 * @param importId the {@link BankImport} log row; null unless {@link Outcome#STORED}
 */
public record ImportResult(Outcome outcome, ImportPreview preview, Long importId) {

  /** Stored, or why nothing was. */
  public enum Outcome {
    /** The questions were written (all of them, or the confirmed part) with a log row. */
    STORED,
    /** The whole file was refused: nothing written. */
    REFUSED,
    /**
     * Some question would not be stored and the teacher did not confirm a partial import: nothing
     * written (all or nothing).
     */
    NOT_CONFIRMED,
    /** Not a single question could be stored: nothing written. */
    NOTHING_TO_STORE
  }

  /** Whether anything was written. */
  public boolean stored() {
    return outcome == Outcome.STORED;
  }
}
