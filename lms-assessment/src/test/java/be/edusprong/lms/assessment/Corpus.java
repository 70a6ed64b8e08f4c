package be.edusprong.lms.assessment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the shared corpus is, for the corpus tests. The corpus is read in place and never copied
 * into this repository (GPL). Located by the system property {@code lms.corpus.dir} (the corpus
 * root, or one of its format directories), else {@code ../../shared/corpus} from the module
 * directory; a test that needs it is skipped (JUnit assumption) when it is absent.
 */
public final class Corpus {

  /** The system property naming the corpus directory. */
  public static final String PROPERTY = "lms.corpus.dir";

  private static final List<String> FOLDERS = List.of("gift", "aiken", "moodlexml", "qti");

  private Corpus() {}

  /**
   * The configured directory as given.
   *
   * @return the value of {@link #PROPERTY}, else {@code ../../shared/corpus}
   */
  public static Path configured() {
    String configured = System.getProperty(PROPERTY);
    return configured != null ? Path.of(configured) : Path.of("../../shared/corpus");
  }

  /**
   * The corpus root: the configured directory, or its parent when it names a format directory.
   *
   * @return the root, which holds {@code gift}, {@code aiken}, ... when the corpus is present
   */
  public static Path root() {
    Path dir = configured();
    Path name = dir.getFileName();
    if (name != null && FOLDERS.contains(name.toString())) {
      return dir.getParent();
    }
    return dir;
  }

  /**
   * One format directory of the corpus: {@code folder} inside the configured directory, the
   * configured directory itself when it has that name, else its sibling of that name.
   *
   * @param folder e.g. {@code aiken}
   * @return the directory, which may not exist
   */
  public static Path dir(String folder) {
    Path dir = configured();
    if (Files.isDirectory(dir.resolve(folder))) {
      return dir.resolve(folder);
    }
    Path name = dir.getFileName();
    return name != null && name.toString().equals(folder) ? dir : dir.resolveSibling(folder);
  }

  /**
   * One format directory of the corpus, skipping the calling test when it holds no {@code
   * MANIFEST.md}.
   *
   * @param folder e.g. {@code aiken}
   * @param label how the skip message names the corpus, e.g. {@code Aiken}
   * @return the directory
   */
  public static Path assume(String folder, String label) {
    Path dir = dir(folder);
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("MANIFEST.md")),
        label + " corpus not found at " + dir.toAbsolutePath() + " (set -D" + PROPERTY + ")");
    return dir;
  }
}
