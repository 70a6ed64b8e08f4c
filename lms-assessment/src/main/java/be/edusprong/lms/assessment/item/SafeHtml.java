package be.edusprong.lms.assessment.item;

import java.util.Objects;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Turns author text into HTML that a page may print without further escaping.
 *
 * <p>One policy for all item text: the OWASP java-html-sanitizer building blocks for formatting,
 * blocks, links (http, https, mailto; {@code rel="nofollow"} added), images, tables and a safe CSS
 * subset, plus {@code pre}, {@code code}, {@code hr} and definition lists. Scripts, event handlers,
 * forms, iframes and {@code javascript:} URLs never survive. Relative URLs (e.g. Moodle's
 * {@code @@PLUGINFILE@@/x.png}) are kept; resolving them is the caller's job.
 *
 * <p>Thread-safe; all methods are pure functions.
 */
public final class SafeHtml {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(
              new HtmlPolicyBuilder()
                  .allowStandardUrlProtocols()
                  .allowElements("a")
                  .allowAttributes("href", "title")
                  .onElements("a")
                  .requireRelNofollowOnLinks()
                  .toFactory())
          .and(Sanitizers.IMAGES)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.STYLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements(
                      "pre",
                      "code",
                      "hr",
                      "dl",
                      "dt",
                      "dd",
                      "kbd",
                      "samp",
                      "var",
                      "mark",
                      "abbr",
                      "figure",
                      "figcaption")
                  .allowAttributes("title")
                  .onElements("abbr", "a", "span")
                  .allowAttributes("dir")
                  .matching(false, "ltr", "rtl", "auto")
                  .globally()
                  .toFactory());

  // CommonMark: raw HTML in Markdown is shown as text, never rendered (docs/content-format.md).
  private static final Parser MARKDOWN = Parser.builder().build();
  private static final HtmlRenderer MARKDOWN_HTML =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  private SafeHtml() {}

  /**
   * Renders author text in the given format to safe HTML.
   *
   * @param text the text as written (GIFT escapes already resolved); not null
   * @param format {@link TextFormat#HTML} is sanitised; {@link TextFormat#MARKDOWN} is rendered by
   *     commonmark ({@code escapeHtml(true)}, {@code sanitizeUrls(true)}) and then sanitised;
   *     {@link TextFormat#MOODLE} and {@link TextFormat#PLAIN} are escaped as text, each line break
   *     becoming {@code <br>}
   * @return safe HTML, {@code ""} for blank input; never null
   */
  public static String render(String text, TextFormat format) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(format, "format");
    if (text.isBlank()) {
      return "";
    }
    return switch (format) {
      case HTML -> sanitize(text);
      case MARKDOWN ->
          unwrapParagraph(sanitize(MARKDOWN_HTML.render(MARKDOWN.parse(text))).strip());
      case MOODLE, PLAIN -> escapeLines(text);
    };
  }

  /**
   * Sanitises untrusted HTML with the item policy described on this class.
   *
   * @param html untrusted HTML; not null
   * @return HTML holding only allowed elements and attributes
   */
  public static String sanitize(String html) {
    return POLICY.sanitize(Objects.requireNonNull(html, "html"));
  }

  /**
   * Escapes text for use as HTML element content or a quoted attribute value.
   *
   * @param text any text; not null
   * @return the text with {@code & < > " '} replaced by character references
   */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String unwrapParagraph(String html) {
    boolean lone = html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p", 1) < 0;
    return lone ? html.substring(3, html.length() - 4) : html;
  }

  // Indentation of continuation lines carries no meaning in text formats (Moodle trims each line).
  private static String escapeLines(String text) {
    String[] lines = text.strip().split("\r\n|\r|\n", -1);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append("<br>");
      }
      out.append(escape(lines[i].strip()));
    }
    return out.toString();
  }
}
