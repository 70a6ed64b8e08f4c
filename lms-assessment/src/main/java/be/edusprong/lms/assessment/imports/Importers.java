package be.edusprong.lms.assessment.imports;

import be.edusprong.lms.assessment.aiken.AikenImporter;
import be.edusprong.lms.assessment.moodlexml.MoodleXmlImporter;
import be.edusprong.lms.assessment.qti.QtiItemImporter;
import be.edusprong.lms.assessment.qti12.Qti12Importer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Picks the importer for a file from its content first and its name second, so a bank saved with
 * the wrong extension is still read as what it is.
 *
 * <ul>
 *   <li>XML ({@code <?xml} or a {@code <} as first character), by its first element: {@code <quiz>}
 *       Moodle XML ({@link MoodleXmlImporter}); {@code <questestinterop>} QTI 1.2, as exported by
 *       Canvas and inside Common Cartridges ({@link Qti12Importer}); a QTI 2.1 or 3.0 item by the
 *       namespace near the start ({@link QtiItemImporter}); any other XML is refused with a message
 *       naming what it looks like;
 *   <li>Aiken: an {@code ANSWER: X} line and no GIFT answer block ({@code {...}});
 *   <li>GIFT: everything else (its parser refuses what is no GIFT).
 * </ul>
 *
 * <p>{@link #importBytes} reads undecoded files: a ZIP (a QTI content package) goes to {@link
 * be.edusprong.lms.assessment.qti.QtiPackageImporter}, anything else is decoded as UTF-8 and read
 * by {@link #importFile}.
 */
public final class Importers {
  private static final Pattern AIKEN_ANSWER = Pattern.compile("(?m)^ANSWER:\\s*[A-Z]\\b");
  private static final Pattern GIFT_BLOCK = Pattern.compile("\\{[^}]*\\}");

  private Importers() {}

  /**
   * Imports one file with the importer its content calls for.
   *
   * @param text the decoded file content (UTF-8); a leading byte-order mark is ignored
   * @param fileName the name for the report
   * @return the report; a refusal for XML formats this version cannot read yet
   */
  public static FidelityReport importFile(String text, String fileName) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String start = body.stripLeading();
    if (start.startsWith("<")) {
      if (isMoodleQuiz(start)) {
        return new MoodleXmlImporter().importFile(body, fileName);
      }
      if (Qti12Importer.isQti12(start)) {
        return new Qti12Importer().importFile(body, fileName);
      }
      // A single QTI item: the version is in the root's namespace (QTI 2.1 section 3; QTI 3.0 ASI).
      if (head(start).contains(QtiItemImporter.NS_30)) {
        return QtiItemImporter.qti30().importFile(body, fileName);
      }
      if (head(start).contains(QtiItemImporter.NS_21)) {
        return QtiItemImporter.qti21().importFile(body, fileName);
      }
      return FidelityReport.refused(fileName, BankFormat.UNKNOWN, describeXml(start));
    }
    if (AIKEN_ANSWER.matcher(body).find() && !GIFT_BLOCK.matcher(body).find()) {
      return new AikenImporter().importFile(body, fileName);
    }
    return new GiftImporter().importFile(body, fileName);
  }

  // The first element after the prolog, comments and processing instructions is <quiz>.
  private static boolean isMoodleQuiz(String start) {
    String rest = start;
    while (true) {
      rest = rest.stripLeading();
      if (rest.startsWith("<?")) {
        int end = rest.indexOf("?>");
        if (end < 0) {
          return false;
        }
        rest = rest.substring(end + 2);
      } else if (rest.startsWith("<!--")) {
        int end = rest.indexOf("-->");
        if (end < 0) {
          return false;
        }
        rest = rest.substring(end + 3);
      } else {
        return rest.startsWith("<quiz") || rest.startsWith("<!DOCTYPE quiz");
      }
    }
  }

  private static String head(String start) {
    return start.length() > 2_000 ? start.substring(0, 2_000) : start;
  }

  private static String describeXml(String start) {
    String head = head(start);
    String lower = head.toLowerCase(Locale.ROOT);
    if (lower.contains("assessmentresult")) {
      return "a QTI result report (assessmentResult), not an item bank";
    }
    if (lower.contains("imsmanifest") || lower.contains("<manifest")) {
      return "an IMS content package manifest: import the package itself";
    }
    if (lower.contains("assessmentitem") || lower.contains("qti-assessment-item")) {
      return "a QTI item: QTI import is not available in this version";
    }
    return "an XML or HTML document, not a GIFT or Aiken item bank";
  }

  /**
   * Imports one undecoded file: a ZIP archive, recognised by its signature {@code PK\003\004} (or
   * {@code PK\005\006} for an empty one; PKWARE APPNOTE.TXT 4.3.7), is read as a QTI content
   * package by {@link be.edusprong.lms.assessment.qti.QtiPackageImporter} with its default limits
   * (only the report is returned here; call the package importer for its media and notes); anything
   * else is decoded as strict UTF-8 and read by {@link #importFile}.
   *
   * @param content the file's bytes
   * @param fileName the name for the report, e.g. {@code bank.zip}
   * @return the report; a refusal {@code "not UTF-8 text (save the file as UTF-8)"} when a non-ZIP
   *     file is not valid UTF-8
   */
  public static FidelityReport importBytes(byte[] content, String fileName) {
    if (be.edusprong.lms.assessment.qti.QtiPackageImporter.isZip(content)) {
      return new be.edusprong.lms.assessment.qti.QtiPackageImporter()
          .importPackage(content, fileName)
          .report();
    }
    String text;
    try {
      text =
          java.nio.charset.StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
              .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(content))
              .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return FidelityReport.refused(
          fileName, BankFormat.UNKNOWN, "not UTF-8 text (save the file as UTF-8)");
    }
    return importFile(text, fileName);
  }
}
