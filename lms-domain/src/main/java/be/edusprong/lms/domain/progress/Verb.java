package be.edusprong.lms.domain.progress;

/**
 * The xAPI verbs the platform records, from the ADL vocabulary (http://adlnet.gov/expapi/verbs/,
 * xAPI 1.0.3 Part Two section 2.4.3).
 */
public enum Verb {
  /** A learner viewed a learning unit. */
  EXPERIENCED("http://adlnet.gov/expapi/verbs/experienced", "experienced", "bekeek"),
  /** A learner answered a practice question. */
  ANSWERED("http://adlnet.gov/expapi/verbs/answered", "answered", "beantwoordde"),
  /** A learner completed a unit or a module. */
  COMPLETED("http://adlnet.gov/expapi/verbs/completed", "completed", "voltooide"),
  /** A learner enrolled in a module (registered, in ADL's words). */
  REGISTERED("http://adlnet.gov/expapi/verbs/registered", "registered", "schreef zich in voor");

  private final String iri;
  private final String english;
  private final String dutch;

  Verb(String iri, String english, String dutch) {
    this.iri = iri;
    this.english = english;
    this.dutch = dutch;
  }

  /** The verb's IRI, the statement's {@code verb.id}. */
  public String iri() {
    return iri;
  }

  /** The {@code en-US} display text. */
  public String english() {
    return english;
  }

  /** The {@code nl-BE} display text. */
  public String dutch() {
    return dutch;
  }
}
