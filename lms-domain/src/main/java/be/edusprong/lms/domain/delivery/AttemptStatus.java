package be.edusprong.lms.domain.delivery;

/** Where an attempt stands. */
public enum AttemptStatus {
  /**
   * Generated before the sitting (its questions drawn and shuffled) and waiting for its learner to
   * start; it has no start time or deadline yet and does not count as a used attempt.
   */
  PREPARED,
  /** Running: saves are taken until the deadline. */
  ACTIVE,
  /** Handed in, by the learner or by the server at the deadline; no save is taken any more. */
  SUBMITTED
}
