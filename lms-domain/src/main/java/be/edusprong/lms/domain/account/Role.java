package be.edusprong.lms.domain.account;

/**
 * The roles of the platform. The name is the security role (Jakarta Security group, web.xml
 * role-name); {@link #dutchName()} is the word the Dutch UI and the demo accounts use.
 */
public enum Role {
  /** Cursist: studies modules, sits assessments. */
  LEARNER("cursist"),
  /** Leraar / lesgever: authors courses, follows enrolments, grades. */
  TEACHER("leraar"),
  /** Trajectbegeleider: follows a caseload of cursisten and acts on dropout risk. */
  COACH("trajectbegeleider"),
  /** Teamverantwoordelijke: enrols a school team in Digisprong modules and follows it. */
  TEAM_LEAD("teamverantwoordelijke"),
  /** Beheerder: manages the accounts of a centre. */
  ADMIN("beheerder");

  private final String dutchName;

  Role(String dutchName) {
    this.dutchName = dutchName;
  }

  /** The Dutch name of the role, lower case, e.g. {@code trajectbegeleider}. */
  public String dutchName() {
    return dutchName;
  }
}
