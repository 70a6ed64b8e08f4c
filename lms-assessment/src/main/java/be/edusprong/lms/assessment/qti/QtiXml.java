package be.edusprong.lms.assessment.qti;

import be.edusprong.lms.assessment.xml.HardenedXml;
import be.edusprong.lms.assessment.xml.LinePositions;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small safe XML reader for QTI items: reads untrusted text into a tree of {@link Node}s that
 * keeps mixed content (text and elements interleaved, as the HTML of an {@code itemBody} needs),
 * namespaces and the line and column of every start tag.
 *
 * <p>Safety, through {@link HardenedXml} (OWASP XML External Entity Prevention Cheat Sheet,
 * "StAX"): DTD support off, external entities off, {@code ACCESS_EXTERNAL_DTD}/{@code
 * ACCESS_EXTERNAL_SCHEMA} empty, a resolver that refuses everything; a document that declares a
 * {@code <!DOCTYPE>} is refused when the parser reports it, before any element is read, so neither
 * an external entity (XXE) nor an entity bomb ("billion laughs") is expanded; an entity reference
 * other than the five XML built-ins is refused. Limits: {@link #MAX_CHARS} characters, {@link
 * #MAX_DEPTH} levels, {@link #MAX_ELEMENTS} elements.
 *
 * <p>Written for this package on its own (the Moodle XML reader's tree keeps no mixed content).
 * Thread-safe: a new factory per call.
 */
final class QtiXml {

  /** The largest document read: 5 million characters; a single item is far smaller. */
  static final int MAX_CHARS = 5_000_000;

  /** The deepest element nesting read. */
  static final int MAX_DEPTH = 64;

  /** The most elements read. */
  static final int MAX_ELEMENTS = 100_000;

  private QtiXml() {}

  /** Why a document was not read; the message is meant for the fidelity report. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  /** One element: names, attributes, mixed content and position. Built once, then only read. */
  static final class Node {
    /** The local name as written, e.g. {@code qti-choice-interaction} or {@code p}. */
    final String rawName;

    /**
     * The name in QTI 2.1 spelling: QTI 3.0 {@code qti-choice-interaction} becomes {@code
     * choiceInteraction}; other names are kept.
     */
    final String name;

    /** The namespace URI, {@code ""} when none. */
    final String namespace;

    /** Attributes by local name as written (QTI 3.0 kebab-case, QTI 2.1 camelCase). */
    final Map<String, String> attributes = new LinkedHashMap<>();

    /** Child elements ({@link Node}) and text ({@link String}) in document order. */
    final List<Object> content = new ArrayList<>();

    final int line;
    final int column;

    Node(String rawName, String namespace, int line, int column) {
      this.rawName = rawName;
      this.name = normalise(rawName);
      this.namespace = namespace;
      this.line = line;
      this.column = column;
    }

    /** An attribute by its QTI 2.1 camelCase name, also found in QTI 3.0 kebab-case; or null. */
    String attr(String camelName) {
      String v = attributes.get(camelName);
      return v != null ? v : attributes.get(kebab(camelName));
    }

    /** The child elements. */
    List<Node> children() {
      List<Node> out = new ArrayList<>();
      for (Object o : content) {
        if (o instanceof Node n) {
          out.add(n);
        }
      }
      return out;
    }

    /** The first child element with that (normalised) name, or null. */
    Node child(String childName) {
      for (Object o : content) {
        if (o instanceof Node n && n.name.equals(childName)) {
          return n;
        }
      }
      return null;
    }

    /** All child elements with that (normalised) name. */
    List<Node> all(String childName) {
      return children().stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** Every descendant element, depth first, in document order. */
    void descendants(List<Node> into) {
      for (Object o : content) {
        if (o instanceof Node n) {
          into.add(n);
          n.descendants(into);
        }
      }
    }

    /** All text inside this element, elements removed. */
    String textContent() {
      StringBuilder out = new StringBuilder();
      for (Object o : content) {
        if (o instanceof Node n) {
          out.append(n.textContent());
        } else {
          out.append((String) o);
        }
      }
      return out.toString();
    }

    /** The position as {@code line:column}. */
    String where() {
      return line + ":" + column;
    }
  }

  /** QTI 3.0 {@code qti-foo-bar} to QTI 2.1 {@code fooBar}; any other name unchanged. */
  static String normalise(String name) {
    if (!name.startsWith("qti-") || name.length() == 4) {
      return name;
    }
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.substring(4).toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** {@code maxChoices} to {@code max-choices}. */
  static String kebab(String camel) {
    StringBuilder out = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Parses a whole document.
   *
   * @param text the document, byte-order mark removed
   * @return the root element
   * @throws Refusal when the document is too large, declares a DTD, uses an undeclared entity,
   *     nests too deeply, has too many elements or is not well-formed (with line and column)
   */
  static Node parse(String text) throws Refusal {
    String tooLarge = HardenedXml.tooLarge(text, MAX_CHARS);
    if (tooLarge != null) {
      throw new Refusal(tooLarge);
    }
    LinePositions lines = new LinePositions(text);
    XMLInputFactory factory = HardenedXml.newInputFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader reader = null;
    try {
      reader = factory.createXMLStreamReader(new StringReader(text));
      Deque<Node> open = new ArrayDeque<>();
      Node root = null;
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
                      " (XXE) and entity expansion are never processed (a QTI item needs none)"));
          case XMLStreamConstants.ENTITY_REFERENCE ->
              throw new Refusal(HardenedXml.undeclaredEntity(reader, "five XML built-in"));
          case XMLStreamConstants.START_ELEMENT -> {
            String tooDeep = HardenedXml.tooDeep(open.size(), MAX_DEPTH, loc);
            if (tooDeep != null) {
              throw new Refusal(tooDeep);
            }
            if (++elements > MAX_ELEMENTS) {
              throw new Refusal("the file has more than " + MAX_ELEMENTS + " elements");
            }
            int start = Math.max(0, text.lastIndexOf('<', Math.max(0, offset - 1)));
            int[] position = lines.position(start);
            String ns = reader.getNamespaceURI();
            Node node =
                new Node(reader.getLocalName(), ns == null ? "" : ns, position[0], position[1]);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              String attrNs = reader.getAttributeNamespace(i);
              String local = reader.getAttributeLocalName(i);
              if (attrNs == null || attrNs.isEmpty()) {
                node.attributes.put(local, reader.getAttributeValue(i));
              } else if (XMLConstants.XML_NS_URI.equals(attrNs)) {
                node.attributes.put("xml:" + local, reader.getAttributeValue(i));
              }
            }
            if (open.isEmpty()) {
              root = node;
            } else {
              open.peek().content.add(node);
            }
            open.push(node);
          }
          case XMLStreamConstants.END_ELEMENT -> open.pop();
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
}
