package be.edusprong.lms.assessment.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SafeXmlReader}: the tree it builds, and what it refuses, with line and column. */
class SafeXmlReaderTest {

  private static final SafeXmlReader.Profile PLAIN =
      new SafeXmlReader.Profile("a test file", 10_000, 50, name -> name);

  private static final SafeXmlReader.Profile UPPER =
      new SafeXmlReader.Profile("a test file", 10_000, 50, name -> name.toUpperCase());

  private static String refusal(String xml) {
    return assertThrows(SafeXmlReader.Refusal.class, () -> SafeXmlReader.parse(xml, PLAIN))
        .getMessage();
  }

  @Test
  void keepsMixedContentPositionsAndTheElementAsWritten() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?>\n<quiz xmlns:x=\"urn:x\">\n  <q type=\"a\" x:skip=\"1\""
            + " xml:lang=\"nl\">Een <b>vet</b> &amp; <![CDATA[<rauw>]]></q><leeg/>\n</quiz>";
    XmlElement root = SafeXmlReader.parse(xml, PLAIN);
    XmlElement q = root.child("q");
    assertEquals(3, q.line);
    assertEquals(3, q.column);
    assertEquals("3:3", q.where());
    assertEquals(
        "<q type=\"a\" x:skip=\"1\" xml:lang=\"nl\">Een <b>vet</b> &amp; <![CDATA[<rauw>]]></q>",
        xml.substring(q.start, q.end()));
    XmlElement empty = root.child("leeg");
    assertEquals("<leeg/>", xml.substring(empty.start, empty.end()));
    assertEquals("Een vet & <rauw>", q.textContent());
    assertEquals("Een  & <rauw>", q.text());
    assertEquals(3, q.content.size(), "text, element, text (CDATA joined)");
    assertEquals("a", q.attr("type"));
    assertEquals("nl", q.attributes.get("xml:lang"));
    assertNull(q.attr("skip"), "attributes of other namespaces are not kept");
    assertEquals("vet", q.childText("b"));
    assertEquals("", q.childText("i"));
    assertEquals("vet", q.value("b"));
    assertNull(q.value("i"));
    assertEquals(List.of("b"), root.find("b").stream().map(e -> e.name).toList());
  }

  @Test
  void theProfileNamesElementsAndAttributesAreFoundInKebabCase() throws Exception {
    XmlElement root = SafeXmlReader.parse("<a xmlns=\"urn:y\"><b max-choices=\"2\"/></a>", UPPER);
    assertEquals("A", root.name);
    assertEquals("a", root.rawName);
    assertEquals("urn:y", root.namespace);
    assertEquals("2", root.child("B").attr("maxChoices"));
  }

  @Test
  void aDoctypeIsRefusedBeforeAnyEntityIsExpanded() {
    String bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n<a>&lol2;</a>";
    String m = refusal(bomb);
    assertTrue(m.startsWith("the file declares a DOCTYPE (line 2, column "), m);
    assertTrue(m.endsWith("(a test file needs none)"), m);
    String xxe = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
    assertTrue(refusal(xxe).contains("DOCTYPE"));
  }

  @Test
  void undeclaredEntitiesDeepNestingAndTooManyElementsAreRefusedWhereTheyAre() {
    String m = refusal("<a>\n  &nbsp;</a>");
    assertTrue(
        m.matches(
            "undeclared entity reference '&nbsp;' at line 2, column \\d+; only the five"
                + " XML built-in entities are allowed"),
        m);
    String deep = "<a>\n".repeat(SafeXmlReader.MAX_DEPTH + 1) + "</a>".repeat(65);
    SafeXmlReader.Profile roomy = new SafeXmlReader.Profile("a test file", 10_000, 1_000, n -> n);
    assertEquals(
        "elements nest deeper than 64 levels at line 65, column 1",
        assertThrows(SafeXmlReader.Refusal.class, () -> SafeXmlReader.parse(deep, roomy))
            .getMessage());
    // the root and 49 b elements are allowed; the 50th b (column 1 + 49 * 4) is one too many
    String many = "<a>\n" + "<b/>".repeat(60) + "</a>";
    assertEquals("the file has more than 50 elements (line 2, column 197)", refusal(many));
  }

  @Test
  void sizeMalformedAndEmptyDocumentsAreRefused() {
    assertEquals(
        "the file is too large: 10007 characters, at most 10000",
        refusal("<a>" + "x".repeat(10_000) + "</a>"));
    String m = refusal("<a>\n<b></a>");
    assertTrue(m.startsWith("not well-formed XML at line 2, column "), m);
    assertTrue(refusal("  ").startsWith("not well-formed XML"), refusal("  "));
  }
}
