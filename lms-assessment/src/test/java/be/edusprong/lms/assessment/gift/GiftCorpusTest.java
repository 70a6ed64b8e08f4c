package be.edusprong.lms.assessment.gift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import be.edusprong.lms.assessment.Corpus;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every GIFT file of the shared corpus ({@code shared/corpus/gift}, see its MANIFEST.md) and
 * checks it against the reference parser's AST ({@code *.expected.json}, fuhrmanator/GIFT-grammar-
 * PEG.js) or, for files without one, against the expectations written in the MANIFEST. The corpus
 * is read in place and never copied into this repository (GPL and other licences).
 *
 * <p>Known, deliberate differences from the reference AST, bridged here: a {@code $CATEGORY:} is
 * the {@link Item#category()} of the items after it rather than an item of its own; weights the
 * reference leaves null are 100 ({@code =}) or 0 ({@code ~}); a missing-word stem keeps the
 * surrounding spaces as written (Moodle) where the reference adds one on each side; feedback is
 * compared as text after rendering to HTML.
 */
class GiftCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final GiftParser parser = new GiftParser();

  /** Also the test that shows up as SKIPPED when the corpus is absent. */
  @Test
  void manifestListsEveryFileAndEachHasExpectations() throws IOException {
    Path dir = Corpus.assume("gift", "GIFT");
    Matcher row =
        Pattern.compile("(?m)^\\| `gift/([^`]+\\.gift(?:\\.txt)?)`")
            .matcher(Files.readString(dir.resolve("MANIFEST.md")));
    List<String> listed = new ArrayList<>();
    while (row.find()) {
      listed.add(row.group(1));
    }
    assertFalse(listed.isEmpty(), "MANIFEST.md lists no GIFT files");
    for (String file : listed) {
      Path path = dir.resolve(file);
      assertTrue(Files.isRegularFile(path), "listed but missing: " + file);
      String json = file.replaceFirst("\\.gift(\\.txt)?$", ".expected.json");
      assertTrue(
          Files.exists(dir.resolve(json)) || MANIFEST.containsKey(file),
          "no expectations for " + file);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileParsesAsExpected() throws IOException {
    Path dir = Corpus.assume("gift", "GIFT");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files =
          walk.filter(p -> p.toString().endsWith(".gift") || p.toString().endsWith(".gift.txt"))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty(), "no GIFT files under " + dir);
    return files.stream()
        .map(f -> DynamicTest.dynamicTest(dir.relativize(f).toString(), () -> check(f)));
  }

  private void check(Path file) throws IOException {
    String name = file.getFileName().toString();
    GiftParseResult result = parser.parse(Files.readString(file, StandardCharsets.UTF_8), name);
    assertEquals(List.of(), result.problems(), "problems in " + name);
    List<Item> items = result.items();
    for (Item item : items) {
      assertEquals(
          item,
          parser.parseStored(item.sourceText(), name, item.category(), item.sourceLine()),
          () -> "stored source of " + item.identifier() + " does not parse back to it");
    }
    Path json = file.resolveSibling(name.replaceFirst("\\.gift(\\.txt)?$", ".expected.json"));
    if (Files.exists(json)) {
      compareWithReference(JSON.readTree(json.toFile()), items);
      return;
    }
    Consumer<List<Item>> manifest = MANIFEST.get(Corpus.dir("gift").relativize(file).toString());
    assertNotNull(manifest, "no expectations for " + name + "; add them from MANIFEST.md");
    manifest.accept(items);
  }

  // ---- reference AST (fuhrmanator/GIFT-grammar-PEG.js) ---------------------------------------

  private static void compareWithReference(JsonNode expected, List<Item> items) {
    List<JsonNode> questions = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    String category = "";
    for (JsonNode q : expected) {
      if (q.get("type").asText().equals("Category")) {
        category = q.get("title").asText();
      } else {
        questions.add(q);
        categories.add(category);
      }
    }
    assertEquals(questions.size(), items.size(), "item count");
    for (int i = 0; i < items.size(); i++) {
      JsonNode q = questions.get(i);
      Item item = items.get(i);
      String where = "item " + (i + 1) + " (line " + item.sourceLine() + ")";
      assertEquals(categories.get(i), item.category(), where + " category");
      compareItem(q, item, where);
    }
  }

  private static void compareItem(JsonNode q, Item item, String where) {
    assertEquals(expectedType(q), item.type(), where + " type");
    assertEquals(textOrEmpty(q.get("title")), item.title(), where + " title");
    if (!q.get("id").isNull()) {
      assertEquals(q.get("id").asText(), item.identifier(), where + " id");
    }
    List<String> tags = new ArrayList<>();
    q.path("tags").forEach(t -> tags.add(t.asText()));
    assertEquals(tags, item.tags(), where + " tags");
    assertEquals(q.at("/stem/format").asText(), item.stemFormat().giftName(), where + " format");
    assertEquals(norm(q.at("/stem/text").asText()), norm(item.stemText()), where + " stem");
    assertEquals(q.get("hasEmbeddedAnswers").asBoolean(), item.missingWord(), where + " blank");
    assertSameText(q.get("globalFeedback"), item.generalFeedbackHtml(), where + " general fb");
    switch (item.type()) {
      case CHOICE_SINGLE, CHOICE_MULTIPLE, SHORT_ANSWER -> compareChoices(q, item, where);
      case TRUE_FALSE -> compareTrueFalse(q, item, where);
      case NUMERICAL -> compareNumerical(q, item, where);
      case MATCHING -> compareMatching(q, item, where);
      case ESSAY, DESCRIPTION -> assertTrue(item.choices().isEmpty() && item.pairs().isEmpty());
    }
  }

  private static ItemType expectedType(JsonNode q) {
    String type = q.get("type").asText();
    return switch (type) {
      case "MC" -> {
        boolean anyCorrect = false;
        for (JsonNode c : q.get("choices")) {
          anyCorrect |= c.get("isCorrect").asBoolean();
        }
        yield anyCorrect ? ItemType.CHOICE_SINGLE : ItemType.CHOICE_MULTIPLE;
      }
      case "TF" -> ItemType.TRUE_FALSE;
      case "Short" -> ItemType.SHORT_ANSWER;
      case "Numerical" -> ItemType.NUMERICAL;
      case "Matching" -> ItemType.MATCHING;
      case "Essay" -> ItemType.ESSAY;
      case "Description" -> ItemType.DESCRIPTION;
      default -> throw new AssertionError("unknown reference type " + type);
    };
  }

  private static void compareChoices(JsonNode q, Item item, String where) {
    JsonNode choices = q.get("choices");
    assertEquals(choices.size(), item.choices().size(), where + " answer count");
    for (int k = 0; k < choices.size(); k++) {
      JsonNode c = choices.get(k);
      Choice choice = item.choices().get(k);
      String at = where + " answer " + choice.id();
      assertEquals(norm(c.at("/text/text").asText()), norm(choice.text()), at + " text");
      assertEquals(c.at("/text/format").asText(), choice.format().giftName(), at + " format");
      assertWeight(c, choice, at);
      assertSameText(c.get("feedback"), choice.feedbackHtml(), at + " feedback");
    }
  }

  private static void assertWeight(JsonNode c, Choice choice, String at) {
    BigDecimal expected =
        c.get("weight").isNull()
            ? (c.get("isCorrect").asBoolean() ? Choice.FULL_WEIGHT : BigDecimal.ZERO)
            : c.get("weight").decimalValue();
    assertEquals(0, expected.compareTo(choice.weightPercent()), at + " weight " + expected);
  }

  private static void compareTrueFalse(JsonNode q, Item item, String where) {
    Choice truth = item.choice("TRUE").orElseThrow();
    Choice falsehood = item.choice("FALSE").orElseThrow();
    assertEquals(q.get("isTrue").asBoolean(), truth.correct(), where + " answer");
    assertEquals(!q.get("isTrue").asBoolean(), falsehood.correct(), where + " answer");
    assertSameText(q.get("trueFeedback"), truth.feedbackHtml(), where + " TRUE feedback");
    assertSameText(q.get("falseFeedback"), falsehood.feedbackHtml(), where + " FALSE feedback");
  }

  private static void compareNumerical(JsonNode q, Item item, String where) {
    JsonNode choices = q.get("choices");
    if (choices.isObject()) {
      assertEquals(1, item.choices().size(), where + " answer count");
      assertNumber(choices, item.choices().get(0).numeric(), where);
      assertEquals(0, item.choices().get(0).weightPercent().compareTo(Choice.FULL_WEIGHT));
      return;
    }
    assertEquals(choices.size(), item.choices().size(), where + " answer count");
    for (int k = 0; k < choices.size(); k++) {
      JsonNode c = choices.get(k);
      Choice choice = item.choices().get(k);
      assertNumber(c.get("text"), choice.numeric(), where + " answer " + choice.id());
      assertWeight(c, choice, where + " answer " + choice.id());
      assertSameText(c.get("feedback"), choice.feedbackHtml(), where + " feedback " + choice.id());
    }
  }

  private static void assertNumber(JsonNode spec, NumericAnswer actual, String where) {
    assertNotNull(actual, where + " numeric answer");
    switch (spec.get("type").asText()) {
      case "simple" -> {
        assertEquals(0, spec.get("number").decimalValue().compareTo(actual.value()), where);
        assertEquals(0, actual.tolerance().signum(), where);
      }
      case "range" -> {
        assertEquals(0, spec.get("number").decimalValue().compareTo(actual.value()), where);
        assertEquals(0, spec.get("range").decimalValue().compareTo(actual.tolerance()), where);
      }
      case "high-low" -> {
        assertEquals(0, spec.get("numberLow").decimalValue().compareTo(actual.low()), where);
        assertEquals(0, spec.get("numberHigh").decimalValue().compareTo(actual.high()), where);
      }
      default -> fail(where + ": unknown numeric type " + spec);
    }
  }

  private static void compareMatching(JsonNode q, Item item, String where) {
    JsonNode pairs = q.get("matchPairs");
    assertEquals(pairs.size(), item.pairs().size(), where + " pair count");
    for (int k = 0; k < pairs.size(); k++) {
      JsonNode pair = pairs.get(k);
      MatchPair actual = item.pairs().get(k);
      String at = where + " pair " + actual.id();
      assertEquals(norm(pair.at("/subquestion/text").asText()), norm(actual.premiseText()), at);
      assertEquals(pair.at("/subquestion/format").asText(), actual.premiseFormat().giftName(), at);
      assertEquals(pair.get("subanswer").asText(), actual.answer(), at);
    }
  }

  // ---- MANIFEST.md expectations for files without a reference AST ----------------------------

  private static final Map<String, Consumer<List<Item>>> MANIFEST =
      Map.of(
          "moodle_questions.gift.txt", GiftCorpusTest::moodleFixture,
          "qas/essay.gift", GiftCorpusTest::qasEssay,
          "qas/matching.gift", GiftCorpusTest::qasMatching,
          "qas/missing_words.gift", GiftCorpusTest::qasMissingWords,
          "qas/multichoice.gift", GiftCorpusTest::qasMultichoice,
          "qas/true_false.gift", GiftCorpusTest::qasTrueFalse);

  /** Moodle's own import fixture: 9 questions (MANIFEST.md, gift/moodle_questions.gift.txt). */
  private static void moodleFixture(List<Item> items) {
    assertEquals(
        List.of(
            ItemType.ESSAY,
            ItemType.MATCHING,
            ItemType.CHOICE_SINGLE,
            ItemType.CHOICE_MULTIPLE,
            ItemType.NUMERICAL,
            ItemType.SHORT_ANSWER,
            ItemType.TRUE_FALSE,
            ItemType.TRUE_FALSE,
            ItemType.TRUE_FALSE),
        items.stream().map(Item::type).toList());
    assertEquals(
        List.of(
            "Q8",
            "Moodle activities",
            "Q2",
            "colours",
            "Q5",
            "Shortanswer",
            "Q1",
            "2-08 TSL",
            "2-08 TSL"),
        items.stream().map(Item::title).toList());

    Item match = items.get(1);
    assertEquals(
        List.of("Forum", "Choice", "Database", "Wiki", "Chat"),
        match.pairs().stream().map(MatchPair::answer).toList());
    assertEquals(4, match.pairs().stream().filter(p -> !p.distractor()).count());
    assertTrue(match.pairs().get(4).distractor());

    assertEquals(List.of("yellow"), correct(items.get(2)));
    assertWeights(items.get(3), "50", "-100", "50", "-100");
    assertEquals(List.of("yellow", "red", "off-beige", "blue"), texts(items.get(3)));

    Item numerical = items.get(4);
    NumericAnswer range = numerical.choices().get(0).numeric();
    assertEquals(0, range.value().compareTo(new BigDecimal("3")));
    assertEquals(0, range.tolerance().compareTo(new BigDecimal("2")));
    assertTrue(numerical.choices().get(1).catchAll());
    assertEquals("Completely wrong", numerical.choices().get(1).feedbackHtml());
    // The stray '";' after the block is kept as stem text (Moodle does the same).
    assertTrue(numerical.stemText().endsWith("\";"), numerical.stemText());

    assertEquals(List.of("Frog", "Cat", "*"), texts(items.get(5)));
    assertWeights(items.get(5), "100", "50", "0");

    Item tf = items.get(6);
    assertTrue(tf.choice("FALSE").orElseThrow().correct());
    assertEquals("42 is the Ultimate Answer.", tf.choice("TRUE").orElseThrow().feedbackHtml());
    assertEquals("You gave the right answer.", tf.choice("FALSE").orElseThrow().feedbackHtml());
    assertTrue(tf.generalFeedbackHtml().contains("Hitchiker"));
    assertTrue(items.get(7).choice("TRUE").orElseThrow().correct());
    assertTrue(items.get(8).choice("TRUE").orElseThrow().correct());
    assertFalse(items.get(7).identifier().equals(items.get(8).identifier()));
  }

  private static void qasEssay(List<Item> items) {
    assertEquals(List.of("Essay 1", "Essay 2"), items.stream().map(Item::title).toList());
    items.forEach(i -> assertEquals(ItemType.ESSAY, i.type()));
    assertEquals("432", items.get(0).identifier());
    assertTrue(items.get(0).stemHtml().startsWith("<p>This is an example of an essay question."));
    assertEquals("", items.get(0).generalFeedbackHtml());
    assertEquals("test123", htmlText(items.get(1).generalFeedbackHtml()));
  }

  private static void qasMatching(List<Item> items) {
    assertEquals(List.of("match1", "match2"), items.stream().map(Item::title).toList());
    items.forEach(i -> assertEquals(ItemType.MATCHING, i.type()));
    assertEquals(
        List.of("Moodle 2.3", "Moodle 1.9", "Moodle 2.0", "Moodle 2.5"),
        items.get(0).pairs().stream().map(MatchPair::answer).toList());
    assertTrue(items.get(0).pairs().get(3).distractor());
    assertEquals("Drag and drop files", htmlText(items.get(0).pairs().get(0).premiseHtml()));
    assertEquals(
        List.of("Moodle 3.8", "Moodle 3.5", "Moodle 3.9", "Moodle 3.8", "Moodle 3.10"),
        items.get(1).pairs().stream().map(MatchPair::answer).toList());
    assertEquals(4, items.get(1).matchAnswers().size(), "shared answer offered once");
    assertTrue(htmlText(items.get(1).generalFeedbackHtml()).contains("docs.moodle.org"));
  }

  private static void qasMissingWords(List<Item> items) {
    assertEquals(1, items.size());
    Item item = items.get(0);
    assertEquals(ItemType.CHOICE_SINGLE, item.type());
    assertTrue(item.missingWord());
    assertEquals("Moodle costs _____ to download from moodle.org.", item.stemText());
    assertEquals(List.of("nothing"), correct(item));
  }

  private static void qasMultichoice(List<Item> items) {
    assertEquals(
        List.of("Multichoice1", "Multichoice2", "Multichoice3", "Multichoice4"),
        items.stream().map(Item::title).toList());
    assertEquals(
        List.of(
            ItemType.CHOICE_MULTIPLE,
            ItemType.CHOICE_SINGLE,
            ItemType.CHOICE_SINGLE,
            ItemType.CHOICE_MULTIPLE),
        items.stream().map(Item::type).toList());
    assertEquals("108", items.get(0).identifier());
    assertWeights(items.get(0), "33.33333", "33.33333", "33.33333");
    assertEquals(List.of("<p>Teaching with Moodle</p>"), correct(items.get(1)));
    assertEquals("1015", items.get(2).identifier());
    assertEquals("November 2015", htmlText(items.get(2).choices().get(1).textHtml()));
    assertTrue(items.get(2).choices().get(1).correct());
    assertTrue(htmlText(items.get(2).generalFeedbackHtml()).startsWith("Remember"));
    assertWeights(
        items.get(3), "33.33333", "-33.33333", "33.33333", "-33.33333", "-33.33333", "33.33333");
  }

  private static void qasTrueFalse(List<Item> items) {
    assertEquals(
        List.of("TrueFalse 1", "TrueFalse 2", "TrueFalse 3", "TrueFalse 4"),
        items.stream().map(Item::title).toList());
    assertEquals(
        List.of(true, false, true, false),
        items.stream().map(i -> i.choice("TRUE").orElseThrow().correct()).toList());
    assertTrue(
        htmlText(items.get(0).choice("TRUE").orElseThrow().feedbackHtml())
            .startsWith("Your answer is correct"));
    assertTrue(
        htmlText(items.get(0).generalFeedbackHtml()).startsWith("This question is operating"));
    assertTrue(items.get(2).stemHtml().contains("<img src=\""), items.get(2).stemHtml());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static List<String> texts(Item item) {
    return item.choices().stream().map(Choice::text).toList();
  }

  private static List<String> correct(Item item) {
    return item.choices().stream().filter(Choice::correct).map(Choice::text).toList();
  }

  private static void assertWeights(Item item, String... percent) {
    List<BigDecimal> expected = Stream.of(percent).map(BigDecimal::new).toList();
    List<BigDecimal> actual = item.choices().stream().map(Choice::weightPercent).toList();
    assertEquals(expected.size(), actual.size(), "weights " + actual);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(0, expected.get(i).compareTo(actual.get(i)), "weights " + actual);
    }
  }

  private static String textOrEmpty(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  /** Compares a reference {@code {format, text}} (or null) with our rendered HTML, as text. */
  private static void assertSameText(JsonNode expected, String html, String where) {
    String want = expected == null || expected.isNull() ? "" : expected.get("text").asText();
    String format = expected == null || expected.isNull() ? "" : expected.get("format").asText();
    String wantText = format.equals("html") || format.equals("markdown") ? htmlText(want) : want;
    assertEquals(norm(wantText), norm(htmlText(html)), where);
  }

  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-z]+);");

  private static String htmlText(String html) {
    String text = html.replaceAll("<br\\s*/?>", "\n").replaceAll("<[^>]*>", "");
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String c =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default ->
                e.startsWith("#x")
                    ? Character.toString(Integer.parseInt(e.substring(2), 16))
                    : e.startsWith("#")
                        ? Character.toString(Integer.parseInt(e.substring(1)))
                        : m.group();
          };
      m.appendReplacement(out, Matcher.quoteReplacement(c));
    }
    m.appendTail(out);
    return out.toString().strip();
  }

  private static String norm(String text) {
    return text.replace('\u00A0', ' ')
        .replaceAll("\\s+", " ")
        .replaceAll("\\s*_____\\s*", "_____")
        .strip();
  }
}
