package be.edusprong.lms.assessment.imports;

import java.util.Locale;

/** The item-bank file formats an importer can read (issue 3, "Import"). */
public enum BankFormat {
  /** Moodle GIFT (docs.moodle.org/en/GIFT_format). */
  GIFT,
  /** Moodle Aiken (docs.moodle.org/en/Aiken_format). */
  AIKEN,
  /** Moodle XML (docs.moodle.org/en/Moodle_XML_format). */
  MOODLE_XML,
  /**
   * IMS QTI 1.2 item bank ({@code questestinterop}, namespace {@code ims_qtiasiv1p2} or none):
   * Canvas quiz and question bank exports and the QTI 1.2 profile of IMS Common Cartridge (IMS QTI
   * ASI XML Binding 1.2; Common Cartridge 1.1 "CC QTI profile").
   */
  QTI12,
  /** IMS QTI 2.1 single item ({@code assessmentItem}, namespace {@code imsqti_v2p1}). */
  QTI21,
  /**
   * 1EdTech QTI 3.0 single item ({@code qti-assessment-item}, namespace {@code imsqtiasi_v3p0}).
   */
  QTI30,
  /** Not recognised as any item-bank format: only in refusals (not a bank, unreadable file). */
  UNKNOWN;

  /**
   * The name used in reports and on the command line.
   *
   * @return the constant's name in lowercase, e.g. {@code "aiken"}
   */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
