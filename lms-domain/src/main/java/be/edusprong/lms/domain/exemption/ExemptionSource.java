package be.edusprong.lms.domain.exemption;

/** How an exemption came about. */
public enum ExemptionSource {
  /** A passed exemption test (vrijstellingsproef). */
  TEST,
  /**
   * Granted by a teacher or coach on other evidence (a certificate, a portfolio), with a reason.
   */
  GRANTED
}
