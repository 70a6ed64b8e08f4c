package be.edusprong.lms.domain.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.domain.content.ContentPackage.ModulePackage;
import be.edusprong.lms.domain.content.ContentPackage.UnitPackage;
import be.edusprong.lms.domain.module.ModuleKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reader against the real {@code content/} folder and against small malformed packages, whose
 * problems must name the file and line.
 */
class ContentPackageReaderTest {
  private static final Path CONTENT = Path.of("..", "content").toAbsolutePath().normalize();

  @Test
  void theShippedContentIsCompleteAndValid() {
    ContentPackage content = new ContentPackageReader(ContentSource.directory(CONTENT)).read();
    assertEquals(5, content.digComp().areas().size());
    assertEquals(21, content.digComp().competences().size());
    assertEquals(8, content.digComp().levels().size());
    assertEquals(4, content.modules().size());
    assertEquals(3, content.modules().stream().filter(m -> m.kind() == ModuleKind.OPEN).count());
    assertEquals(
        1, content.modules().stream().filter(m -> m.kind() == ModuleKind.DIGISPRONG).count());
    for (ModulePackage m : content.modules()) {
      assertTrue(m.units().size() >= 4, m.code() + " has fewer than 4 units");
      for (UnitPackage u : m.units()) {
        assertTrue(u.items().size() >= 5, m.code() + "/" + u.code() + " has < 5 questions");
        assertTrue(u.bodyHtml().contains("<h2>"), m.code() + "/" + u.code() + " has no heading");
        assertTrue(
            u.bodyHtml().contains("src=\"/media/" + m.code() + "/images/"),
            m.code() + "/" + u.code() + " image not served by the platform");
      }
    }
  }

  @Test
  void aMissingFieldAndAnUnknownCompetenceAreReportedWithFileAndLine() {
    Map<String, String> files = validPackage();
    files.put(
        "modules/demo/module.yaml",
        files
            .get("modules/demo/module.yaml")
            .replace("level: 2\n", "")
            .replace("competences: [\"4.2\"]\n", "competences: [\"9.9\"]\n"));
    ContentException e = assertThrows(ContentException.class, () -> read(files));
    String all =
        e.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n"));
    assertTrue(all.contains("modules/demo/module.yaml:1: 'level' is required"), all);
    assertTrue(all.contains("modules/demo/module.yaml:"), all);
    assertTrue(all.contains("'9.9' is no DigComp 2.2 competence"), all);
  }

  @Test
  void brokenYamlGivesTheLineOfTheSyntaxError() {
    Map<String, String> files = validPackage();
    files.put("modules/demo/module.yaml", "code: demo\nversion: [1\nkind: OPEN\n");
    ContentException e = assertThrows(ContentException.class, () -> read(files));
    ContentProblem p = e.problems().get(0);
    assertEquals("modules/demo/module.yaml", p.file());
    assertTrue(p.line() >= 2, "line " + p.line());
    assertTrue(p.message().startsWith("not valid YAML"), p.message());
  }

  @Test
  void aGiftErrorIsReportedAtItsLineAndTooFewQuestionsAreRefused() {
    Map<String, String> files = validPackage();
    files.put(
        "modules/demo/units/01.gift",
        "::Q1:: Is dit juist? {T}\n\n::Q2:: Open accolade zonder einde {=ja ~nee\n");
    ContentException e = assertThrows(ContentException.class, () -> read(files));
    String all =
        e.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n"));
    assertTrue(all.contains("modules/demo/units/01.gift:3:"), all);
    assertTrue(all.contains("at least 5 practice questions"), all);
  }

  @Test
  void rawHtmlIsEscapedAndOutsideLinksMustBeHttps() {
    Map<String, String> files = validPackage();
    files.put(
        "modules/demo/units/01.md",
        "## Titel\n\n<script>alert(1)</script>\n\nZie [dit](http://voorbeeld.be).\n");
    ContentException e = assertThrows(ContentException.class, () -> read(files));
    assertTrue(
        e.problems().stream()
            .anyMatch(
                p ->
                    p.file().equals("modules/demo/units/01.md")
                        && p.line() == 5
                        && p.message().contains("must start with https://")),
        e.getMessage());

    files.put("modules/demo/units/01.md", "## Titel\n\n<script>alert(1)</script>\n");
    ContentPackage ok = read(files);
    String html = ok.modules().get(0).units().get(0).bodyHtml();
    assertFalse(html.contains("<script"), html);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
  }

  @Test
  void aMissingImageAndAModuleNotInTheCatalogueFolderAreReported() {
    Map<String, String> files = validPackage();
    files.put("modules/demo/units/01.md", "## Titel\n\n![Uitleg](../images/bestaat-niet.svg)\n");
    ContentException e = assertThrows(ContentException.class, () -> read(files));
    assertTrue(e.getMessage().contains("modules/demo/units/01.md:3: image"), e.getMessage());

    Map<String, String> other = validPackage();
    other.put("catalogue.yaml", "modules:\n  - demo\n  - ontbreekt\n");
    ContentException missing = assertThrows(ContentException.class, () -> read(other));
    assertTrue(
        missing.getMessage().contains("modules/ontbreekt/module.yaml: file is missing"),
        missing.getMessage());
  }

  private static ContentPackage read(Map<String, String> files) {
    return new ContentPackageReader(path -> Optional.ofNullable(files.get(path))).read();
  }

  /** A minimal valid package: the real DigComp file and one module of four units. */
  private static Map<String, String> validPackage() {
    Map<String, String> files = new HashMap<>();
    try {
      files.put(
          "digcomp/digcomp-2.2.csv", Files.readString(CONTENT.resolve("digcomp/digcomp-2.2.csv")));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    files.put("catalogue.yaml", "modules:\n  - demo\n");
    StringBuilder units = new StringBuilder();
    for (int i = 1; i <= 4; i++) {
      String n = "0" + i;
      units.append(
          "  - code: unit-"
              + i
              + "\n    title: {nl: Eenheid "
              + i
              + ", en: Unit "
              + i
              + "}\n    content: units/"
              + n
              + ".md\n    questions: units/"
              + n
              + ".gift\n    competences: [\"4.2\"]\n    minutes: 10\n");
      files.put("modules/demo/units/" + n + ".md", "## Eenheid " + i + "\n\nTekst.\n");
      files.put("modules/demo/units/" + n + ".gift", fiveQuestions());
    }
    files.put(
        "modules/demo/module.yaml",
        "code: demo\nversion: 1\nkind: OPEN\ntitle: {nl: Demo, en: Demo}\n"
            + "summary: {nl: Een demo., en: A demo.}\nlevel: 2\nestimatedMinutes: 40\n"
            + "competences: [\"4.2\"]\nunits:\n"
            + units);
    return files;
  }

  private static String fiveQuestions() {
    return List.of(1, 2, 3, 4, 5).stream()
        .map(i -> "::Vraag " + i + ":: Is " + i + " een getal? {T#Niet juist.#Juist.}")
        .collect(Collectors.joining("\n\n"));
  }
}
