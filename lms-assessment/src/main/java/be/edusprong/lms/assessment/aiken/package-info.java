/**
 * Import of Moodle Aiken files (docs.moodle.org/en/Aiken_format; reference implementation Moodle
 * {@code question/format/aiken/format.php}): single-answer multiple-choice questions in plain text.
 *
 * <p>Rule: importing never throws on bad input and accounts for every question in a {@link
 * be.edusprong.lms.assessment.imports.FidelityReport}. Where Moodle guesses or silently drops
 * something, {@link be.edusprong.lms.assessment.aiken.AikenImporter} rejects the question with its
 * position instead, or reports the loss; each such difference is listed on that class.
 */
package be.edusprong.lms.assessment.aiken;
