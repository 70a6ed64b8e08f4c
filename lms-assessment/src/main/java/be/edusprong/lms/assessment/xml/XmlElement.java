package be.edusprong.lms.assessment.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a document read by {@link SafeXmlReader}: names, attributes, mixed content (text
 * and elements interleaved, as the HTML of a QTI {@code itemBody} needs), and where it stands in
 * the text. Built once by the reader, then only read; not thread-safe while being built.
 */
public final class XmlElement {
  /** The local name as written, e.g. {@code qti-choice-interaction}, {@code response_lid}. */
  public final String rawName;

  /**
   * The local name as the reader's {@link SafeXmlReader.Profile} names it (QTI 3.0 {@code
   * qti-choice-interaction} as QTI 2.1 {@code choiceInteraction}); else {@link #rawName}.
   */
  public final String name;

  /** The namespace URI, {@code ""} when none. */
  public final String namespace;

  /**
   * Attributes without a namespace by local name, and {@code xml:} attributes ({@code xml:base},
   * {@code xml:lang}) as {@code xml:<local name>}; attributes of other namespaces are not kept.
   */
  public final Map<String, String> attributes = new LinkedHashMap<>();

  /** Child elements ({@link XmlElement}) and text ({@link String}) in document order. */
  public final List<Object> content = new ArrayList<>();

  /** 1-based line of the start tag's {@code <}. */
  public final int line;

  /** 1-based column of the start tag's {@code <}. */
  public final int column;

  /** 0-based character offset of the start tag's {@code <} in the text read. */
  public final int start;

  private int end;

  XmlElement(String rawName, String name, String namespace, int line, int column, int start) {
    this.rawName = rawName;
    this.name = name;
    this.namespace = namespace;
    this.line = line;
    this.column = column;
    this.start = start;
    this.end = start;
  }

  /**
   * An element that was not read from a text: a wrapper an importer builds around read elements, or
   * a stand-in for a position.
   *
   * @param name its local name and {@link #name}, no namespace
   * @param line 1-based line it stands for
   * @param column 1-based column it stands for
   * @return an element without attributes or content, {@link #start} and {@link #end()} 0
   */
  public static XmlElement synthetic(String name, int line, int column) {
    return new XmlElement(name, name, "", line, column, 0);
  }

  void end(int end) {
    this.end = end;
  }

  /**
   * Where the element ends.
   *
   * @return the 0-based character offset just after its end tag (or its empty tag) in the text
   *     read, so that {@code text.substring(start, end())} is the element as written
   */
  public int end() {
    return end;
  }

  /**
   * An attribute.
   *
   * @param camelName its name, e.g. {@code maxChoices}; also found in kebab-case ({@code
   *     max-choices}, as QTI 3.0 writes the attributes QTI 2.1 writes in camelCase)
   * @return the value, or null when absent
   */
  public String attr(String camelName) {
    String v = attributes.get(camelName);
    return v != null ? v : attributes.get(kebab(camelName));
  }

  /**
   * The child elements.
   *
   * @return a new list, in document order
   */
  public List<XmlElement> children() {
    List<XmlElement> out = new ArrayList<>();
    for (Object o : content) {
      if (o instanceof XmlElement n) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The first child element with that {@link #name}.
   *
   * @param childName the name
   * @return the child, or null
   */
  public XmlElement child(String childName) {
    for (Object o : content) {
      if (o instanceof XmlElement n && n.name.equals(childName)) {
        return n;
      }
    }
    return null;
  }

  /**
   * All child elements with that {@link #name}.
   *
   * @param childName the name
   * @return them in document order
   */
  public List<XmlElement> all(String childName) {
    return children().stream().filter(c -> c.name.equals(childName)).toList();
  }

  /**
   * Every descendant element, depth first, in document order.
   *
   * @param into the list they are added to
   */
  public void descendants(List<XmlElement> into) {
    for (Object o : content) {
      if (o instanceof XmlElement n) {
        into.add(n);
        n.descendants(into);
      }
    }
  }

  /**
   * Every descendant element with that {@link #name}, depth first, in document order.
   *
   * @param descendantName the name
   * @return a new list
   */
  public List<XmlElement> find(String descendantName) {
    List<XmlElement> all = new ArrayList<>();
    descendants(all);
    return all.stream().filter(n -> n.name.equals(descendantName)).toList();
  }

  /**
   * All text inside this element, elements removed.
   *
   * @return the text, CDATA included; {@code ""} when none
   */
  public String textContent() {
    StringBuilder out = new StringBuilder();
    for (Object o : content) {
      out.append(o instanceof XmlElement n ? n.textContent() : (String) o);
    }
    return out.toString();
  }

  /**
   * The character data directly inside this element (not inside its children).
   *
   * @return the text, CDATA included; {@code ""} when none
   */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (Object o : content) {
      if (o instanceof String s) {
        out.append(s);
      }
    }
    return out.toString();
  }

  /**
   * The character data directly inside the first child with that name.
   *
   * @param childName the name, e.g. Moodle XML's {@code text}
   * @return its {@link #text()}, or {@code ""} when there is no such child
   */
  public String childText(String childName) {
    XmlElement c = child(childName);
    return c == null ? "" : c.text();
  }

  /**
   * The stripped character data directly inside the first child with that name.
   *
   * @param childName the name
   * @return its {@link #text()} stripped, or null when there is no such child
   */
  public String value(String childName) {
    XmlElement c = child(childName);
    return c == null ? null : c.text().strip();
  }

  /**
   * The position for messages.
   *
   * @return {@code line:column}
   */
  public String where() {
    return line + ":" + column;
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
}
