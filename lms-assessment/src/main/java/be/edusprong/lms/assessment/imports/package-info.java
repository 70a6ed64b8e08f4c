/**
 * What every item-bank import returns, whatever the format: a {@link
 * be.edusprong.lms.assessment.imports.FidelityReport} with one {@link
 * be.edusprong.lms.assessment.imports.ItemOutcome} per question, and the {@link
 * be.edusprong.lms.assessment.imports.ItemImporter} interface each format implements.
 *
 * <p>Rule (issue 3, "Import"): every question in a file is accounted for, in source order, as
 * imported, imported with losses (saying what was dropped and why) or rejected (saying where, as
 * {@code file:line:column}, and why); nothing is dropped silently. By default a file imports all or
 * nothing: a caller stores {@link be.edusprong.lms.assessment.imports.FidelityReport#items()} only
 * when the report is {@link be.edusprong.lms.assessment.imports.FidelityReport#complete()}, unless
 * a teacher confirmed a partial import after seeing the report. A file that is not an item bank of
 * the expected format is refused as a whole, with a message that says what it seems to be.
 * Importers never throw on bad input.
 */
package be.edusprong.lms.assessment.imports;
