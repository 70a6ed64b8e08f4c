package be.edusprong.lms.domain.enrolment;

/** The state of an enrolment (inschrijving). */
public enum EnrolmentStatus {
  ACTIVE,
  COMPLETED,
  WITHDRAWN
}
