package be.edusprong.lms.assessment.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.item.ItemType;
import java.util.List;
import org.junit.jupiter.api.Test;

class GiftImporterTest {

  private final GiftImporter importer = new GiftImporter();

  @Test
  void itemsAndProblemsBecomeOutcomesInSourceOrder() {
    String gift =
        """
        // wachtwoorden
        Is "123456" een sterk wachtwoord?{F}

        Een wachtwoordbeheerder {=bewaart ~vergeet wachtwoorden.

        ::Poort:: Welke poort gebruikt HTTPS?{#443}
        """;
    FidelityReport r = importer.importFile(gift, "wachtwoorden.gift");
    assertEquals(BankFormat.GIFT, r.format());
    assertEquals("wachtwoorden.gift", r.fileName());
    assertEquals(
        List.of(ImportStatus.IMPORTED, ImportStatus.REJECTED, ImportStatus.IMPORTED),
        r.outcomes().stream().map(ItemOutcome::status).toList());
    assertFalse(r.complete());
    assertEquals(
        List.of(ItemType.TRUE_FALSE, ItemType.NUMERICAL),
        r.items().stream().map(i -> i.type()).toList());
    assertEquals(2, r.outcomes().get(0).line());

    // The rejection carries exactly what GiftParser reported.
    var problem = new GiftParser().parse(gift, "wachtwoorden.gift").problems().get(0);
    ItemOutcome rejected = r.outcomes().get(1);
    assertNull(rejected.item());
    assertEquals(problem.line(), rejected.line());
    assertEquals(problem.column(), rejected.column());
    assertEquals(List.of(problem.message()), rejected.messages());
  }

  @Test
  void aCleanFileIsComplete() {
    FidelityReport r =
        importer.importFile("$CATEGORY: netwerken\n\nPing is een commando.{T}\n", "n.gift");
    assertTrue(r.complete());
    assertEquals(1, r.importedCount());
    assertEquals("netwerken", r.items().get(0).category());
  }

  @Test
  void emptyAndBinaryFilesAreRefused() {
    assertEquals("the file is empty", importer.importFile(" \n", "leeg.gift").refusal());
    assertTrue(importer.importFile("a\0b", "x.gift").refusal().contains("binary"));
  }
}
