package be.edusprong.lms.assessment.gift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.TextFormat;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GiftParserTest {

  private final GiftParser parser = new GiftParser();

  private List<Item> parse(String gift) {
    return parser.parseStrict(gift, "test.gift");
  }

  private Item one(String gift) {
    List<Item> items = parse(gift);
    assertEquals(1, items.size(), () -> "items: " + items);
    return items.get(0);
  }

  private static List<String> texts(Item item) {
    return item.choices().stream().map(Choice::text).toList();
  }

  private static List<Integer> weights(Item item) {
    return item.choices().stream().map(c -> c.weightPercent().intValueExact()).toList();
  }

  @Nested
  class Structure {

    @Test
    void blankLinesSeparateQuestionsAndCommentsAreIgnored() {
      List<Item> items =
          parse(
              """
              // Vragen bij de leereenheid wachtwoorden
              Is "123456" een sterk wachtwoord?{F}

              // tweede vraag
              Een wachtwoordbeheerder
              bewaart je wachtwoorden.{T}
              """);
      assertEquals(2, items.size());
      assertEquals(2, items.get(0).sourceLine());
      assertEquals(5, items.get(1).sourceLine());
      assertEquals("Een wachtwoordbeheerder\nbewaart je wachtwoorden.", items.get(1).stemText());
      assertEquals("Een wachtwoordbeheerder<br>bewaart je wachtwoorden.", items.get(1).stemHtml());
    }

    @Test
    void titleIdAndTagsAreRead() {
      Item item =
          one(
              """
              // [id:ww-01] [tag:wachtwoorden] [tag: digcomp-4.1]
              ::Sterk wachtwoord::Welk wachtwoord is het sterkst?{
                =paardenbatterijnietje-correct#Lang en onvoorspelbaar.
                ~Welkom123#Te kort en te voorspelbaar.
              }
              """);
      assertEquals("ww-01", item.identifier());
      assertEquals("Sterk wachtwoord", item.title());
      assertEquals(List.of("wachtwoorden", "digcomp-4.1"), item.tags());
      assertEquals(2, item.sourceLine());
    }

    @Test
    void categoryAppliesToTheQuestionsAfterIt() {
      List<Item> items =
          parse(
              """
              Zonder categorie.{T}

              $CATEGORY: $course$/top/Veilig online

              Met categorie.{T}
              $CATEGORY: tweede
              Ook zonder lege regel.{F}
              """);
      assertEquals(
          List.of("", "$course$/top/Veilig online", "tweede"),
          items.stream().map(Item::category).toList());
    }

    @Test
    void blankLinesInsideAClosedAnswerBlockDoNotSplitTheQuestion() {
      Item item =
          one(
              """
              Welke browser is van Mozilla?{
                =Firefox

                ~Edge
                ~Safari
              }
              """);
      assertEquals(List.of("Firefox", "Edge", "Safari"), texts(item));
    }

    @Test
    void sourceTextIsTheExactQuestionTextAndParsesAgainToTheSameItem() {
      String first = "// [tag:mail]\n::Phishing::Een bank vraagt nooit je pincode per mail.{TRUE}";
      String second = "::Bijlage::Open je een onverwachte bijlage?{\n  ~ja\n  =nee #Goed zo.\n}";
      String gift = "$CATEGORY: mail\n\n" + first + "\n\n\n" + second + "\n";
      List<Item> items = parse(gift);
      assertEquals(first, items.get(0).sourceText());
      assertEquals(second, items.get(1).sourceText());
      for (Item item : items) {
        Item again =
            parser.parseStored(item.sourceText(), "db", item.category(), item.sourceLine());
        assertEquals(item, again);
      }
    }

    @Test
    void derivedIdentifiersSurviveMovingAQuestion() {
      String a = "::Virus::Een virus kan je bestanden versleutelen.{T}";
      String b = "Wat is een firewall?{}";
      Item before = parse(a + "\n\n" + b).get(0);
      Item after = parse("// iets ervoor\n\n" + b + "\n\n\n" + a).get(1);
      assertEquals(before.identifier(), after.identifier());
      assertTrue(before.identifier().startsWith("virus-"), before.identifier());
      assertTrue(parse(b).get(0).identifier().startsWith("wat-is-een-firewall-"));
    }

    @Test
    void identicalQuestionsGetNumberedIdentifiers() {
      List<Item> items = parse("::Dubbel::Dubbel?{T}\n\n::Dubbel::Dubbel?{T}\n");
      assertEquals(items.get(0).identifier() + "-2", items.get(1).identifier());
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreAccepted() {
      List<Item> items = parse("\uFEFF// commentaar\r\nVraag 1?{T}\r\n\r\nVraag 2?{F}\r\n");
      assertEquals(2, items.size());
      assertEquals(2, items.get(0).sourceLine());
      assertEquals(4, items.get(1).sourceLine());
    }
  }

  @Nested
  class FormatsAndEscapes {

    @Test
    void answersInheritTheStemFormatUnlessTagged() {
      Item item =
          one(
              """
              [html]<p>Welke toets <b>kopieert</b>?</p>{
                =<kbd>Ctrl</kbd>+<kbd>C</kbd>#<em>Juist!</em>
                ~[plain]<Ctrl>+<V>#[markdown]Dat is **plakken**.
              }
              """);
      assertEquals(TextFormat.HTML, item.stemFormat());
      assertEquals("<p>Welke toets <b>kopieert</b>?</p>", item.stemHtml());
      Choice right = item.choices().get(0);
      assertEquals(TextFormat.HTML, right.format());
      assertTrue(right.textHtml().contains("<kbd>Ctrl</kbd>"), right.textHtml());
      assertEquals("<em>Juist!</em>", right.feedbackHtml());
      Choice wrong = item.choices().get(1);
      assertEquals(TextFormat.PLAIN, wrong.format());
      assertEquals("&lt;Ctrl&gt;+&lt;V&gt;", wrong.textHtml());
      assertEquals("Dat is <strong>plakken</strong>.", wrong.feedbackHtml());
    }

    @Test
    void markdownStemIsRenderedAndSanitised() {
      Item item = one("[markdown]Klik **nooit** op <script>x</script> links.{F}");
      assertEquals(TextFormat.MARKDOWN, item.stemFormat());
      assertEquals(
          "Klik <strong>nooit</strong> op &lt;script&gt;x&lt;/script&gt; links.", item.stemHtml());
    }

    @Test
    void htmlStemIsSanitised() {
      Item item = one("[html]<p onclick=\"x()\">Veilig?</p><script>boos()</script>{T}");
      assertEquals("<p>Veilig?</p>", item.stemHtml());
    }

    @Test
    void moodleAndPlainAreEscapedText() {
      assertEquals("Is 2 &lt; 3?", one("Is 2 < 3?{T}").stemHtml());
      assertEquals("Is <b>", one("[plain]Is <b>{T}").stemText());
    }

    @Test
    void unknownBracketTextIsNotAFormatTag() {
      Item item = one("[Tip] Denk aan je privacy.{T}");
      assertEquals(TextFormat.MOODLE, item.stemFormat());
      assertEquals("[Tip] Denk aan je privacy.", item.stemText());
    }

    @Test
    void everyGiftEscapeStandsForItsCharacter() {
      Item item =
          one(
              "Tekens\\: \\~ \\= \\# \\{ \\} en \\\\ en een\\nnieuwe regel?{"
                  + "=\\= 5 \\# juist#Ja\\: klopt ~\\~ ongeveer}");
      assertEquals("Tekens: ~ = # { } en \\ en een\nnieuwe regel?", item.stemText());
      assertEquals(List.of("= 5 # juist", "~ ongeveer"), texts(item));
      assertEquals("Ja: klopt", item.choices().get(0).feedbackHtml());
    }

    @Test
    void otherBackslashesStayLiteral() {
      assertEquals("C:\\Users\\cursist", one("::Pad::C\\:\\Users\\cursist{}").stemText());
    }
  }

  @Nested
  class MultipleChoice {

    @Test
    void singleAnswerWithFeedback() {
      Item item =
          one(
              """
              ::Browser::Welk programma is een browser?{
                ~Word#Dat is een tekstverwerker.
                =Firefox#Juist.
                ~Excel#Dat is een rekenblad.
              }
              """);
      assertEquals(ItemType.CHOICE_SINGLE, item.type());
      assertEquals(List.of("A", "B", "C"), item.choices().stream().map(Choice::id).toList());
      assertEquals(List.of(0, 100, 0), weights(item));
      assertEquals("Dat is een rekenblad.", item.choices().get(2).feedbackHtml());
      assertFalse(item.missingWord());
    }

    @Test
    void partialCreditInSingleAnswer() {
      Item item = one("Hoofdstad van België?{~Antwerpen ~%50%Brussel-stad =Brussel}");
      assertEquals(List.of(0, 50, 100), weights(item));
    }

    @Test
    void multipleAnswersWithNegativeWeights() {
      Item item =
          one(
              """
              Welke zijn sterke wachtwoorden?{
                ~%50%Tr0mp3t-Zon-Kaas!
                ~%50%paard-batterij-nietje-42
                ~%-100%wachtwoord
                ~%-33.333%Jan1990
              }
              """);
      assertEquals(ItemType.CHOICE_MULTIPLE, item.type());
      assertEquals(
          List.of(
              new BigDecimal("50"),
              new BigDecimal("50"),
              new BigDecimal("-100"),
              new BigDecimal("-33.333")),
          item.choices().stream().map(Choice::weightPercent).toList());
    }

    @Test
    void missingWordPutsTheBlankWhereTheBlockWas() {
      Item item = one("Een {~virus =firewall ~printer} houdt ongewenst verkeer tegen.");
      assertTrue(item.missingWord());
      assertEquals("Een _____ houdt ongewenst verkeer tegen.", item.stemText());
      assertEquals(4, item.missingWordIndex());
      assertEquals(Item.MISSING_WORD_BLANK, item.stemHtml().substring(4, 9));
    }

    @Test
    void missingWordInMarkdownAndAtTheStart() {
      Item md = one("[markdown]Een **{=sterk ~zwak}** wachtwoord is lang.");
      assertTrue(md.stemHtml().contains("<strong>_____</strong>"), md.stemHtml());
      assertEquals(md.stemHtml().indexOf("_____"), md.missingWordIndex());
      Item start = one("{=Gmail ~Word} is een e-maildienst.");
      assertEquals(0, start.missingWordIndex());
    }

    @Test
    void generalFeedbackClosesTheBlock() {
      Item item =
          one("Wat is spam?{=ongewenste mail ~een virus####Spam is reclame die je niet vroeg.}");
      assertEquals("Spam is reclame die je niet vroeg.", item.generalFeedbackHtml());
      assertEquals(List.of("ongewenste mail", "een virus"), texts(item));
    }
  }

  @Nested
  class TrueFalse {

    @Test
    void allFourSpellings() {
      List<Item> items = parse("A{T}\n\nB{TRUE}\n\nC{F}\n\nD{FALSE}\n");
      assertEquals(
          List.of(true, true, false, false),
          items.stream().map(i -> i.choice("TRUE").orElseThrow().correct()).toList());
      items.forEach(i -> assertEquals(ItemType.TRUE_FALSE, i.type()));
    }

    @Test
    void firstFeedbackIsForTheWrongAnswerSecondForTheRightOne() {
      Item item =
          one(
              "Je mag je wachtwoord delen met je collega.{FALSE#Nee, nooit delen.#Juist, nooit"
                  + " delen.####Een wachtwoord is persoonlijk.}");
      assertEquals("Nee, nooit delen.", item.choice("TRUE").orElseThrow().feedbackHtml());
      assertEquals("Juist, nooit delen.", item.choice("FALSE").orElseThrow().feedbackHtml());
      assertTrue(item.choice("FALSE").orElseThrow().correct());
      assertEquals("Een wachtwoord is persoonlijk.", item.generalFeedbackHtml());
    }

    @Test
    void lowercaseIsAShortAnswerAsInMoodle() {
      assertEquals(ItemType.SHORT_ANSWER, one("Waar?{t}").type());
    }
  }

  @Nested
  class ShortAnswer {

    @Test
    void severalAnswersWithWeightsWildcardAndFeedback() {
      Item item =
          one(
              """
              ::Cloud::Hoe heet opslag op het internet?{
                =cloud#Juist.
                =%75%de cloud#Bijna: zonder lidwoord.
                =%50%*wolk*#Het Nederlandse woord.
                =%0%*#Nee.
              }
              """);
      assertEquals(ItemType.SHORT_ANSWER, item.type());
      assertEquals(List.of("cloud", "de cloud", "*wolk*", "*"), texts(item));
      assertEquals(List.of(100, 75, 50, 0), weights(item));
    }

    @Test
    void oneAnswerNeedsNoEqualsSign() {
      Item item = one("Hoe schrijf je het getal 1 voluit? {Eén}");
      assertEquals(ItemType.SHORT_ANSWER, item.type());
      assertEquals(List.of("Eén"), texts(item));
      assertEquals(List.of(100), weights(item));
    }
  }

  @Nested
  class Numerical {

    @Test
    void exactToleranceAndRange() {
      List<Item> items = parse("Exact?{#1822}\n\nTolerantie?{#3.1415:0.0005}\n\nBereik?{#-5..5}\n");
      items.forEach(i -> assertEquals(ItemType.NUMERICAL, i.type()));
      assertEquals(0, items.get(0).choices().get(0).numeric().tolerance().signum());
      assertEquals(
          0,
          items.get(1).choices().get(0).numeric().tolerance().compareTo(new BigDecimal("0.0005")));
      assertEquals(
          0, items.get(2).choices().get(0).numeric().low().compareTo(new BigDecimal("-5")));
      assertEquals(
          0, items.get(2).choices().get(0).numeric().high().compareTo(new BigDecimal("5")));
    }

    @Test
    void severalWeightedAnswersAndCatchAllFeedback() {
      Item item =
          one(
              """
              Hoeveel bytes in een kilobyte (KB)?{#
                =1000#Juist (SI).
                =%50%1024:0#Dat is een kibibyte (KiB).
                ~#Reken nog eens.
              }
              """);
      assertEquals(List.of(100, 50, 0), weights(item));
      Choice catchAll = item.choices().get(2);
      assertTrue(catchAll.catchAll());
      assertNull(catchAll.numeric());
      assertEquals("Reken nog eens.", catchAll.feedbackHtml());
    }
  }

  @Nested
  class Matching {

    @Test
    void pairsWithDistractorAndPerPremiseFormat() {
      Item item =
          one(
              """
              ::Apps::[html]Koppel de <b>app</b> aan wat ze doet.{
                =Gmail -> e-mail
                =[plain]<Teams> -> videobellen
                =Outlook -> e-mail
                = -> rekenblad
              }
              """);
      assertEquals(ItemType.MATCHING, item.type());
      List<MatchPair> pairs = item.pairs();
      assertEquals(4, pairs.size());
      assertEquals("Gmail", pairs.get(0).premiseHtml());
      assertEquals(TextFormat.HTML, pairs.get(0).premiseFormat());
      assertEquals("&lt;Teams&gt;", pairs.get(1).premiseHtml());
      assertTrue(pairs.get(3).distractor());
      assertEquals(List.of("e-mail", "videobellen", "rekenblad"), item.matchAnswers());
      assertTrue(item.choices().isEmpty());
    }
  }

  @Nested
  class EssayAndDescription {

    @Test
    void emptyBlockIsAnEssay() {
      Item item = one("::Mening::Waarom gebruik je (geen) sociale media?{}");
      assertEquals(ItemType.ESSAY, item.type());
      assertTrue(item.choices().isEmpty());
    }

    @Test
    void essayWithGeneralFeedback() {
      Item item = one("Beschrijf je ideale wachtwoord.{####Lang, uniek en geheim.}");
      assertEquals(ItemType.ESSAY, item.type());
      assertEquals("Lang, uniek en geheim.", item.generalFeedbackHtml());
    }

    @Test
    void noBlockIsADescription() {
      List<Item> items = parse("::Inleiding::De volgende vragen gaan over e-mail.\n\nKlaar?{T}\n");
      assertEquals(ItemType.DESCRIPTION, items.get(0).type());
      assertEquals("Inleiding", items.get(0).title());
      assertNotEquals(ItemType.DESCRIPTION, items.get(1).type());
    }
  }
}
