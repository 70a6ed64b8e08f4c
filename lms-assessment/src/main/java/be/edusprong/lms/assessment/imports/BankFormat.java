package be.edusprong.lms.assessment.imports;

import java.util.Locale;

/**
 * The item-bank file formats an importer can read. More follow with the next importers (Moodle XML,
 * QTI 1.2, 2.1 and 3.0; issue 3).
 */
public enum BankFormat {
  /** Moodle GIFT (docs.moodle.org/en/GIFT_format). */
  GIFT,
  /** Moodle Aiken (docs.moodle.org/en/Aiken_format). */
  AIKEN,
  /** Moodle XML (docs.moodle.org/en/Moodle_XML_format). */
  MOODLE_XML,
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
