/**
 * Import of single QTI items: IMS QTI 2.1 {@code assessmentItem} and 1EdTech QTI 3.0 {@code
 * qti-assessment-item} files (QTI 2.1 / 3.0 Assessment, Section and Item Information Model, "Items"
 * and "Interactions").
 *
 * <p>{@link be.edusprong.lms.assessment.qti.QtiItemImporter} maps the choice, text entry, extended
 * text, match and associate interactions onto the item model and accounts for the item in a {@link
 * be.edusprong.lms.assessment.imports.FidelityReport}: every other interaction is rejected with its
 * position, dropped parts are reported as losses, and a file that is no item (an assessment test, a
 * result report, a content package manifest) is refused with a message saying what it is. XML is
 * read by {@link be.edusprong.lms.assessment.xml.SafeXmlReader}, the module's one StAX reader,
 * which refuses DTDs, external entities and entity expansion, with limits on size, nesting and
 * element count.
 *
 * <p>{@link be.edusprong.lms.assessment.qti.QtiPackageImporter} reads content packages ({@code
 * imsmanifest.xml} in a ZIP, IMS Content Packaging) within {@link
 * be.edusprong.lms.assessment.qti.PackageLimits}, imports their items with the single-item importer
 * and merges the reports into a {@link be.edusprong.lms.assessment.qti.QtiPackageResult} that also
 * carries the resolved media, the test sections and notes.
 */
package be.edusprong.lms.assessment.qti;
