package be.edusprong.lms.domain.progress;

/**
 * A learner's progress in one module: completed units over units (issue 2, point 7).
 *
 * @param moduleCode the module
 * @param completedUnits units whose practice questions are all answered, 0..units
 * @param units units in the module, 0 or more
 */
public record ModuleProgress(String moduleCode, int completedUnits, int units) {
  public ModuleProgress {
    if (completedUnits < 0 || units < 0 || completedUnits > units) {
      throw new IllegalArgumentException(
          "progress " + completedUnits + "/" + units + " for " + moduleCode);
    }
  }

  /** Progress as a whole percentage, 0-100, rounded down; 0 for a module without units. */
  public int percent() {
    return units == 0 ? 0 : completedUnits * 100 / units;
  }

  /** Whether every unit is completed (and there is at least one). */
  public boolean complete() {
    return units > 0 && completedUnits == units;
  }
}
