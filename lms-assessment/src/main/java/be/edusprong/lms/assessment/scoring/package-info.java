/**
 * Automatic scoring of one response to one item, after QTI 3.0 response processing (1EdTech QTI
 * 3.0, "Response Processing": templates {@code match_correct}, {@code map_response}) and Moodle's
 * question behaviours where GIFT relies on them.
 *
 * <p>Rule: every auto-scored item is worth one point, and a {@link
 * be.edusprong.lms.assessment.scoring.Score} never leaves {@code 0..max}: negative weights lower a
 * sum but the result is clamped, as QTI's {@code lower-bound="0"} and Moodle do. Essays are never
 * scored here; the {@link be.edusprong.lms.assessment.scoring.Outcome} says so with {@code
 * manual()}. Scoring is pure: no clock, no storage, no locale of the server.
 */
package be.edusprong.lms.assessment.scoring;
