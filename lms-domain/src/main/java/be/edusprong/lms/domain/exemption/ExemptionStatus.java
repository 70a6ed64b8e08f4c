package be.edusprong.lms.domain.exemption;

/** Where an exemption stands. Only PROPOSED and CONFIRMED are live; the others are history. */
public enum ExemptionStatus {
  /** Proposed by a passed exemption test; waits for a teacher or coach. */
  PROPOSED,
  /** In force: the module counts as exempted for the learner. */
  CONFIRMED,
  /** A proposal that a teacher or coach turned down, with a reason. */
  REJECTED,
  /** Withdrawn with a reason (by staff, or because a regrade made the test fail). */
  REVOKED;

  /** Whether it is PROPOSED or CONFIRMED. */
  public boolean live() {
    return this == PROPOSED || this == CONFIRMED;
  }
}
