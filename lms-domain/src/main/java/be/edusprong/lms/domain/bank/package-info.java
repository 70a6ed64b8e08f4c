/**
 * The item bank of a centre (issue 3, points 2 and 8): teachers import question banks (GIFT, Aiken,
 * Moodle XML, QTI 1.2/2.1/3.0 files and QTI content packages) into their centre's bank, see the
 * fidelity report first, and store them all or nothing; a partial import is stored only when the
 * teacher confirms it after seeing the report ("By default a file imports all or nothing; a teacher
 * may confirm a partial import after seeing the report.").
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Every stored question parses back to the item that was imported ({@link
 *       be.edusprong.lms.domain.bank.BankStorage}): GIFT written by {@code GiftWriter} when GIFT
 *       holds it exactly, else the item's own QTI 3.0 document, else the platform's lossless JSON
 *       form ({@code ItemJson}); a question that would not read back equal is reported as not
 *       storable, never dropped silently.
 *   <li>An identifier is unique within a centre's bank. A re-import of an identifier that is in the
 *       bank is refused for that question unless the teacher chose "replace"; a replacement raises
 *       the question's version.
 *   <li>Teachers only, within their own centre; a teacher of another centre neither sees nor
 *       replaces a question.
 *   <li>Nothing half-written: an import that is refused or not confirmed writes no row at all.
 * </ul>
 */
package be.edusprong.lms.domain.bank;
