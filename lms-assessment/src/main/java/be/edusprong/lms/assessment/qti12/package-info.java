/**
 * Import of IMS QTI 1.2 item banks ({@code <questestinterop>}): Canvas quiz and question bank
 * exports (item type in the {@code question_type} metadata field) and the QTI 1.2 profile of IMS
 * Common Cartridge (item type in {@code cc_profile}).
 *
 * <p>{@link be.edusprong.lms.assessment.qti12.Qti12Importer} reads every {@code <item>} of a
 * document, under {@code <assessment>}/{@code <section>} or {@code <objectbank>}, maps the single
 * choice, true/false, multiple response, short answer, numerical, matching, essay and text-only
 * types onto the item model and accounts for each in a {@link
 * be.edusprong.lms.assessment.imports.FidelityReport}: other types are rejected with their name and
 * position, dropped parts are reported as losses. XML is read by {@link
 * be.edusprong.lms.assessment.xml.SafeXmlReader}, the module's one StAX reader, hardened through
 * {@link be.edusprong.lms.assessment.xml.HardenedXml} (no DTDs, no external entities, no entity
 * expansion, limits on size, nesting and element count).
 */
package be.edusprong.lms.assessment.qti12;
