package be.edusprong.lms.domain.delivery;

/** Where an attempt stands. */
public enum AttemptStatus {
  /** Running: saves are taken until the deadline. */
  ACTIVE,
  /** Handed in, by the learner or by the server at the deadline; no save is taken any more. */
  SUBMITTED
}
