package be.edusprong.lms.assessment.xml;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The hardening under {@link SafeXmlReader} (and the HTML re-reading of {@code qti.Qti3Writer}): a
 * hardened StAX {@link XMLInputFactory} and the checks and refusal messages of the reader,
 * following the OWASP XML External Entity Prevention Cheat Sheet, "StAX".
 *
 * <p>Threats and counter-measures:
 *
 * <ul>
 *   <li>XML External Entity injection (XXE: reading {@code file:///etc/passwd}, server-side
 *       requests): DTDs are not supported ({@link XMLInputFactory#SUPPORT_DTD} false), external
 *       entities are not resolved ({@link XMLInputFactory#IS_SUPPORTING_EXTERNAL_ENTITIES} false,
 *       {@link XMLConstants#ACCESS_EXTERNAL_DTD} and {@link XMLConstants#ACCESS_EXTERNAL_SCHEMA}
 *       empty) and a resolver that refuses every resource is installed;
 *   <li>entity expansion bombs ("billion laughs"): entity references are not replaced, and a reader
 *       refuses a document that declares a {@code <!DOCTYPE>} as soon as the parser reports it
 *       ({@link #doctypeRefused}), before any element is read, and refuses any entity reference
 *       other than the XML built-ins ({@link #undeclaredEntity});
 *   <li>resource exhaustion: readers limit the characters read ({@link #tooLarge}) and the element
 *       nesting ({@link #tooDeep}).
 * </ul>
 *
 * <p>Every problem is worded for the fidelity report, with the line and column where known.
 * Thread-safe and stateless: {@link #newInputFactory()} returns a new factory per call.
 */
public final class HardenedXml {

  private HardenedXml() {}

  /**
   * A new StAX factory hardened against XXE and entity expansion, see the class comment. A caller
   * may set further, harmless properties (coalescing, namespace awareness).
   *
   * @return a new factory; not shared, so it may be configured further
   */
  public static XMLInputFactory newInputFactory() {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    optional(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    optional(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    optional(factory, XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external resource refused: " + systemId);
        });
    return factory;
  }

  /**
   * Why a document is too large to read.
   *
   * @param text the document
   * @param maxChars the most characters read
   * @return {@code "the file is too large: <n> characters, at most <maxChars>"}, or null when the
   *     document is small enough
   */
  static String tooLarge(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return null;
    }
    return "the file is too large: " + text.length() + " characters, at most " + maxChars;
  }

  /**
   * The refusal of a document that declares a {@code <!DOCTYPE>}.
   *
   * @param location where the parser reported the DTD
   * @param why the rest of the sentence after "so external entities", e.g. {@code " and entity
   *     expansion are never processed (...)"}
   * @return the message
   */
  static String doctypeRefused(Location location, String why) {
    return "the file declares a DOCTYPE (line "
        + location.getLineNumber()
        + ", column "
        + location.getColumnNumber()
        + "); DTDs and entity declarations are refused, so external entities"
        + why;
  }

  /**
   * The refusal of an entity reference the parser did not replace (anything but the XML built-ins).
   *
   * @param reader positioned on the entity reference
   * @param builtIns how the allowed entities are named, e.g. {@code "XML built-in"}
   * @return the message
   */
  static String undeclaredEntity(XMLStreamReader reader, String builtIns) {
    return "undeclared entity reference '&"
        + reader.getLocalName()
        + ";' at line "
        + reader.getLocation().getLineNumber()
        + ", column "
        + reader.getLocation().getColumnNumber()
        + "; only the "
        + builtIns
        + " entities are allowed";
  }

  /**
   * Why an element about to be opened nests too deeply.
   *
   * @param openElements how many elements are open around it
   * @param maxDepth the deepest nesting read
   * @param position the 1-based {@code {line, column}} of its start tag
   * @return the message, or null when the nesting is allowed
   */
  static String tooDeep(int openElements, int maxDepth, int[] position) {
    if (openElements < maxDepth) {
      return null;
    }
    return "elements nest deeper than "
        + maxDepth
        + " levels at line "
        + position[0]
        + ", column "
        + position[1];
  }

  /**
   * The refusal of a document the parser could not read: {@code "not well-formed XML at line <l>,
   * column <c>: <parser message>"}, with the parser's own position prefix removed.
   *
   * @param e what the parser threw
   * @return the message
   */
  static String notWellFormed(XMLStreamException e) {
    Location l = e.getLocation();
    String where =
        l == null ? "" : " at line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    String message = e.getMessage() == null ? "" : e.getMessage();
    int cut = message.indexOf("Message: ");
    message = cut >= 0 ? message.substring(cut + 9) : message;
    return "not well-formed XML" + where + ": " + message.strip();
  }

  /**
   * The character offset of a location.
   *
   * @param location the parser's location, may be null
   * @param fallback returned when the offset is unknown
   * @return the offset, or {@code fallback}
   */
  static int offset(Location location, int fallback) {
    int offset = location == null ? -1 : location.getCharacterOffset();
    return offset < 0 ? fallback : offset;
  }

  /**
   * Closes a reader over a String, ignoring failure (it holds no resource).
   *
   * @param reader the reader, may be null
   */
  public static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // a reader over a String holds no resource
      }
    }
  }

  private static void optional(XMLInputFactory factory, String name, Object value) {
    try {
      factory.setProperty(name, value);
    } catch (IllegalArgumentException notSupported) {
      // not every StAX implementation knows every JAXP property; the DTD refusal suffices
    }
  }
}
