package be.edusprong.lms.web.it;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.scoring.ChoiceResponse;
import be.edusprong.lms.assessment.scoring.MatchResponse;
import be.edusprong.lms.assessment.scoring.Response;
import be.edusprong.lms.assessment.scoring.TextResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds the answers a learner would give, from the item itself (so the tests follow the content
 * rather than hard-coding it).
 */
public final class Responses {
  private Responses() {}

  /**
   * A response with full marks.
   *
   * <ul>
   *   <li>single choice, true/false: the (first) choice weighted 100%;
   *   <li>multiple choice: every choice with a positive weight;
   *   <li>short answer: the first 100% answer without a wildcard;
   *   <li>numerical: the value of the first 100% answer;
   *   <li>matching: each premise with its own answer.
   * </ul>
   *
   * @throws IllegalArgumentException for essays and descriptions, which are not auto-scored, or an
   *     item without a fully right answer
   */
  public static Response correct(Item item) {
    return switch (item.type()) {
      case CHOICE_SINGLE, TRUE_FALSE -> ChoiceResponse.of(full(item).id());
      case CHOICE_MULTIPLE ->
          new ChoiceResponse(
              item.choices().stream()
                  .filter(c -> c.weightPercent().signum() > 0)
                  .map(Choice::id)
                  .collect(Collectors.toSet()));
      case SHORT_ANSWER -> new TextResponse(full(item).text().replace("\\*", "*"));
      case NUMERICAL -> new TextResponse(full(item).numeric().value().toPlainString());
      case MATCHING -> {
        Map<String, String> answers = new LinkedHashMap<>();
        for (MatchPair p : item.pairs()) {
          if (!p.distractor()) {
            answers.put(p.id(), p.answer());
          }
        }
        yield new MatchResponse(answers);
      }
      case ESSAY, DESCRIPTION ->
          throw new IllegalArgumentException(item.identifier() + " is not auto-scored");
      case ORDERING, CLOZE, GAP_MATCH ->
          throw new IllegalArgumentException(
              item.identifier() + ": no " + item.type() + " practice in the content yet");
    };
  }

  /**
   * A response that does not earn full marks: a choice worth 0% or less, the wrong side of a
   * true/false question, a text no answer accepts, or the matching answers shifted by one.
   *
   * @throws IllegalArgumentException when the item has no wrong answer to give
   */
  public static Response wrong(Item item) {
    return switch (item.type()) {
      case CHOICE_SINGLE, TRUE_FALSE, CHOICE_MULTIPLE ->
          ChoiceResponse.of(
              item.choices().stream()
                  .filter(c -> c.weightPercent().signum() <= 0)
                  .findFirst()
                  .orElseThrow(
                      () -> new IllegalArgumentException(item.identifier() + ": no wrong choice"))
                  .id());
      case SHORT_ANSWER -> new TextResponse("zeker-niet-het-antwoord-" + item.identifier());
      case NUMERICAL -> new TextResponse("-987654321");
      case MATCHING -> {
        List<MatchPair> premises = item.pairs().stream().filter(p -> !p.distractor()).toList();
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < premises.size(); i++) {
          answers.put(premises.get(i).id(), premises.get((i + 1) % premises.size()).answer());
        }
        yield new MatchResponse(answers);
      }
      case ESSAY, DESCRIPTION ->
          throw new IllegalArgumentException(item.identifier() + " is not auto-scored");
      case ORDERING, CLOZE, GAP_MATCH ->
          throw new IllegalArgumentException(
              item.identifier() + ": no " + item.type() + " practice in the content yet");
    };
  }

  // The first choice worth 100%; for a short answer one without a wildcard, so it can be typed.
  private static Choice full(Item item) {
    return item.choices().stream()
        .filter(Choice::correct)
        .filter(
            c -> item.type() != ItemType.SHORT_ANSWER || !c.text().replace("\\*", "").contains("*"))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException(item.identifier() + " has no answer worth 100%"));
  }
}
