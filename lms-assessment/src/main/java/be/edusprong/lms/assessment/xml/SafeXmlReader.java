package be.edusprong.lms.assessment.xml;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one reader of untrusted XML documents in this module (Moodle XML, QTI 1.2, QTI 2.1 and 3.0
 * items, tests and manifests): reads a whole text into a tree of {@link XmlElement}s that keeps
 * mixed content, namespaces, and the line, column and character range of every element.
 *
 * <p>Safety, through {@link HardenedXml} (OWASP XML External Entity Prevention Cheat Sheet,
 * "StAX"): DTD support off, external entities off, {@code ACCESS_EXTERNAL_DTD}/{@code
 * ACCESS_EXTERNAL_SCHEMA} empty, a resolver that refuses everything; a document that declares a
 * {@code <!DOCTYPE>} is refused when the parser reports it, before any element is read, so neither
 * an external entity (XXE) nor an entity bomb ("billion laughs") is expanded; an entity reference
 * other than the five XML built-ins is refused. Limits per {@link Profile}: characters, elements,
 * and {@link #MAX_DEPTH} levels of nesting.
 *
 * <p>Every problem is a {@link Refusal} worded for the fidelity report, with the line and column
 * where the parser knows them. Thread-safe: a new factory per call.
 */
public final class SafeXmlReader {

  /** The deepest element nesting read; the formats read need far less (Moodle XML about 8). */
  public static final int MAX_DEPTH = 64;

  private SafeXmlReader() {}

  /**
   * What one format reads.
   *
   * @param document what a document of the format is called in a refusal, e.g. {@code "a QTI
   *     item"}: "(... needs none)"
   * @param maxChars the largest document read, in characters
   * @param maxElements the most elements read
   * @param names gives each element's {@link XmlElement#name} from its local name
   */
  public record Profile(
      String document, int maxChars, int maxElements, UnaryOperator<String> names) {

    /**
     * Validates the profile.
     *
     * @throws IllegalArgumentException when a limit is below 1
     */
    public Profile {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(names, "names");
      if (maxChars < 1 || maxElements < 1) {
        throw new IllegalArgumentException("limits must be at least 1");
      }
    }
  }

  /** Why a document was not read; the message is meant for the fidelity report. */
  public static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message what is wrong and where, in English
     */
    public Refusal(String message) {
      super(message);
    }
  }

  /**
   * Parses a whole document.
   *
   * @param text the document, byte-order mark removed
   * @param profile the format's limits and names
   * @return the root element
   * @throws Refusal when the document is too large, declares a DTD, uses an undeclared entity,
   *     nests too deeply, has too many elements, holds no element or is not well-formed (with line
   *     and column)
   */
  public static XmlElement parse(String text, Profile profile) throws Refusal {
    String tooLarge = HardenedXml.tooLarge(text, profile.maxChars());
    if (tooLarge != null) {
      throw new Refusal(tooLarge);
    }
    LinePositions lines = new LinePositions(text);
    XMLInputFactory factory = HardenedXml.newInputFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(text));
      Deque<XmlElement> open = new ArrayDeque<>();
      Deque<Integer> emptyEnds = new ArrayDeque<>();
      Tags tags = new Tags(text);
      XmlElement root = null;
      int elements = 0;
      int last = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        Location loc = reader.getLocation();
        int offset = HardenedXml.offset(loc, last);
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw new Refusal(
                  HardenedXml.doctypeRefused(
                      loc,
                      " (XXE) and entity expansion are never processed ("
                          + profile.document()
                          + " needs none)"));
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new Refusal(HardenedXml.undeclaredEntity(reader, "five XML built-in"));
          case XMLStreamConstants.START_ELEMENT -> {
            int start = tags.nextStart();
            if (start < 0) {
              start = Math.max(0, text.lastIndexOf('<', Math.max(0, offset - 1)));
            }
            int[] position = lines.position(start);
            String tooDeep = HardenedXml.tooDeep(open.size(), MAX_DEPTH, position);
            if (tooDeep != null) {
              throw new Refusal(tooDeep);
            }
            if (++elements > profile.maxElements()) {
              throw new Refusal(
                  "the file has more than "
                      + profile.maxElements()
                      + " elements (line "
                      + position[0]
                      + ", column "
                      + position[1]
                      + ")");
            }
            emptyEnds.push(tags.emptyEnd);
            XmlElement element = element(reader, start, position, profile);
            if (open.isEmpty()) {
              root = element;
            } else {
              open.peek().content.add(element);
            }
            open.push(element);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            int end = emptyEnds.pop();
            if (end < 0) {
              end = tags.nextEnd();
            }
            if (end < 0) {
              // the end tag's '>' at or before the reported offset (it may be reported one past)
              end = text.lastIndexOf('>', Math.min(text.length(), offset) - 1) + 1;
            }
            XmlElement element = open.pop();
            element.end(Math.max(element.start, end));
          }
          case XMLStreamConstants.CHARACTERS,
              XMLStreamConstants.CDATA,
              XMLStreamConstants.SPACE -> {
            if (!open.isEmpty()) {
              List<Object> content = open.peek().content;
              String t = reader.getText();
              if (!content.isEmpty() && content.get(content.size() - 1) instanceof String s) {
                content.set(content.size() - 1, s + t);
              } else {
                content.add(t);
              }
            }
          }
          default -> {
            // comments and processing instructions are not content
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

  /**
   * The tags of a text in document order, found by scanning it, because a StAX parser's location
   * after a start tag may already lie past the text that follows it (at the next tag). Without a
   * DTD (refused) and without entity expansion every START_ELEMENT event is the next start tag of
   * the text and every END_ELEMENT event the next end tag, or the end of an empty-element tag;
   * comments, CDATA sections and processing instructions are skipped. {@code -1} when the text does
   * not show what the parser read (the caller then uses the parser's location).
   */
  private static final class Tags {
    private final String text;
    private int at;

    /** After {@link #nextStart()}: the offset after an empty-element tag's {@code />}, else -1. */
    int emptyEnd = -1;

    Tags(String text) {
      this.text = text;
    }

    /** The offset of the next start tag's {@code <}, or -1. */
    int nextStart() {
      emptyEnd = -1;
      int lt = next(false);
      if (lt < 0) {
        return -1;
      }
      int close = close(lt);
      if (close < 0) {
        return -1;
      }
      at = close + 1;
      emptyEnd = text.charAt(close - 1) == '/' ? close + 1 : -1;
      return lt;
    }

    /** The offset after the next end tag's {@code >}, or -1. */
    int nextEnd() {
      int lt = next(true);
      int close = lt < 0 ? -1 : text.indexOf('>', lt);
      if (close < 0) {
        return -1;
      }
      at = close + 1;
      return at;
    }

    /** The next {@code <} of a start tag ({@code end} false) or an end tag ({@code end} true). */
    private int next(boolean end) {
      while (true) {
        int lt = text.indexOf('<', at);
        if (lt < 0 || lt + 1 >= text.length()) {
          return -1;
        }
        String skipTo =
            text.startsWith("<!--", lt)
                ? "-->"
                : text.startsWith("<![CDATA[", lt)
                    ? "]]>"
                    : text.startsWith("<?", lt) ? "?>" : null;
        if (skipTo != null) {
          int after = text.indexOf(skipTo, lt);
          if (after < 0) {
            return -1;
          }
          at = after + skipTo.length();
          continue;
        }
        boolean isEnd = text.charAt(lt + 1) == '/';
        if (isEnd != end || text.charAt(lt + 1) == '!') {
          return -1;
        }
        return lt;
      }
    }

    /** The {@code >} that closes the start tag at {@code lt}, quotes honoured; or -1. */
    private int close(int lt) {
      char quote = 0;
      for (int i = lt + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '>') {
          return i;
        }
      }
      return -1;
    }
  }

  /** The element the reader stands on (a start tag at {@code start}), with its attributes. */
  private static XmlElement element(
      XMLStreamReader reader, int start, int[] position, Profile profile) {
    String ns = reader.getNamespaceURI();
    String local = reader.getLocalName();
    XmlElement element =
        new XmlElement(
            local,
            profile.names().apply(local),
            ns == null ? "" : ns,
            position[0],
            position[1],
            start);
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      String attrNs = reader.getAttributeNamespace(i);
      String name = reader.getAttributeLocalName(i);
      if (attrNs == null || attrNs.isEmpty()) {
        element.attributes.put(name, reader.getAttributeValue(i));
      } else if (XMLConstants.XML_NS_URI.equals(attrNs)) {
        element.attributes.put("xml:" + name, reader.getAttributeValue(i));
      }
    }
    return element;
  }
}
