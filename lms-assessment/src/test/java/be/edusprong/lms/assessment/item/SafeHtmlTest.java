package be.edusprong.lms.assessment.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeHtmlTest {

  @Test
  void htmlLosesScriptsHandlersAndJavascriptUrls() {
    String html =
        SafeHtml.render(
            "<p onclick=\"steel()\">Klik <a href=\"javascript:alert(1)\">hier</a></p>"
                + "<script>alert('x')</script><iframe src=\"https://evil.example\"></iframe>",
            TextFormat.HTML);
    assertFalse(html.contains("script"), html);
    assertFalse(html.contains("onclick"), html);
    assertFalse(html.contains("javascript"), html);
    assertFalse(html.contains("iframe"), html);
    assertTrue(html.startsWith("<p>Klik "), html);
  }

  @Test
  void htmlKeepsFormattingListsLinksAndPre() {
    String html =
        SafeHtml.render(
            "<p>Een <b>sterk</b> wachtwoord:</p><ul><li>lang</li></ul>"
                + "<a href=\"https://www.vlaanderen.be\" title=\"Vlaanderen\">link</a>"
                + "<pre>  code\n  blok</pre>",
            TextFormat.HTML);
    assertTrue(html.contains("<b>sterk</b>"), html);
    assertTrue(html.contains("<ul><li>lang</li></ul>"), html);
    assertTrue(html.contains("href=\"https://www.vlaanderen.be\""), html);
    assertTrue(html.contains("title=\"Vlaanderen\""), html);
    assertTrue(html.contains("<pre>  code\n  blok</pre>"), html);
  }

  @Test
  void markdownEscapesRawHtmlAndDropsUnsafeLinks() {
    String html =
        SafeHtml.render(
            "Wat doet **dit**? <script>alert(1)</script> [klik](javascript:alert(1))",
            TextFormat.MARKDOWN);
    assertTrue(html.contains("<strong>dit</strong>"), html);
    assertTrue(html.contains("&lt;script&gt;"), html);
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("javascript"), html);
  }

  @Test
  void markdownSingleParagraphStaysInline() {
    assertEquals("een <em>appel</em>", SafeHtml.render("een _appel_", TextFormat.MARKDOWN));
  }

  @Test
  void markdownKeepsSeveralBlocks() {
    String html = SafeHtml.render("Eerste alinea.\n\n- punt 1\n- punt 2", TextFormat.MARKDOWN);
    assertTrue(html.startsWith("<p>Eerste alinea.</p>"), html);
    assertTrue(html.contains("<li>punt 1</li>"), html);
  }

  @Test
  void plainAndMoodleAreEscapedWithLineBreaksKept() {
    String html = SafeHtml.render("Is 3 < 5 & \"waar\"?\n   tweede regel", TextFormat.PLAIN);
    assertEquals("Is 3 &lt; 5 &amp; &quot;waar&quot;?<br>tweede regel", html);
    assertEquals(
        "<b>niet vet</b>".replace("<", "&lt;").replace(">", "&gt;"),
        SafeHtml.render("<b>niet vet</b>", TextFormat.MOODLE));
  }

  @Test
  void blankTextGivesEmptyHtml() {
    assertEquals("", SafeHtml.render("  \n ", TextFormat.HTML));
  }
}
