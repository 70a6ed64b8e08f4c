package be.edusprong.lms.assessment.moodlexml;

import be.edusprong.lms.assessment.xml.HardenedXml;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads untrusted XML text into an {@link XmlNode} tree with a StAX parser configured safely by
 * {@link HardenedXml} (OWASP XML External Entity Prevention Cheat Sheet, "StAX"):
 *
 * <ul>
 *   <li>DTDs are not supported ({@link XMLInputFactory#SUPPORT_DTD} false), external entities are
 *       not resolved ({@link XMLInputFactory#IS_SUPPORTING_EXTERNAL_ENTITIES} false, {@link
 *       XMLConstants#ACCESS_EXTERNAL_DTD} and {@link XMLConstants#ACCESS_EXTERNAL_SCHEMA} empty),
 *       and a resolver that refuses every resource is installed;
 *   <li>a document that declares a {@code <!DOCTYPE>} at all is refused as soon as the parser
 *       reports it, before any element is read, so neither an external entity (XXE) nor an
 *       entity-expansion bomb ("billion laughs") is ever expanded;
 *   <li>limits: {@link #MAX_CHARS} characters of input and {@link #MAX_DEPTH} levels of element
 *       nesting.
 * </ul>
 *
 * <p>Every problem becomes a {@link Refusal} whose message says what is wrong and where.
 * Thread-safe: a new factory per call.
 */
final class SafeXml {

  /** The largest document read: 20 million characters (about 20 MB). */
  static final int MAX_CHARS = 20_000_000;

  /** The deepest element nesting read; Moodle XML needs about 8. */
  static final int MAX_DEPTH = 64;

  private SafeXml() {}

  /** Why a document was not read; the message is meant for the fidelity report. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  /**
   * Parses a whole document.
   *
   * @param text the document, byte-order mark already removed
   * @return the root element; every element carries its start and end character offset in {@code
   *     text}
   * @throws Refusal when the document is too large, declares a DTD, nests too deeply or is not
   *     well-formed
   */
  static XmlNode parse(String text) throws Refusal {
    String tooLarge = HardenedXml.tooLarge(text, MAX_CHARS);
    if (tooLarge != null) {
      throw new Refusal(tooLarge + " are read");
    }
    XMLInputFactory factory = HardenedXml.newInputFactory();
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(text));
      Deque<XmlNode> open = new ArrayDeque<>();
      XmlNode root = null;
      int last = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        int offset = HardenedXml.offset(reader.getLocation(), last);
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw new Refusal(
                  HardenedXml.doctypeRefused(
                      reader.getLocation(),
                      " and entity expansion are never processed (a Moodle XML export has none)"));
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new Refusal(HardenedXml.undeclaredEntity(reader, "XML built-in"));
          case XMLStreamConstants.START_ELEMENT -> {
            String tooDeep = HardenedXml.tooDeep(open.size(), MAX_DEPTH, reader.getLocation());
            if (tooDeep != null) {
              throw new Refusal(tooDeep);
            }
            String name = reader.getLocalName();
            int start = text.lastIndexOf("<", Math.max(0, offset - 1));
            XmlNode node = new XmlNode(name, Math.max(0, start));
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              node.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            if (open.isEmpty()) {
              root = node;
            } else {
              open.peek().children.add(node);
            }
            open.push(node);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            XmlNode node = open.pop();
            node.endOffset = Math.min(text.length(), Math.max(offset, node.startOffset));
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (!open.isEmpty()) {
              open.peek().text.append(reader.getText());
            }
          }
          default -> {
            // comments, processing instructions, whitespace outside the root: nothing to keep
          }
        }
        last = offset;
      }
      if (root == null) {
        throw new Refusal("the file holds no XML element");
      }
      return root;
    } catch (XMLStreamException e) {
      throw new Refusal(HardenedXml.notWellFormed(e));
    } finally {
      HardenedXml.close(reader);
    }
  }
}
