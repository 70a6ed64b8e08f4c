package be.edusprong.lms.assessment.imports;

/** What became of one question of an imported file (issue 3, "Import": the fidelity report). */
public enum ImportStatus {
  /** The question became an item with nothing lost. */
  IMPORTED,
  /**
   * The question became an item, but something the author wrote could not be kept; the outcome's
   * messages say what was dropped and why.
   */
  IMPORTED_WITH_LOSSES,
  /** The question did not become an item; the outcome's messages say why. */
  REJECTED
}
