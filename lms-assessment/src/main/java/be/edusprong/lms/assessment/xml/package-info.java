/**
 * Reading untrusted XML: {@link be.edusprong.lms.assessment.xml.SafeXmlReader} reads every XML
 * document an importer gets (Moodle XML, QTI 1.2, QTI 2.1/3.0 items, tests and manifests) into
 * {@link be.edusprong.lms.assessment.xml.XmlElement}s, hardened by {@link
 * be.edusprong.lms.assessment.xml.HardenedXml}; no importer builds a parser of its own.
 */
package be.edusprong.lms.assessment.xml;
