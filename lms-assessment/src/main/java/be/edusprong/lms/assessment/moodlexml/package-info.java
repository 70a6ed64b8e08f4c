/**
 * Import of Moodle XML question files (docs.moodle.org/en/Moodle_XML_format; reference
 * implementation Moodle {@code question/format/xml/format.php}).
 *
 * <p>{@link be.edusprong.lms.assessment.moodlexml.MoodleXmlImporter} maps the standard question
 * types onto the item model and accounts for every {@code <question>} in a {@link
 * be.edusprong.lms.assessment.imports.FidelityReport}: unsupported types are rejected with their
 * position, dropped parts are reported as losses. XML is read by a StAX parser that refuses DTDs,
 * external entities and entity expansion, with limits on size and nesting.
 */
package be.edusprong.lms.assessment.moodlexml;
