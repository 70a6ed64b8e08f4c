package be.edusprong.lms.domain.adaptive;

/**
 * Where a unit stands in a learner's path ("jouw traject"). The first three count towards progress
 * (docs/adaptive.md, "Path and progress").
 */
public enum UnitStatus {
  /** Completed: all its practice questions answered ("klaar"). */
  DONE,
  /** Every competence of the unit is mastered ("mag je overslaan"); the learner may still do it. */
  SKIPPABLE,
  /** The learner has a live exemption for the module ("vrijgesteld"). */
  EXEMPTED,
  /** The first unit still to do ("volgende"). */
  NEXT,
  /** A unit still to do after the next one ("later"). */
  LATER;

  /** Whether a unit in this state counts towards the module's progress. */
  public boolean countsTowardsProgress() {
    return this == DONE || this == SKIPPABLE || this == EXEMPTED;
  }
}
