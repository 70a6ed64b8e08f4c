package be.edusprong.lms.domain.delivery;

/**
 * An assessment as one learner sees it in their list of exams.
 *
 * @param assessment the assessment
 * @param attemptsUsed attempts started so far, submitted or running
 * @param attemptsAllowed the assessment's number plus the learner's extra attempts
 * @param activeAttemptId the running attempt, or null
 * @param open whether an attempt may start or continue now (the window is open)
 */
public record LearnerAssessment(
    Assessment assessment,
    int attemptsUsed,
    int attemptsAllowed,
    String activeAttemptId,
    boolean open) {

  /** Whether the learner can start a new attempt or continue the running one now. */
  public boolean canTake() {
    return open && (activeAttemptId != null || attemptsUsed < attemptsAllowed);
  }
}
