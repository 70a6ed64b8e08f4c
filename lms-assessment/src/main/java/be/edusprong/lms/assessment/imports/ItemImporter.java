package be.edusprong.lms.assessment.imports;

/**
 * Reads one item-bank file of one format into a {@link FidelityReport}.
 *
 * <p>Contract for every implementation: never throw on malformed input (every defect becomes a
 * {@link ImportStatus#REJECTED} outcome or a {@linkplain FidelityReport#refusal() refusal});
 * account for every question of the file, in source order; be thread-safe and stateless.
 */
public interface ItemImporter {

  /**
   * The format this importer reads.
   *
   * @return the format, as written into every report it returns
   */
  BankFormat format();

  /**
   * Imports one file.
   *
   * @param text the file content, already decoded (UTF-8 for the formats so far); a leading
   *     byte-order mark is ignored; any line ending
   * @param fileName the name to put in the report and in positions, e.g. {@code
   *     bank/wachtwoorden.txt}
   * @return the report, one outcome per question in source order, or a refusal when the file is not
   *     an item bank of this format
   * @throws NullPointerException when an argument is null
   */
  FidelityReport importFile(String text, String fileName);
}
