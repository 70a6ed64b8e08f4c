package be.edusprong.lms.assessment.gift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link GiftWriter}: one test per item type, each parsing the output back. */
class GiftWriterTest {

  private final GiftParser parser = new GiftParser();
  private final GiftWriter writer = new GiftWriter();

  /** Parses GIFT, writes it, parses the result: the items must be the same. */
  private List<Item> roundTrip(String gift) {
    List<Item> original = parser.parseStrict(gift, "in.gift");
    String written = writer.write(original);
    List<Item> again = parser.parseStrict(written, "out.gift");
    assertEquals(original.size(), again.size(), written);
    for (int i = 0; i < original.size(); i++) {
      assertEquals(
          List.of(),
          SameItems.differences(original.get(i), again.get(i)),
          "item " + i + " of\n" + written);
    }
    // Stable: writing what was read back gives the same text.
    assertEquals(written, writer.write(again));
    return again;
  }

  private String written(String gift) {
    return writer.write(parser.parseStrict(gift, "in.gift"));
  }

  @Test
  void singleChoiceWithWeightsAndFeedback() {
    List<Item> items =
        roundTrip(
            "::Kleur::Welke kleur heeft de lucht?{=blauw#Juist! ~%50%lichtblauw#Bijna."
                + " ~%-25%groen#Nee. ####De lucht is blauw.}");
    Item item = items.get(0);
    assertEquals(ItemType.CHOICE_SINGLE, item.type());
    assertEquals(new BigDecimal("-25"), item.choices().get(2).weightPercent());
    assertEquals("De lucht is blauw.", item.generalFeedbackHtml());
  }

  @Test
  void singleChoiceWithoutFullMarkAnswerStaysSingle() {
    Item item =
        new Item(
            "q1",
            "",
            ItemType.CHOICE_SINGLE,
            TextFormat.MOODLE,
            "Kies",
            "Kies",
            -1,
            List.of(choice("A", "een", "50"), choice("B", "twee", "0")),
            List.of(),
            "",
            "",
            List.of(),
            1,
            "");
    String gift = writer.write(List.of(item));
    assertTrue(gift.contains("=%50%een"), gift);
    assertTrue(SameItems.same(item, parser.parseStrict(gift, "x").get(0)), gift);
  }

  @Test
  void multipleChoiceWithPercentWeights() {
    String gift = "Welke twee? {~%50%een ~%50%twee ~%-100%drie#Fout}";
    Item item = roundTrip(gift).get(0);
    assertEquals(ItemType.CHOICE_MULTIPLE, item.type());
    assertTrue(written(gift).contains("~%-100%drie#Fout"), written(gift));
  }

  @Test
  void trueFalseKeepsMoodleFeedbackOrder() {
    Item t = roundTrip("Het is waar.{T#fout antwoord#goed antwoord}").get(0);
    assertEquals("goed antwoord", t.choice("TRUE").orElseThrow().feedbackHtml());
    assertEquals("fout antwoord", t.choice("FALSE").orElseThrow().feedbackHtml());
    Item f = roundTrip("Het is niet waar.{FALSE##alleen goed}").get(0);
    assertEquals("alleen goed", f.choice("FALSE").orElseThrow().feedbackHtml());
    assertEquals("", f.choice("TRUE").orElseThrow().feedbackHtml());
    roundTrip("Kaal.{F}");
    roundTrip("Met algemene feedback.{TRUE####algemeen}");
    assertTrue(written("Het is waar.{T#a#b}").contains("{TRUE#a#b}"));
  }

  @Test
  void shortAnswerWithAlternativesAndWeights() {
    String gift = "Wie ligt er in Grants graf?{=Grant =Ulysses S. Grant#Ja =%50%Ulysses =%0%*#Nee}";
    Item item = roundTrip(gift).get(0);
    assertEquals(ItemType.SHORT_ANSWER, item.type());
    assertEquals(4, item.choices().size());
    roundTrip("Eén antwoord.{=enkel}");
  }

  @Test
  void numericalAllShapes() {
    roundTrip("Jaar?{#1822}");
    roundTrip("Pi?{#3.1415:0.0005}");
    roundTrip("Tussen?{#3.141..3.142}");
    Item several =
        roundTrip("Wanneer?{#=1822:0#Juist =%50%1822:2#Bijna ~#Nee, 1822. ####Grant.}").get(0);
    assertEquals(3, several.choices().size());
    assertTrue(several.choices().get(2).catchAll());
    roundTrip("Negatief?{#-40}");
    roundTrip("Met feedback?{#42#Het antwoord.}");
  }

  @Test
  void matchingWithDistractor() {
    Item item =
        roundTrip("Koppel.{=kat -> miauw =hond -> waf =koe -> boe = -> kwak ####Dieren}").get(0);
    assertEquals(ItemType.MATCHING, item.type());
    assertTrue(item.pairs().get(3).distractor());
  }

  @Test
  void essayAndDescription() {
    assertEquals(ItemType.ESSAY, roundTrip("Schrijf een tekst.{}").get(0).type());
    roundTrip("Schrijf nog een.{####Let op spelling.}");
    assertEquals(ItemType.DESCRIPTION, roundTrip("Alleen uitleg, geen vraag.").get(0).type());
  }

  @Test
  void missingWordKeepsTheBlankInTheStem() {
    Item item = roundTrip("Grant ligt {~begraven =bijgezet} in Grants graf.").get(0);
    assertTrue(item.missingWord());
    assertTrue(written("Grant ligt {~begraven =bijgezet} in Grants graf.").contains("ligt {"));
    roundTrip("{=Brussel} is de hoofdstad.");
    roundTrip("Het jaar {#1830} en verder.");
    roundTrip("Het is {T} waar, {####feedback} niet?".replace("{####feedback} ", ""));
  }

  @Test
  void titlesCategoriesIdsTagsAndFormats() {
    String gift =
        "$CATEGORY: top/een\n\n"
            + "// [id:vraag-1]\n// [tag:basis]\n// [tag:veiligheid]\n"
            + "::Titel\\: met dubbelepunt::[html]<p>Is <b>dit</b> vet?</p>{T}\n\n"
            + "::Tweede::[markdown]Is **dit** vet?{=ja ~nee}\n\n"
            + "$CATEGORY: top/twee\n\n"
            + "[plain]Gewoon <b>tekst</b>.{=[html]<i>schuin</i> ~[markdown]*ster*}\n\n"
            + "$CATEGORY:\n\n"
            + "Geen categorie.{}";
    List<Item> items = roundTrip(gift);
    assertEquals("vraag-1", items.get(0).identifier());
    assertEquals(List.of("basis", "veiligheid"), items.get(0).tags());
    assertEquals(TextFormat.HTML, items.get(0).stemFormat());
    assertEquals(TextFormat.MARKDOWN, items.get(1).stemFormat());
    assertEquals("top/twee", items.get(2).category());
    assertEquals(TextFormat.HTML, items.get(2).choices().get(0).format());
    assertEquals("", items.get(3).category());
    String out = written(gift);
    assertEquals(1, out.split("\\$CATEGORY: top/een", -1).length - 1, out);
  }

  @Test
  void categoryPathsComeBackAsWritten() {
    List<String> categories =
        List.of(
            "$course$/top/Default for LING-373-2194-B",
            "top/Oefeningen 1//2",
            "top/a{b}~c=d#e:f\\g [x]",
            "Één/Twee/",
            "$system$/top");
    StringBuilder gift = new StringBuilder();
    for (int i = 0; i < categories.size(); i++) {
      gift.append("$CATEGORY: ").append(categories.get(i)).append("\n\nVraag ").append(i);
      gift.append("{T}\n\n");
    }
    List<Item> items = roundTrip(gift.toString());
    assertEquals(categories, items.stream().map(Item::category).toList());
  }

  @Test
  void escapesEverySpecialCharacter() {
    Item item =
        roundTrip(
                "::a\\:b \\{c\\}::Stem met \\~ \\= \\# \\{ \\} \\: en \\\\ en \\n nieuwe regel"
                    + "{=een \\= is\\#geen\\~#fb \\{x\\} \\\\ ~twee\\:drie}")
            .get(0);
    assertEquals("a:b {c}", item.title());
    assertTrue(item.stemText().contains("~ = # { } : en \\ en \n nieuwe"), item.stemText());
    assertEquals("een = is#geen~", item.choices().get(0).text());
  }

  @Test
  void lineBreaksThatWouldEndTheQuestionAreEscaped() {
    Item item =
        new Item(
            "multi",
            "",
            ItemType.ESSAY,
            TextFormat.MOODLE,
            "regel een\n\n// geen commentaar\n$CATEGORY: geen categorie\nlaatste",
            SafeHtml.render(
                "regel een\n\n// geen commentaar\n$CATEGORY: geen categorie\nlaatste",
                TextFormat.MOODLE),
            -1,
            List.of(),
            List.of(),
            "",
            "",
            List.of(),
            1,
            "");
    String gift = writer.write(List.of(item));
    List<Item> back = parser.parseStrict(gift, "x");
    assertEquals(1, back.size(), gift);
    assertTrue(SameItems.same(item, back.get(0)), gift);
  }

  @Test
  void textThatLooksLikeATagOrAWeightStaysText() {
    roundTrip("[moodle][html] is geen opmaak hier.{=[moodle]%50 korting ~[moodle][plain]x}");
    roundTrip("Korting?{=%100%%50 ~%0%%20}");
    roundTrip("[moodle]// geen commentaar{}");
  }

  @Test
  void feedbackInEveryFormatSurvives() {
    roundTrip("[markdown]Vraag?{=**ja**#*goed* ~nee#gewoon ####algemeen `code`}");
    roundTrip("[html]<p>Vraag?</p>{=ja#<b>goed</b> & zo ~nee#a &lt; b}");
    roundTrip("Vraag met < en &?{=ja#a < b & c\\nnieuwe regel ~nee}");
  }

  @Test
  void outputIsReadable() {
    String out =
        written("::T1::Vraag?{=ja#Goed ~nee}\n\n// [id:x]\n::T2::Waar?{T}\n\n::T3::Getal?{#42}");
    assertTrue(out.contains("\n\n// [id:x]\n::T2::Waar? {TRUE}\n"), out);
    assertTrue(out.contains("::T1::Vraag?{\n=ja#Goed\n~nee\n}\n"), out);
    assertTrue(out.endsWith("::T3::Getal? {#42}\n"), out);
    assertEquals("", writer.write(List.of()));
  }

  @Test
  void numericalCatchAllGoesLast() {
    Item item =
        new Item(
            "n",
            "",
            ItemType.NUMERICAL,
            TextFormat.MOODLE,
            "Getal?",
            "Getal?",
            -1,
            List.of(
                new Choice(
                    "A",
                    "5:1",
                    TextFormat.MOODLE,
                    "5:1",
                    Choice.FULL_WEIGHT,
                    "",
                    new NumericAnswer(BigDecimal.valueOf(5), BigDecimal.ONE)),
                new Choice("B", "*", TextFormat.MOODLE, "*", BigDecimal.ZERO, "Fout", null)),
            List.of(),
            "",
            "",
            List.of(),
            1,
            "");
    String gift = writer.write(List.of(item));
    assertTrue(gift.contains("=5:1\n~#Fout\n"), gift);
    assertTrue(SameItems.same(item, parser.parseStrict(gift, "x").get(0)), gift);
  }

  @Test
  void matchingPremiseFormatAndSpecialAnswers() {
    Item item =
        new Item(
            "m",
            "",
            ItemType.MATCHING,
            TextFormat.MOODLE,
            "Koppel",
            "Koppel",
            -1,
            List.of(),
            List.of(
                new MatchPair("A", "<b>a</b>", TextFormat.HTML, "<b>a</b>", "x = y"),
                new MatchPair("B", "b: c", TextFormat.MOODLE, "b: c", "p -> q"),
                new MatchPair("C", "", TextFormat.MOODLE, "", "{z}")),
            "",
            "",
            List.of(),
            1,
            "");
    String gift = writer.write(List.of(item));
    assertTrue(SameItems.same(item, parser.parseStrict(gift, "x").get(0)), gift);
  }

  private static Choice choice(String id, String text, String weight) {
    return new Choice(id, text, TextFormat.MOODLE, text, new BigDecimal(weight), "", null);
  }
}
