/**
 * The item model: immutable value objects describing one question as an author wrote it.
 *
 * <p>Rule: an {@link be.edusprong.lms.assessment.item.Item} is format-neutral (GIFT today, QTI or
 * Moodle XML later) and follows the QTI 3.0 vocabulary for its interaction types. Every {@code
 * *Html} field holds HTML that has passed the OWASP sanitiser policy in {@link
 * be.edusprong.lms.assessment.item.SafeHtml}, so a page may print it without escaping. Weights are
 * percentages of the item's mark, as in Moodle ({@code -100..100}).
 */
package be.edusprong.lms.assessment.item;
