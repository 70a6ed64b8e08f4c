package be.edusprong.lms.assessment.gift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GiftProblemsTest {

  private final GiftParser parser = new GiftParser();

  private GiftProblem onlyProblem(String gift) {
    GiftParseResult result = parser.parse(gift, "les.gift");
    assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
    return result.problems().get(0);
  }

  @Test
  void unclosedBlockNamesWhereItOpenedAndTheNextQuestionStillParses() {
    GiftParseResult result =
        parser.parse(
            "Eerste vraag?{T}\n\nTweede vraag?  {=ja ~nee\n\nDerde vraag?{F}\n", "les.gift");
    assertEquals(1, result.problems().size());
    GiftProblem p = result.problems().get(0);
    assertEquals(3, p.line());
    assertEquals(16, p.column());
    assertTrue(p.message().startsWith("unclosed answer block '{' opened at 3:16"), p.message());
    assertEquals(2, result.items().size());
    assertEquals("Derde vraag?", result.items().get(1).stemText());
  }

  @Test
  void unclosedBlockFollowedByAnotherBlockIsCutAtTheBlankLine() {
    GiftParseResult result = parser.parse("Vraag?{=ja ~nee\n\nVolgende?{=a ~b}\n", "les.gift");
    assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
    assertEquals(1, result.problems().get(0).line());
    assertEquals(1, result.items().size());
    assertEquals(3, result.items().get(0).sourceLine());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Vraag} zonder begin{T}|1|6|'}' without an opening '{'",
        "Vraag{=a ~b} en {=c ~d}|1|17|second answer block",
        "Vraag{=a {=b ~c}|1|10|'{' inside the answer block opened at 1:6",
        "::Titel zonder einde Vraag?{T}|1|1|unclosed title '::'",
        "::Alleen titel::|1|17|has a title but no text",
        "Vraag{tekst ~a =b}|1|7|text before the first answer",
        "Vraag{=a}|1|6|SHORT",
        "Vraag{~a}|1|6|at least two answers",
        "Vraag{~a ~b}|1|6|no answer earns marks",
        "Vraag{~%abc%a =b}|1|8|weight '%abc%' is not a number",
        "Vraag{~%150%a =b}|1|8|lies outside -100..100",
        "Vraag{~%50a =b}|1|8|unclosed weight '%'",
        "Vraag{=a -> 1 =b}|1|15|matching pair is written",
        "Vraag{=a -> 1 = -> 2}|1|6|at least two pairs with a premise",
        "Vraag{=a -> }|1|10|without an answer after '->'",
        "Vraag{#}|1|6|numerical question needs an answer",
        "Vraag{#drie}|1|8|'drie' is not a number",
        "Vraag{#3,5}|1|8|use '.' as decimal separator",
        "Vraag{#5..1}|1|8|runs backwards",
        "Vraag{#1:-1}|1|8|is negative",
        "Vraag{#1 ~%50%2}|1|10|only introduces feedback",
        "Vraag{~ #fb =b}|1|7|answer 1 has no text",
      })
  void defectsArePinpointed(String gift, int line, int column, String fragment) {
    if (fragment.equals("SHORT")) {
      assertTrue(parser.parse(gift, "les.gift").ok(), "a single '=' answer is a short answer");
      return;
    }
    GiftProblem p = onlyProblem(gift);
    assertTrue(p.message().contains(fragment), p.message());
    assertEquals(line, p.line(), p::toString);
    assertEquals(column, p.column(), p::toString);
  }

  @Test
  void repeatedIdIsAProblem() {
    GiftParseResult result =
        parser.parse("// [id:v1]\nEen?{T}\n\n// [id:v1]\nTwee?{T}\n", "les.gift");
    assertEquals(1, result.items().size());
    assertEquals(
        "les.gift:5:1: id 'v1' is already used by the question on line 2",
        result.problems().get(0).toString());
  }

  @Test
  void strictParseThrowsWithFileLineColumn() {
    GiftSyntaxException e =
        assertThrows(
            GiftSyntaxException.class,
            () -> parser.parseStrict("Goed?{T}\n\nFout?{=a ~b\n", "units/01-mail.gift"));
    assertTrue(
        e.getMessage()
            .startsWith("units/01-mail.gift:3:6: unclosed answer block '{' opened at 3:6"),
        e.getMessage());
    assertEquals(1, e.problems().size());
  }

  @Test
  void parseStoredRejectsMoreThanOneQuestion() {
    assertThrows(GiftSyntaxException.class, () -> parser.parseStored("A{T}\n\nB{F}", "db", "", 1));
  }

  @Test
  void commentOnlyAndEmptyInputGiveNothing() {
    GiftParseResult result = parser.parse("// alleen commentaar\n\n   \n", "leeg.gift");
    assertTrue(result.ok());
    assertTrue(result.items().isEmpty());
    assertTrue(parser.parse("", "leeg.gift").items().isEmpty());
  }

  @Test
  void garbageNeverThrowsNorHangs() {
    String alphabet = "{}~=#:\\%->[]$/ \n\nabcTRUEF.0123456789-*";
    Random random = new Random(20260101L);
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (int round = 0; round < 5000; round++) {
            StringBuilder gift = new StringBuilder();
            int length = random.nextInt(80);
            for (int i = 0; i < length; i++) {
              gift.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            GiftParseResult result = parser.parse(gift.toString(), "fuzz.gift");
            for (GiftProblem p : result.problems()) {
              assertFalse(p.message().startsWith("could not read"), () -> gift + " -> " + p);
              assertTrue(p.line() >= 1 && p.column() >= 1);
            }
          }
        });
  }

  @Test
  void hugeQuestionIsFast() {
    String big = "Vraag?{" + "~fout ".repeat(20_000) + "=goed}";
    List<?> items =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> parser.parseStrict(big, "groot.gift"));
    assertEquals(1, items.size());
  }
}
