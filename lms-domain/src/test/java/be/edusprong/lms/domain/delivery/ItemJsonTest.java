package be.edusprong.lms.domain.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.edusprong.lms.assessment.imports.FidelityReport;
import be.edusprong.lms.assessment.imports.Importers;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The platform's own storage form reads back every item equal to the one written: checked on every
 * item the importers get out of the shared corpus (all types, all formats; skipped when the corpus
 * is absent), and on bad documents.
 */
class ItemJsonTest {
  // lms-domain/ -> the repository -> its parent, where ../shared sits beside the project.
  private static final Path CORPUS = Path.of("..", "..", "shared", "corpus");

  @Test
  void everyCorpusItemReadsBackEqual() throws IOException {
    assumeTrue(Files.isDirectory(CORPUS), "corpus not present at " + CORPUS.toAbsolutePath());
    Set<ItemType> seen = EnumSet.noneOf(ItemType.class);
    int items = 0;
    for (String dir : List.of("gift", "moodlexml", "aiken", "qti")) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(CORPUS.resolve(dir))) {
        files =
            walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).toList();
      }
      for (Path file : files) {
        FidelityReport report =
            Importers.importBytes(Files.readAllBytes(file), file.getFileName().toString());
        for (Item item : report.items()) {
          assertEquals(item, ItemJson.read(ItemJson.write(item)), file + ": " + item.identifier());
          seen.add(item.type());
          items++;
        }
      }
    }
    assertTrue(items > 100, "only " + items + " items in the corpus");
    assertTrue(
        seen.containsAll(EnumSet.of(ItemType.ORDERING, ItemType.CLOZE, ItemType.GAP_MATCH)),
        "the corpus has the types GIFT cannot hold: " + seen);
  }

  @Test
  void somethingElseIsRefusedWithTheReason() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ItemJson.read("{kapot"))
            .getMessage()
            .startsWith("not an item document"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ItemJson.read("{\"format\":\"x\"}"))
            .getMessage()
            .contains("edusprong-item/1"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ItemJson.read("{\"format\":\"edusprong-item/1\",\"identifier\":\"a\"}"))
            .getMessage()
            .contains("lacks a member"));
  }
}
