package be.edusprong.lms.run.browser;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.item.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The content packages in the repository's {@code content/} folder (docs/content-format.md), read
 * the way the tests need them: a module's units and a unit's practice questions with their right
 * answers, parsed by the platform's own GIFT parser.
 */
final class Content {
  private static final Pattern UNIT_CODE = Pattern.compile("^\\s+- code:\\s*([a-z0-9-]+)\\s*$");

  private Content() {}

  /**
   * The {@code content/} folder: system property {@code lms.content.dir}, else {@code ../content}.
   */
  static Path dir() {
    Path dir = Path.of(System.getProperty("lms.content.dir", "../content"));
    if (!Files.isDirectory(dir.resolve("modules"))) {
      throw new IllegalStateException("no content packages at " + dir.toAbsolutePath());
    }
    return dir;
  }

  /** The unit codes of a module, in order, from its {@code module.yaml}. */
  static List<String> unitCodes(String module) {
    List<String> codes = new ArrayList<>();
    boolean inUnits = false;
    for (String line : lines(dir().resolve("modules").resolve(module).resolve("module.yaml"))) {
      if (line.startsWith("units:")) {
        inUnits = true;
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        inUnits = false;
      } else if (inUnits) {
        Matcher m = UNIT_CODE.matcher(line);
        if (m.matches()) {
          codes.add(m.group(1));
        }
      }
    }
    if (codes.isEmpty()) {
      throw new IllegalStateException("no units found in " + module + "/module.yaml");
    }
    return codes;
  }

  /** The practice questions of a unit ({@code units/NN-<unit>.gift}), in file order. */
  static List<Item> questions(String module, String unit) {
    Path units = dir().resolve("modules").resolve(module).resolve("units");
    List<Path> files;
    try (Stream<Path> list = Files.list(units)) {
      files =
          list.filter(
                  p ->
                      p.getFileName().toString().matches("\\d+-" + Pattern.quote(unit) + "\\.gift"))
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.size() != 1) {
      throw new IllegalStateException(
          "expected one NN-" + unit + ".gift in " + units + ": " + files);
    }
    Path file = files.get(0);
    try {
      return new GiftParser()
          .parseStrict(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
