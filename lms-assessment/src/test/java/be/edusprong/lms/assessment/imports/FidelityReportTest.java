package be.edusprong.lms.assessment.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FidelityReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Item item(String id, String stem) {
    return new Item(
        id,
        "",
        ItemType.CHOICE_SINGLE,
        TextFormat.PLAIN,
        stem,
        SafeHtml.render(stem, TextFormat.PLAIN),
        -1,
        List.of(
            new Choice("A", "ja", TextFormat.PLAIN, "ja", Choice.FULL_WEIGHT, "", null),
            new Choice("B", "nee", TextFormat.PLAIN, "nee", BigDecimal.ZERO, "", null)),
        List.of(),
        "",
        "",
        List.of(),
        1,
        stem);
  }

  private static FidelityReport sample() {
    return FidelityReport.of(
        "bank/vragen \"1\".txt",
        BankFormat.AIKEN,
        List.of(
            ItemOutcome.imported(item("q1", "Is <b> & \"dit\" tekst?"), 1, 1),
            ItemOutcome.importedWithLosses(item("q2", "Tweede"), 6, 1, List.of("feedback weg")),
            ItemOutcome.rejected(12, 9, "'ANSWER: D' names no option\n(regel\t12)")));
  }

  @Test
  void countsItemsAndCompleteness() {
    FidelityReport r = sample();
    assertEquals(1, r.importedCount());
    assertEquals(1, r.importedWithLossesCount());
    assertEquals(1, r.rejectedCount());
    assertFalse(r.complete());
    assertFalse(r.refused());
    assertEquals(List.of("q1", "q2"), r.items().stream().map(Item::identifier).toList());
    assertEquals(12, r.rejections().get(0).line());

    FidelityReport lossy = FidelityReport.of("x", BankFormat.GIFT, r.outcomes().subList(0, 2));
    assertTrue(lossy.complete(), "losses do not make a report incomplete");
    assertTrue(FidelityReport.of("leeg.gift", BankFormat.GIFT, List.of()).complete());
  }

  @Test
  void reportIsImmutable() {
    List<ItemOutcome> outcomes = new ArrayList<>(sample().outcomes());
    FidelityReport r = FidelityReport.of("x", BankFormat.AIKEN, outcomes);
    outcomes.clear();
    assertEquals(3, r.outcomes().size());
    assertThrows(UnsupportedOperationException.class, () -> r.outcomes().clear());
    assertThrows(UnsupportedOperationException.class, () -> r.items().clear());
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    JsonNode json = JSON.readTree(sample().toJson());
    assertEquals(
        List.of("file", "format", "refusal", "complete", "counts", "outcomes"), fieldNames(json));
    assertEquals("bank/vragen \"1\".txt", json.get("file").asText());
    assertEquals("aiken", json.get("format").asText());
    assertTrue(json.get("refusal").isNull());
    assertFalse(json.get("complete").asBoolean());
    assertEquals(
        "{\"imported\":1,\"importedWithLosses\":1,\"rejected\":1}", json.get("counts").toString());

    JsonNode outcomes = json.get("outcomes");
    assertEquals(3, outcomes.size());
    for (JsonNode o : outcomes) {
      assertEquals(
          List.of("status", "line", "column", "identifier", "type", "title", "messages"),
          fieldNames(o));
    }
    JsonNode first = outcomes.get(0);
    assertEquals("IMPORTED", first.get("status").asText());
    assertEquals(1, first.get("line").asInt());
    assertEquals("q1", first.get("identifier").asText());
    assertEquals("CHOICE_SINGLE", first.get("type").asText());
    assertEquals("Is <b> & \"dit\" tekst?", first.get("title").asText());
    assertEquals(0, first.get("messages").size());
    assertEquals(
        "Is &lt;b&gt; &amp; &quot;dit&quot; tekst?",
        sample().items().get(0).stemHtml(),
        "plain-text stem: the title keeps <b> because it is text, not markup");
    assertEquals("IMPORTED_WITH_LOSSES", outcomes.get(1).get("status").asText());
    assertEquals("feedback weg", outcomes.get(1).get("messages").get(0).asText());

    JsonNode rejected = outcomes.get(2);
    assertEquals("REJECTED", rejected.get("status").asText());
    assertEquals(12, rejected.get("line").asInt());
    assertEquals(9, rejected.get("column").asInt());
    assertTrue(rejected.get("identifier").isNull());
    assertTrue(rejected.get("type").isNull());
    assertTrue(rejected.get("title").isNull());
    assertEquals(
        "'ANSWER: D' names no option\n(regel\t12)", rejected.get("messages").get(0).asText());
  }

  @Test
  void jsonEscapesEverythingThatCouldBreakOutOfAStringOrAScriptTag() throws Exception {
    String nasty = "\"\\/\b\f\n\r\t\u0001\u001f</script>&\u2028\u2029é😀";
    String json =
        FidelityReport.of(nasty, BankFormat.GIFT, List.of(ItemOutcome.rejected(1, 1, nasty)))
            .toJson();
    assertFalse(json.contains("</script>"), json);
    assertFalse(json.contains("\u2028"), json);
    JsonNode node = JSON.readTree(json);
    assertEquals(nasty, node.get("file").asText());
    assertEquals(nasty, node.at("/outcomes/0/messages/0").asText());
    assertEquals(
        "{\"file\":\"x\",\"format\":\"gift\",\"refusal\":null,\"complete\":true,"
            + "\"counts\":{\"imported\":0,\"importedWithLosses\":0,\"rejected\":0},"
            + "\"outcomes\":[]}",
        FidelityReport.of("x", BankFormat.GIFT, List.of()).toJson());
  }

  @Test
  void refusedReport() throws Exception {
    FidelityReport r = FidelityReport.refused("r.xml", BankFormat.AIKEN, "this is XML");
    assertTrue(r.refused());
    assertFalse(r.complete());
    assertTrue(r.items().isEmpty());
    JsonNode json = JSON.readTree(r.toJson());
    assertEquals("this is XML", json.get("refusal").asText());
    assertFalse(json.get("complete").asBoolean());
    assertEquals(0, json.get("outcomes").size());
    assertThrows(
        IllegalArgumentException.class,
        () -> new FidelityReport("r", BankFormat.AIKEN, sample().outcomes(), "waarom"));
    assertThrows(
        IllegalArgumentException.class, () -> FidelityReport.refused("r", BankFormat.AIKEN, " "));
  }

  @Test
  void outcomesAreValidated() {
    Item item = item("q", "Vraag");
    assertThrows(IllegalArgumentException.class, () -> ItemOutcome.imported(item, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> ItemOutcome.imported(null, 1, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> ItemOutcome.importedWithLosses(item, 1, 1, List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ItemOutcome(ImportStatus.REJECTED, item, 1, 1, List.of("x")));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ItemOutcome(ImportStatus.IMPORTED, item, 1, 1, List.of("x")));
    assertEquals(
        "v.txt:4:9: REJECTED: geen antwoord",
        ItemOutcome.rejected(4, 9, "geen antwoord").describe("v.txt"));
    assertEquals("v.txt:1:1: IMPORTED", ItemOutcome.imported(item, 1, 1).describe("v.txt"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
