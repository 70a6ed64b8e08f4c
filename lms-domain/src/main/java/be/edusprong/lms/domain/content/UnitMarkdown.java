package be.edusprong.lms.domain.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a unit's Markdown (CommonMark with GFM tables) to safe HTML: raw HTML is escaped by the
 * renderer, and the result goes through an OWASP HTML Sanitizer policy that allows text formatting,
 * lists, tables, images served by the platform and {@code https} links (opened with {@code
 * rel="nofollow noopener noreferrer"}).
 *
 * <p>Images are resolved against the module folder and served at {@code /media/<module>/<path>}.
 */
final class UnitMarkdown {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Set<String> IMAGE_TYPES = Set.of("svg", "png", "jpg", "jpeg", "webp", "gif");

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "ul",
              "ol",
              "li",
              "strong",
              "em",
              "code",
              "pre",
              "blockquote",
              "hr",
              "br",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "a",
              "img")
          .allowAttributes("href")
          .onElements("a")
          .allowAttributes("src", "alt", "title")
          .onElements("img")
          .allowAttributes("align")
          .onElements("th", "td")
          .allowAttributes("start")
          .onElements("ol")
          .allowUrlProtocols("https")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .toFactory();

  private final Parser parser =
      Parser.builder()
          .extensions(EXTENSIONS)
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  /** The result of rendering one file. */
  record Rendered(String html, List<ContentProblem> problems) {}

  /**
   * Renders one unit file.
   *
   * @param moduleCode the module, for image URLs
   * @param file path of the Markdown file relative to the content root, for messages
   * @param unitDir the folder of the file relative to the module folder (e.g. {@code units})
   * @param markdown the text
   * @param exists tells whether a path relative to the module folder exists
   */
  Rendered render(
      String moduleCode, String file, String unitDir, String markdown, Predicate<String> exists) {
    Node document = parser.parse(markdown);
    List<ContentProblem> problems = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Image image) {
            String target = resolve(unitDir, image.getDestination());
            int line = line(image);
            String extension = target.substring(target.lastIndexOf('.') + 1).toLowerCase();
            if (target.startsWith("..") || target.contains("://")) {
              problems.add(
                  new ContentProblem(
                      file, line, "image '" + image.getDestination() + "' is outside the module"));
            } else if (!IMAGE_TYPES.contains(extension)) {
              problems.add(
                  new ContentProblem(
                      file, line, "image '" + image.getDestination() + "' is not an image type"));
            } else if (!exists.test(target)) {
              problems.add(
                  new ContentProblem(
                      file, line, "image '" + image.getDestination() + "' does not exist"));
            } else if (image.getFirstChild() == null) {
              problems.add(
                  new ContentProblem(
                      file, line, "image '" + image.getDestination() + "' has no alt text"));
            }
            image.setDestination("/media/" + moduleCode + "/" + target);
            visitChildren(image);
          }

          @Override
          public void visit(Link link) {
            String destination = link.getDestination();
            if (!destination.startsWith("https://") && !destination.startsWith("#")) {
              problems.add(
                  new ContentProblem(
                      file, line(link), "link '" + destination + "' must start with https://"));
            }
            visitChildren(link);
          }
        });
    String html =
        HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build()
            .render(document);
    return new Rendered(POLICY.sanitize(html), problems);
  }

  private static int line(Node node) {
    return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
  }

  /** Resolves {@code target} against {@code dir}, both relative to the module folder. */
  static String resolve(String dir, String target) {
    List<String> parts = new ArrayList<>();
    if (!dir.isEmpty()) {
      parts.addAll(List.of(dir.split("/")));
    }
    for (String part : target.split("/")) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return ".." + "/" + target;
        }
        parts.remove(parts.size() - 1);
      } else if (!part.equals(".") && !part.isEmpty()) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
