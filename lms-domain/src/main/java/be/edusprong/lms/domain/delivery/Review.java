package be.edusprong.lms.domain.delivery;

/**
 * What a learner sees of a submitted attempt (issue 3, point 3: review options). Each level shows
 * everything the one before it shows.
 */
public enum Review {
  /** Nothing but the confirmation that the attempt was submitted. */
  NONE,
  /** The score and whether it passed. */
  SCORE,
  /** The score and the learner's own responses, marked right or wrong. */
  RESPONSES,
  /** All of the above plus the correct answers and the feedback. */
  FULL
}
