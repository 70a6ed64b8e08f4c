package be.edusprong.lms.assessment.moodlexml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal read-only element tree built from StAX events by {@link SafeXml}: element name,
 * attributes, child elements, the concatenated character data (CDATA included) directly inside the
 * element, and the 1-based position where its start tag begins. Not thread-safe; built once per
 * file.
 */
final class XmlNode {
  final String name;
  final Map<String, String> attributes = new LinkedHashMap<>();
  final List<XmlNode> children = new ArrayList<>();
  final StringBuilder text = new StringBuilder();
  final int startOffset;
  int endOffset;

  XmlNode(String name, int startOffset) {
    this.name = name;
    this.startOffset = startOffset;
  }

  /** The first child element with that name, or null. */
  XmlNode child(String childName) {
    for (XmlNode c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  /** All child elements with that name, in document order. */
  List<XmlNode> all(String childName) {
    return children.stream().filter(c -> c.name.equals(childName)).toList();
  }

  /** The character data directly inside this element. */
  String text() {
    return text.toString();
  }

  /** The text of {@code <childName><text>...</text></childName>}, or "" when absent. */
  String textOf(String childName) {
    XmlNode c = child(childName);
    return c == null ? "" : c.innerText();
  }

  /** The text of this element's {@code <text>} child, or "" when absent. */
  String innerText() {
    XmlNode t = child("text");
    return t == null ? "" : t.text();
  }

  /** The trimmed character data of a child element, or null when absent. */
  String value(String childName) {
    XmlNode c = child(childName);
    return c == null ? null : c.text().strip();
  }

  /** Every descendant element with that name, depth first. */
  void collect(String elementName, List<XmlNode> into) {
    for (XmlNode c : children) {
      if (c.name.equals(elementName)) {
        into.add(c);
      }
      c.collect(elementName, into);
    }
  }
}
