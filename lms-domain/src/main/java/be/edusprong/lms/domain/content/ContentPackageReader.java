package be.edusprong.lms.domain.content;

import be.edusprong.lms.assessment.gift.GiftParseResult;
import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.gift.GiftProblem;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.content.ContentPackage.Area;
import be.edusprong.lms.domain.content.ContentPackage.CompetenceRow;
import be.edusprong.lms.domain.content.ContentPackage.DigComp;
import be.edusprong.lms.domain.content.ContentPackage.Level;
import be.edusprong.lms.domain.content.ContentPackage.ModulePackage;
import be.edusprong.lms.domain.content.ContentPackage.UnitPackage;
import be.edusprong.lms.domain.module.ModuleKind;
import be.edusprong.lms.domain.shared.LocalizedText;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates the content packages in the format of {@code docs/content-format.md}: {@code
 * catalogue.yaml}, {@code digcomp/digcomp-2.2.csv} and one {@code module.yaml} per module with its
 * Markdown units and GIFT practice questions.
 *
 * <p>All or nothing: {@link #read()} either returns the whole package or throws a {@link
 * ContentException} listing every problem found as {@code file:line: reason}.
 */
public final class ContentPackageReader {
  /** Each unit needs at least this many practice questions (issue 2, point 5). */
  public static final int MIN_QUESTIONS_PER_UNIT = 5;

  /** Each module needs at least this many units (issue 2, point 5). */
  public static final int MIN_UNITS_PER_MODULE = 4;

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern COMPETENCE_CODE = Pattern.compile("[1-5]\\.[1-9]");
  private static final String DIGCOMP_FILE = "digcomp/digcomp-2.2.csv";

  private final ContentSource source;
  private final List<ContentProblem> problems = new ArrayList<>();
  private final UnitMarkdown markdown = new UnitMarkdown();

  public ContentPackageReader(ContentSource source) {
    this.source = source;
  }

  /**
   * Reads everything.
   *
   * @throws ContentException with every problem, when anything is wrong
   */
  public ContentPackage read() {
    problems.clear();
    DigComp digComp = readDigComp();
    Set<String> competenceCodes = new HashSet<>();
    digComp.competences().forEach(c -> competenceCodes.add(c.code()));
    List<ModulePackage> modules = new ArrayList<>();
    for (Located<String> code : readCatalogue()) {
      readModule(code, competenceCodes).ifPresent(modules::add);
    }
    if (!problems.isEmpty()) {
      throw new ContentException(problems);
    }
    return new ContentPackage(digComp, modules);
  }

  private List<Located<String>> readCatalogue() {
    String file = "catalogue.yaml";
    Optional<MappingNode> root = yaml(file);
    List<Located<String>> codes = new ArrayList<>();
    if (root.isEmpty()) {
      return codes;
    }
    Node modules = field(file, root.get(), "modules", true);
    if (modules instanceof SequenceNode seq) {
      Set<String> seen = new HashSet<>();
      for (Node n : seq.getValue()) {
        String code = scalar(file, n);
        if (code == null) {
          continue;
        }
        if (!seen.add(code)) {
          problem(file, n, "module '" + code + "' is listed twice");
        } else {
          codes.add(new Located<>(code, line(n)));
        }
      }
    } else if (modules != null) {
      problem(file, modules, "'modules' must be a list of module codes");
    }
    return codes;
  }

  private DigComp readDigComp() {
    List<Area> areas = new ArrayList<>();
    List<CompetenceRow> competences = new ArrayList<>();
    List<Level> levels = new ArrayList<>();
    Optional<String> text = source.read(DIGCOMP_FILE);
    if (text.isEmpty()) {
      problems.add(new ContentProblem(DIGCOMP_FILE, 0, "file is missing"));
      return new DigComp(areas, competences, levels);
    }
    String csv = text.get().startsWith("\uFEFF") ? text.get().substring(1) : text.get();
    Set<String> areaCodes = new HashSet<>();
    try {
      for (CSVRecord r :
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setTrim(true)
              .get()
              .parse(new StringReader(csv))) {
        int line = (int) r.getParser().getCurrentLineNumber();
        if (!r.isConsistent()) {
          problems.add(new ContentProblem(DIGCOMP_FILE, line, "expected 5 columns"));
          continue;
        }
        String kind = r.get("kind");
        String code = r.get("code");
        LocalizedText name = new LocalizedText(r.get("name_nl"), r.get("name_en"));
        if (name.nl().isBlank() || name.en().isBlank()) {
          problems.add(new ContentProblem(DIGCOMP_FILE, line, "name_nl and name_en are required"));
          continue;
        }
        switch (kind) {
          case "AREA" -> {
            areas.add(new Area(code, name));
            areaCodes.add(code);
          }
          case "COMPETENCE" -> {
            if (!COMPETENCE_CODE.matcher(code).matches()) {
              problems.add(new ContentProblem(DIGCOMP_FILE, line, "bad competence code " + code));
            } else if (!areaCodes.contains(r.get("parent"))) {
              problems.add(
                  new ContentProblem(
                      DIGCOMP_FILE,
                      line,
                      "competence " + code + ": unknown area " + r.get("parent")));
            } else {
              competences.add(new CompetenceRow(code, r.get("parent"), name));
            }
          }
          case "LEVEL" -> {
            try {
              levels.add(new Level(Integer.parseInt(code), r.get("parent"), name));
            } catch (NumberFormatException e) {
              problems.add(new ContentProblem(DIGCOMP_FILE, line, "level must be 1-8: " + code));
            }
          }
          default ->
              problems.add(new ContentProblem(DIGCOMP_FILE, line, "unknown kind '" + kind + "'"));
        }
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      problems.add(new ContentProblem(DIGCOMP_FILE, 0, "not valid CSV: " + e.getMessage()));
    }
    if (areas.size() != 5 || competences.size() != 21 || levels.size() != 8) {
      problems.add(
          new ContentProblem(
              DIGCOMP_FILE,
              0,
              "DigComp 2.2 has 5 areas, 21 competences and 8 levels; found "
                  + areas.size()
                  + ", "
                  + competences.size()
                  + " and "
                  + levels.size()));
    }
    return new DigComp(areas, competences, levels);
  }

  private Optional<ModulePackage> readModule(Located<String> code, Set<String> known) {
    String dir = "modules/" + code.value() + "/";
    String file = dir + "module.yaml";
    if (!CODE.matcher(code.value()).matches()) {
      problems.add(
          new ContentProblem(
              "catalogue.yaml", code.line(), "bad module code '" + code.value() + "'"));
      return Optional.empty();
    }
    Optional<MappingNode> root = yaml(file);
    if (root.isEmpty()) {
      return Optional.empty();
    }
    int before = problems.size();
    MappingNode m = root.get();
    String declared = string(file, m, "code");
    if (declared != null && !declared.equals(code.value())) {
      problem(file, field(file, m, "code", true), "code '" + declared + "' is not the folder name");
    }
    Integer version = integer(file, m, "version", 1, Integer.MAX_VALUE);
    ModuleKind kind = null;
    String kindText = string(file, m, "kind");
    if (kindText != null) {
      try {
        kind = ModuleKind.valueOf(kindText);
      } catch (IllegalArgumentException e) {
        problem(file, field(file, m, "kind", true), "kind must be OPEN or DIGISPRONG");
      }
    }
    LocalizedText title = localized(file, m, "title");
    LocalizedText summary = localized(file, m, "summary");
    Integer level = integer(file, m, "level", 1, 8);
    Integer minutes = integer(file, m, "estimatedMinutes", 1, 100_000);
    List<String> competences = competences(file, m, known, null);
    List<UnitPackage> units = new ArrayList<>();
    Node unitsNode = field(file, m, "units", true);
    if (unitsNode instanceof SequenceNode seq) {
      Set<String> unitCodes = new HashSet<>();
      for (Node u : seq.getValue()) {
        if (!(u instanceof MappingNode unit)) {
          problem(file, u, "a unit must be a mapping");
          continue;
        }
        readUnit(code.value(), dir, file, unit, known, competences, unitCodes)
            .ifPresent(units::add);
      }
      if (seq.getValue().size() < MIN_UNITS_PER_MODULE) {
        problem(file, seq, "a module needs at least " + MIN_UNITS_PER_MODULE + " units");
      }
    } else if (unitsNode != null) {
      problem(file, unitsNode, "'units' must be a list");
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new ModulePackage(
            code.value(), version, kind, title, summary, level, minutes, competences, units));
  }

  private Optional<UnitPackage> readUnit(
      String moduleCode,
      String dir,
      String file,
      MappingNode unit,
      Set<String> known,
      List<String> moduleCompetences,
      Set<String> unitCodes) {
    int before = problems.size();
    String code = string(file, unit, "code");
    if (code != null && !CODE.matcher(code).matches()) {
      problem(file, field(file, unit, "code", true), "bad unit code '" + code + "'");
    } else if (code != null && !unitCodes.add(code)) {
      problem(file, field(file, unit, "code", true), "unit code '" + code + "' is used twice");
    }
    LocalizedText title = localized(file, unit, "title");
    Integer minutes = integer(file, unit, "minutes", 1, 10_000);
    List<String> competences = competences(file, unit, known, moduleCompetences);
    String contentPath = string(file, unit, "content");
    String questionsPath = string(file, unit, "questions");
    String html = null;
    if (contentPath != null) {
      Optional<String> text = source.read(dir + contentPath);
      if (text.isEmpty()) {
        problem(file, field(file, unit, "content", true), "file '" + contentPath + "' is missing");
      } else {
        String unitDir =
            contentPath.contains("/") ? contentPath.substring(0, contentPath.lastIndexOf('/')) : "";
        UnitMarkdown.Rendered rendered =
            markdown.render(
                moduleCode,
                dir + contentPath,
                unitDir,
                text.get(),
                p -> source.read(dir + p).isPresent());
        problems.addAll(rendered.problems());
        html = rendered.html();
      }
    }
    List<Item> items = List.of();
    if (questionsPath != null) {
      Optional<String> text = source.read(dir + questionsPath);
      if (text.isEmpty()) {
        problem(
            file, field(file, unit, "questions", true), "file '" + questionsPath + "' is missing");
      } else {
        GiftParseResult parsed = new GiftParser().parse(text.get(), dir + questionsPath);
        for (GiftProblem p : parsed.problems()) {
          problems.add(
              new ContentProblem(
                  dir + questionsPath, p.line(), "column " + p.column() + ": " + p.message()));
        }
        items = parsed.items();
        Set<String> ids = new HashSet<>();
        for (Item item : items) {
          if (!ids.add(item.identifier())) {
            problems.add(
                new ContentProblem(
                    dir + questionsPath,
                    item.sourceLine(),
                    "question id '" + item.identifier() + "' is used twice"));
          }
        }
        if (items.size() < MIN_QUESTIONS_PER_UNIT) {
          problems.add(
              new ContentProblem(
                  dir + questionsPath,
                  0,
                  "a unit needs at least "
                      + MIN_QUESTIONS_PER_UNIT
                      + " practice questions, found "
                      + items.size()));
        }
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new UnitPackage(code, title, html, minutes, competences, items));
  }

  // ---- YAML helpers: every value keeps its line for messages ----

  private Optional<MappingNode> yaml(String file) {
    Optional<String> text = source.read(file);
    if (text.isEmpty()) {
      problems.add(new ContentProblem(file, 0, "file is missing"));
      return Optional.empty();
    }
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      Node node = new Yaml(options).compose(new StringReader(text.get()));
      if (node instanceof MappingNode m) {
        return Optional.of(m);
      }
      problems.add(new ContentProblem(file, 1, "expected a YAML mapping"));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      problems.add(new ContentProblem(file, line, "not valid YAML: " + e.getProblem()));
    } catch (RuntimeException e) {
      problems.add(new ContentProblem(file, 0, "not valid YAML: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private Node field(String file, MappingNode m, String key, boolean required) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k) {
        fields.put(k.getValue(), t.getValueNode());
      }
    }
    Node n = fields.get(key);
    if (n == null && required) {
      problem(file, m, "'" + key + "' is required");
    }
    return n;
  }

  private String string(String file, MappingNode m, String key) {
    Node n = field(file, m, key, true);
    return n == null ? null : scalar(file, n);
  }

  private String scalar(String file, Node n) {
    if (n instanceof ScalarNode s && !s.getValue().isBlank()) {
      return s.getValue().trim();
    }
    problem(file, n, "expected a non-empty text");
    return null;
  }

  private Integer integer(String file, MappingNode m, String key, int min, int max) {
    String text = string(file, m, key);
    if (text == null) {
      return null;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(
        file, field(file, m, key, true), "'" + key + "' must be a whole number " + min + "-" + max);
    return null;
  }

  private LocalizedText localized(String file, MappingNode m, String key) {
    Node n = field(file, m, key, true);
    if (n == null) {
      return null;
    }
    if (!(n instanceof MappingNode texts)) {
      problem(file, n, "'" + key + "' must have 'nl' and 'en'");
      return null;
    }
    String nl = string(file, texts, "nl");
    String en = string(file, texts, "en");
    return nl == null || en == null ? null : new LocalizedText(nl, en);
  }

  private List<String> competences(
      String file, MappingNode m, Set<String> known, List<String> allowed) {
    Node n = field(file, m, "competences", true);
    List<String> codes = new ArrayList<>();
    if (n == null) {
      return codes;
    }
    if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problem(file, n, "'competences' must be a non-empty list of DigComp codes");
      return codes;
    }
    for (Node c : seq.getValue()) {
      String code = scalar(file, c);
      if (code == null) {
        continue;
      }
      if (!known.contains(code)) {
        problem(file, c, "'" + code + "' is no DigComp 2.2 competence");
      } else if (allowed != null && !allowed.contains(code)) {
        problem(file, c, "competence " + code + " is not among the module's competences");
      } else {
        codes.add(code);
      }
    }
    return codes;
  }

  private void problem(String file, Node n, String message) {
    problems.add(new ContentProblem(file, line(n), message));
  }

  private static int line(Node n) {
    return n == null || n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
  }

  private record Located<T>(T value, int line) {}
}
