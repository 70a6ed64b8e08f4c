package be.edusprong.lms.domain.content;

import java.nio.file.Path;

/**
 * Build-time check of the {@code content/} folder: run by the {@code lms-content} module's build,
 * it exits with status 1 and prints every problem as {@code file:line: reason} when a package is
 * malformed, so a broken module never reaches a running platform.
 */
public final class ContentValidator {
  private ContentValidator() {}

  /**
   * Validates a content folder.
   *
   * @param args one argument: the path of the content root (the folder holding catalogue.yaml)
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ContentValidator <content-root>");
      System.exit(2);
    }
    Path root = Path.of(args[0]).toAbsolutePath();
    try {
      ContentPackage content = new ContentPackageReader(ContentSource.directory(root)).read();
      int units = content.modules().stream().mapToInt(m -> m.units().size()).sum();
      int items =
          content.modules().stream()
              .flatMap(m -> m.units().stream())
              .mapToInt(u -> u.items().size())
              .sum();
      System.out.println(
          "content OK: "
              + content.modules().size()
              + " modules, "
              + units
              + " units, "
              + items
              + " practice questions");
    } catch (ContentException e) {
      for (ContentProblem p : e.problems()) {
        System.err.println(
            root.resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "") + ": " + p.message());
      }
      System.err.println(e.problems().size() + " problem(s) in content");
      System.exit(1);
    }
  }
}
