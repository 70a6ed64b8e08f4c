package be.edusprong.lms.run.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core (npm, pinned in {@code src/test/js/package-lock.json}, installed by the build) run in
 * the page: WCAG 2.0 and 2.1, levels A and AA.
 */
final class Axe {
  /** The rule sets checked: WCAG 2.0 and 2.1, A and AA. */
  static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  /** Impacts that fail a test. */
  static final Set<String> FAILING = Set.of("serious", "critical");

  /** One rule broken on the page: its id, impact, help text and the elements that break it. */
  record Violation(String rule, String impact, String help, List<String> targets) {
    boolean failing() {
      return FAILING.contains(impact);
    }

    @Override
    public String toString() {
      return rule
          + " ("
          + impact
          + "): "
          + help
          + "\n      at "
          + String.join("\n      at ", targets);
    }
  }

  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {
            runOnly: {type: 'tag', values: arguments[0]},
            resultTypes: ['violations']
          })
          .then(result => done(result.violations.map(v => ({
              rule: v.id,
              impact: v.impact || 'unknown',
              help: v.help,
              targets: v.nodes.map(n => n.target.join(' ')
                  + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : ''))
          }))))
          .catch(e => done('axe failed: ' + e));
      """;

  private static String source;

  private Axe() {}

  /** Runs axe in the page the browser shows now. */
  @SuppressWarnings("unchecked")
  static List<Violation> run(Browser browser) {
    browser.script(source());
    Object result = browser.driver().executeAsyncScript(RUN, TAGS);
    if (!(result instanceof List<?> list)) {
      throw new IllegalStateException(String.valueOf(result));
    }
    return list.stream()
        .map(o -> (Map<String, Object>) o)
        .map(
            m ->
                new Violation(
                    (String) m.get("rule"),
                    (String) m.get("impact"),
                    (String) m.get("help"),
                    ((List<Object>) m.get("targets")).stream().map(String::valueOf).toList()))
        .toList();
  }

  /** The violations as lines for a failure message. */
  static String describe(List<Violation> violations) {
    return violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n"));
  }

  private static synchronized String source() {
    if (source == null) {
      String property = System.getProperty("lms.axe.script", "");
      if (property.isBlank()) {
        throw new IllegalStateException(
            "system property lms.axe.script is not set (failsafe in lms-run/pom.xml sets it)");
      }
      Path file = Path.of(property);
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "no axe-core at "
                + file
                + ": the build installs it (npm ci in lms-run/src/test/js, phase"
                + " generate-test-resources)");
      }
      try {
        source = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return source;
  }
}
