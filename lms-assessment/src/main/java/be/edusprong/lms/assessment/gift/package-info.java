/**
 * Import of Moodle GIFT question files (docs.moodle.org/en/GIFT_format; reference implementation
 * Moodle {@code question/format/gift/format.php}).
 *
 * <p>Rule: importing never throws on bad input. Every defect becomes a {@link
 * be.edusprong.lms.assessment.gift.GiftProblem} with file, line and column, the faulty question is
 * skipped, and parsing goes on with the next one. Where Moodle and this importer differ, the
 * difference is documented on {@link be.edusprong.lms.assessment.gift.GiftParser} and always makes
 * the importer stricter or clearer, never silently different.
 */
package be.edusprong.lms.assessment.gift;
