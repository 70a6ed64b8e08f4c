/**
 * The assessment engine of Edusprong LMS: items (QTI 3.0 assessmentItem, Dutch UI "vraag"), their
 * importers and their scoring.
 *
 * <p>Rule: plain Java 17 only. Nothing here knows Jakarta EE, JPA, JSF or HTTP; the web and
 * persistence layers adapt these types, never the other way round. Everything that leaves this
 * module as HTML has been sanitised here, so callers may render it as is.
 */
package be.edusprong.lms.assessment;
