package be.edusprong.lms.assessment.qti12;

import be.edusprong.lms.assessment.xml.HardenedXml;
import be.edusprong.lms.assessment.xml.LinePositions;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small safe XML reader for QTI 1.2 documents: reads untrusted text into a tree of {@link Node}s
 * with text content, the namespace of each element, the line and column of every start tag and the
 * character range of every element (for {@code Item.sourceText()}).
 *
 * <p>Safety through {@link HardenedXml} (OWASP XML External Entity Prevention Cheat Sheet, "StAX"):
 * DTD support off, external entities off, a resolver that refuses everything; a document that
 * declares a {@code <!DOCTYPE>} is refused as soon as the parser reports it, before any element is
 * read, so neither an external entity (XXE) nor an entity bomb is expanded; an entity reference
 * other than the five XML built-ins is refused. Limits: {@link #MAX_CHARS} characters, {@link
 * #MAX_DEPTH} levels, {@link #MAX_ELEMENTS} elements.
 *
 * <p>Thread-safe: a new factory per call.
 */
final class Qti12Xml {

  /** The largest document read: 20 million characters (a large exported bank). */
  static final int MAX_CHARS = 20_000_000;

  /** The deepest element nesting read. */
  static final int MAX_DEPTH = 64;

  /** The most elements read. */
  static final int MAX_ELEMENTS = 500_000;

  private Qti12Xml() {}

  /** Why a document was not read; the message is meant for the fidelity report. */
  static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  /** One element: name, attributes, mixed content and position. Built once, then only read. */
  static final class Node {
    /** The local name, e.g. {@code response_lid}. */
    final String name;

    /** The namespace URI, {@code ""} when none. */
    final String namespace;

    /** Attributes by local name. */
    final Map<String, String> attributes = new LinkedHashMap<>();

    /** Child elements ({@link Node}) and text ({@link String}) in document order. */
    final List<Object> content = new ArrayList<>();

    /** 1-based line of the start tag. */
    final int line;

    /** 1-based column of the {@code <} of the start tag. */
    final int column;

    /** Character offset of the {@code <} of the start tag. */
    final int start;

    /** Character offset just after the end tag. */
    int end;

    Node(String name, String namespace, int line, int column, int start) {
      this.name = name;
      this.namespace = namespace;
      this.line = line;
      this.column = column;
      this.start = start;
    }

    /** An attribute, or null. */
    String attr(String attrName) {
      return attributes.get(attrName);
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

    /** The first child element with that name, or null. */
    Node child(String childName) {
      for (Object o : content) {
        if (o instanceof Node n && n.name.equals(childName)) {
          return n;
        }
      }
      return null;
    }

    /** All child elements with that name. */
    List<Node> all(String childName) {
      return children().stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** Every descendant element with that name, depth first, in document order. */
    List<Node> find(String descendantName) {
      List<Node> out = new ArrayList<>();
      collect(descendantName, out);
      return out;
    }

    private void collect(String descendantName, List<Node> out) {
      for (Object o : content) {
        if (o instanceof Node n) {
          if (n.name.equals(descendantName)) {
            out.add(n);
          }
          n.collect(descendantName, out);
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
                      loc, " (XXE) and entity expansion are never processed (QTI 1.2 needs none)"));
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
                new Node(
                    reader.getLocalName(), ns == null ? "" : ns, position[0], position[1], start);
            for (int i = 0; i < reader.getAttributeCount(); i++) {
              String attrNs = reader.getAttributeNamespace(i);
              if (attrNs == null || attrNs.isEmpty()) {
                node.attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
              }
            }
            if (open.isEmpty()) {
              root = node;
            } else {
              open.peek().content.add(node);
            }
            open.push(node);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            // the end tag's '>' at or before the reported offset (the parser may report one past)
            int close = text.lastIndexOf('>', Math.min(text.length(), offset) - 1);
            open.pop().end = close + 1;
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
}
