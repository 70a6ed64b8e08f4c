/**
 * Shared hardening for reading untrusted XML: {@link be.edusprong.lms.assessment.xml.HardenedXml}
 * builds the StAX factory every XML importer uses and words the refusals they report.
 */
package be.edusprong.lms.assessment.xml;
