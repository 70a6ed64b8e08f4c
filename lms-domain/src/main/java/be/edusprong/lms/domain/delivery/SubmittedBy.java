package be.edusprong.lms.domain.delivery;

/** Who ended an attempt. */
public enum SubmittedBy {
  /** The learner handed it in. */
  LEARNER,
  /** The server submitted it at its deadline (issue 3, point 4: "even if the browser is gone"). */
  SERVER
}
