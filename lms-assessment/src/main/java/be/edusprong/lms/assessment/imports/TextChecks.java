package be.edusprong.lms.assessment.imports;

/**
 * The checks every text importer makes before parsing a file: a leading byte-order mark is ignored,
 * a file holding a NUL character is refused as binary, and a file that is empty or holds only
 * whitespace is refused as empty; XML importers also refuse text that does not start with a tag.
 *
 * <p>Each check returns the refusal message for the fidelity report, or null when the file passes.
 * Thread-safe and stateless.
 */
public final class TextChecks {

  /** The refusal of an empty file, the same for every format. */
  public static final String EMPTY = "the file is empty";

  private TextChecks() {}

  /**
   * The text without a leading byte-order mark.
   *
   * @param text the file content
   * @return {@code text} without a leading U+FEFF, or {@code text} itself when it has none
   */
  public static String withoutBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Why a text is binary or empty.
   *
   * @param body the file content, byte-order mark removed
   * @param binaryRefusal the message when the text holds a NUL character, e.g. {@code "this is a
   *     binary file, not a GIFT text file"}
   * @return {@code binaryRefusal}, {@link #EMPTY} when the text is empty or only whitespace, or
   *     null
   */
  public static String binaryOrEmpty(String body, String binaryRefusal) {
    if (body.indexOf('\0') >= 0) {
      return binaryRefusal;
    }
    if (body.isBlank()) {
      return EMPTY;
    }
    return null;
  }

  /**
   * Why a text is not an XML document of a format: binary, empty, or not starting with a tag.
   *
   * @param body the file content, byte-order mark removed
   * @param binaryRefusal the message when the text holds a NUL character
   * @param what the format with its article, e.g. {@code "a QTI item"}
   * @return the refusal, ending {@code "this is not XML (GIFT or Aiken text?), not <what>"} when no
   *     tag starts the text, or null when it may be XML
   */
  public static String notXml(String body, String binaryRefusal, String what) {
    String refusal = binaryOrEmpty(body, binaryRefusal);
    if (refusal != null) {
      return refusal;
    }
    if (!body.stripLeading().startsWith("<")) {
      return "this is not XML (GIFT or Aiken text?), not " + what;
    }
    return null;
  }
}
