package be.edusprong.lms.domain.centre;

/**
 * The two kinds of adult-education centre in Flanders: a CVO (centrum voor volwassenenonderwijs)
 * and a CBE (centrum voor basiseducatie).
 */
public enum CentreKind {
  CVO,
  CBE
}
