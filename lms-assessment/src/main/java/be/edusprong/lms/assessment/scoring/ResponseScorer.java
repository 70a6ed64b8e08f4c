package be.edusprong.lms.assessment.scoring;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.MatchPair;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Scores a {@link Response} to an {@link Item}. Every auto-scored item is worth 1 point.
 *
 * <ul>
 *   <li>{@code CHOICE_SINGLE}, {@code TRUE_FALSE}: QTI {@code match_correct}: exactly one choice
 *       must be ticked; it earns its weight (100% for the right one, Moodle's partial {@code ~%50%}
 *       where given, negative weights count as 0). More than one ticked earns 0.
 *   <li>{@code CHOICE_MULTIPLE}: QTI {@code map_response}: the weights of the ticked choices are
 *       summed and clamped to {@code 0..top}, where {@code top} is the sum of positive weights, at
 *       most 100%; the result is divided by {@code top}. Dividing by {@code top} lets rounded
 *       weights such as 3 &times; 33.33333% still reach full marks, as Moodle's tolerance does.
 *   <li>{@code SHORT_ANSWER}: the response, trimmed, runs of whitespace collapsed, Unicode NFC, is
 *       compared with each answer in source order, {@code *} matching any text ({@code \*} a
 *       literal star), case-insensitively unless built with {@link #caseSensitive()}; the first
 *       match earns its weight (Moodle {@code qtype_shortanswer}).
 *   <li>{@code NUMERICAL}: the response is read as a number with {@code ,} or {@code .} as decimal
 *       separator (Flemish learners type {@code 3,5}): a single comma or dot is the decimal
 *       separator; with both, the last one is; a separator that repeats, and spaces, group
 *       thousands. The first answer whose tolerance accepts it earns its weight (QTI {@code
 *       qti-equal}, absolute tolerance); otherwise 0 with the catch-all feedback, if any.
 *   <li>{@code MATCHING}: per pair, as QTI {@code map_response} on {@code directedPair}s with 1 per
 *       right pair: the share of premises (distractors excluded) given their own answer.
 *   <li>{@code ESSAY}, {@code DESCRIPTION}: not auto-scored; the outcome has {@code manual() ==
 *       true} (see {@link Outcome}). Any response kind is accepted.
 * </ul>
 *
 * <p>Thread-safe and immutable.
 */
public final class ResponseScorer {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final Pattern STARS = Pattern.compile("(?<!\\\\)\\*+");

  private final boolean caseSensitive;

  /** A scorer that compares short answers case-insensitively, Moodle's default. */
  public ResponseScorer() {
    this(false);
  }

  private ResponseScorer(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  /**
   * A scorer for which {@code Paris} and {@code paris} differ in short answers.
   *
   * @return the case-sensitive scorer
   */
  public static ResponseScorer caseSensitive() {
    return new ResponseScorer(true);
  }

  /**
   * Scores one response.
   *
   * @param item the item answered
   * @param response the learner's response; its kind must fit the item type (see {@link Response})
   * @return the score out of 1 point (0 for a description), whether it is full marks, and the
   *     feedback to show
   * @throws IllegalArgumentException when the response kind does not fit the item type, or names a
   *     choice or premise id the item does not have (a page bug or a tampered request, not a wrong
   *     answer)
   */
  public Outcome score(Item item, Response response) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(response, "response");
    return switch (item.type()) {
      case CHOICE_SINGLE, TRUE_FALSE -> single(item, expect(item, response, ChoiceResponse.class));
      case CHOICE_MULTIPLE -> multiple(item, expect(item, response, ChoiceResponse.class));
      case SHORT_ANSWER -> shortAnswer(item, expect(item, response, TextResponse.class));
      case NUMERICAL -> numerical(item, expect(item, response, TextResponse.class));
      case MATCHING -> matching(item, expect(item, response, MatchResponse.class));
      case ESSAY -> new Outcome(Score.zero(BigDecimal.ONE), false, true, feedback(item, List.of()));
      case DESCRIPTION -> new Outcome(Score.NONE, false, true, feedback(item, List.of()));
    };
  }

  private Outcome single(Item item, ChoiceResponse response) {
    List<Choice> ticked = ticked(item, response);
    if (ticked.size() != 1) {
      return outcome(item, BigDecimal.ZERO, List.of());
    }
    Choice choice = ticked.get(0);
    return outcome(item, choice.weightPercent().divide(HUNDRED), ticked);
  }

  private Outcome multiple(Item item, ChoiceResponse response) {
    List<Choice> ticked = ticked(item, response);
    BigDecimal top = BigDecimal.ZERO;
    for (Choice c : item.choices()) {
      if (c.weightPercent().signum() > 0) {
        top = top.add(c.weightPercent());
      }
    }
    top = top.min(HUNDRED);
    if (top.signum() == 0) {
      return outcome(item, BigDecimal.ZERO, ticked);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Choice c : ticked) {
      sum = sum.add(c.weightPercent());
    }
    BigDecimal clamped = sum.max(BigDecimal.ZERO).min(top);
    return outcome(item, clamped.divide(top, MathContext.DECIMAL64), ticked);
  }

  private Outcome shortAnswer(Item item, TextResponse response) {
    String given = normalise(response.text());
    if (!given.isEmpty()) {
      for (Choice c : item.choices()) {
        if (wildcard(normalise(c.text())).matcher(given).matches()) {
          return outcome(item, c.weightPercent().divide(HUNDRED), List.of(c));
        }
      }
    }
    return outcome(item, BigDecimal.ZERO, List.of());
  }

  private Outcome numerical(Item item, TextResponse response) {
    Optional<BigDecimal> number = parseNumber(response.text());
    Optional<Choice> catchAll = item.choices().stream().filter(Choice::catchAll).findFirst();
    if (number.isPresent()) {
      for (Choice c : item.choices()) {
        if (c.numeric() != null && c.numeric().accepts(number.get())) {
          return outcome(item, c.weightPercent().divide(HUNDRED), List.of(c));
        }
      }
    }
    return outcome(item, BigDecimal.ZERO, catchAll.map(List::of).orElse(List.of()));
  }

  private Outcome matching(Item item, MatchResponse response) {
    for (String id : response.premiseToAnswer().keySet()) {
      boolean known = item.pairs().stream().anyMatch(p -> p.id().equals(id) && !p.distractor());
      if (!known) {
        throw new IllegalArgumentException(
            "item " + item.identifier() + " has no premise '" + id + "'");
      }
    }
    int premises = 0;
    int right = 0;
    for (MatchPair pair : item.pairs()) {
      if (pair.distractor()) {
        continue;
      }
      premises++;
      String given = response.premiseToAnswer().get(pair.id());
      if (given != null && given.strip().equals(pair.answer().strip())) {
        right++;
      }
    }
    BigDecimal fraction =
        BigDecimal.valueOf(right).divide(BigDecimal.valueOf(premises), MathContext.DECIMAL64);
    return outcome(item, fraction, List.of());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static <R extends Response> R expect(Item item, Response response, Class<R> kind) {
    if (!kind.isInstance(response)) {
      throw new IllegalArgumentException(
          "item "
              + item.identifier()
              + " ("
              + item.type()
              + ") takes a "
              + kind.getSimpleName()
              + ", got a "
              + response.getClass().getSimpleName());
    }
    return kind.cast(response);
  }

  private static List<Choice> ticked(Item item, ChoiceResponse response) {
    for (String id : response.choiceIds()) {
      if (item.choice(id).isEmpty()) {
        throw new IllegalArgumentException(
            "item " + item.identifier() + " has no choice '" + id + "'");
      }
    }
    return item.choices().stream().filter(c -> response.choiceIds().contains(c.id())).toList();
  }

  private static Outcome outcome(Item item, BigDecimal fraction, List<Choice> given) {
    Score score = Score.ofFraction(fraction, BigDecimal.ONE);
    return new Outcome(score, score.full(), false, feedback(item, given));
  }

  private static List<String> feedback(Item item, List<Choice> given) {
    List<String> out = new ArrayList<>();
    for (Choice c : given) {
      if (!c.feedbackHtml().isBlank()) {
        out.add(c.feedbackHtml());
      }
    }
    if (!item.generalFeedbackHtml().isBlank()) {
      out.add(item.generalFeedbackHtml());
    }
    return out;
  }

  private static String normalise(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
  }

  private Pattern wildcard(String answer) {
    StringBuilder regex = new StringBuilder();
    int last = 0;
    var m = STARS.matcher(answer);
    while (m.find()) {
      regex.append(Pattern.quote(answer.substring(last, m.start()).replace("\\*", "*")));
      regex.append(".*");
      last = m.end();
    }
    regex.append(Pattern.quote(answer.substring(last).replace("\\*", "*")));
    int flags = Pattern.DOTALL;
    if (!caseSensitive) {
      flags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    }
    return Pattern.compile(regex.toString(), flags);
  }

  /**
   * Reads a number as a learner types it, see the class comment for the separator rules.
   *
   * @param text the typed text, e.g. {@code "3,5"}, {@code "-2.25"}, {@code "1 822"}, {@code
   *     "1.822,5"}
   * @return the number, or empty when the text is not a number
   */
  public static Optional<BigDecimal> parseNumber(String text) {
    String t = text.strip().replace('\u2212', '-').replaceAll("[\\s\\u00A0\\u202F]", "");
    int comma = t.lastIndexOf(',');
    int dot = t.lastIndexOf('.');
    if (comma >= 0 && dot >= 0) {
      t = comma > dot ? t.replace(".", "").replace(',', '.') : t.replace(",", "");
    } else if (comma >= 0) {
      t = t.indexOf(',') != comma ? t.replace(",", "") : t.replace(',', '.');
    } else if (dot >= 0 && t.indexOf('.') != dot) {
      t = t.replace(".", "");
    }
    if (t.isEmpty() || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?")) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(t));
  }
}
