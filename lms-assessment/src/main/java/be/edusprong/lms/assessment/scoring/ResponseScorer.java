package be.edusprong.lms.assessment.scoring;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.MatchPair;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 *   <li>{@code ORDERING}: QTI {@code match_correct} on an {@code ordered} response: full marks when
 *       the {@link OrderResponse} lists every choice exactly in the item's order, else 0 (all or
 *       nothing; Moodle {@code qtype_ordering}'s partial-credit grading types are not offered).
 *   <li>{@code CLOZE}: Moodle {@code qtype_multianswer}: each gap is scored on its own by the rule
 *       of its kind (inline choice as {@code CHOICE_SINGLE}, multiple response as {@code
 *       CHOICE_MULTIPLE}, text entry as {@code SHORT_ANSWER}, numerical as {@code NUMERICAL}), and
 *       the item earns {@code sum(weight * gap fraction) / sum(weight)}. A gap absent from the
 *       {@link GapResponse} earns 0.
 *   <li>{@code GAP_MATCH}: QTI {@code map_response} on {@code directedPair}s with 1 per right pair,
 *       as Moodle {@code qtype_ddwtos}/{@code qtype_gapselect}: each gap an equal share, earned
 *       when the {@link GapResponse} puts the gap's own gap text in it.
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
   *     choice, premise, gap or gap text id the item does not have, or a choice twice in an order
   *     (a page bug or a tampered request, not a wrong answer)
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
      case ORDERING -> ordering(item, expect(item, response, OrderResponse.class));
      case CLOZE -> cloze(item, expect(item, response, GapResponse.class));
      case GAP_MATCH -> gapMatch(item, expect(item, response, GapResponse.class));
      case ESSAY -> new Outcome(Score.zero(BigDecimal.ONE), false, true, feedback(item, List.of()));
      case DESCRIPTION -> new Outcome(Score.NONE, false, true, feedback(item, List.of()));
    };
  }

  /** What one set of answers earned: a fraction of its mark and the answers given. */
  private record Part(BigDecimal fraction, List<Choice> given) {}

  private Outcome single(Item item, ChoiceResponse response) {
    Part p = single(ticked(item.identifier(), item.choices(), response.choiceIds()));
    return outcome(item, p.fraction(), p.given());
  }

  private static Part single(List<Choice> ticked) {
    if (ticked.size() != 1) {
      return new Part(BigDecimal.ZERO, List.of());
    }
    return new Part(ticked.get(0).weightPercent().divide(HUNDRED), ticked);
  }

  private Outcome multiple(Item item, ChoiceResponse response) {
    Part p =
        multiple(item.choices(), ticked(item.identifier(), item.choices(), response.choiceIds()));
    return outcome(item, p.fraction(), p.given());
  }

  private static Part multiple(List<Choice> choices, List<Choice> ticked) {
    BigDecimal top = BigDecimal.ZERO;
    for (Choice c : choices) {
      if (c.weightPercent().signum() > 0) {
        top = top.add(c.weightPercent());
      }
    }
    top = top.min(HUNDRED);
    if (top.signum() == 0) {
      return new Part(BigDecimal.ZERO, ticked);
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Choice c : ticked) {
      sum = sum.add(c.weightPercent());
    }
    BigDecimal clamped = sum.max(BigDecimal.ZERO).min(top);
    return new Part(clamped.divide(top, MathContext.DECIMAL64), ticked);
  }

  private Outcome shortAnswer(Item item, TextResponse response) {
    Part p = shortAnswer(item.choices(), response.text());
    return outcome(item, p.fraction(), p.given());
  }

  private Part shortAnswer(List<Choice> choices, String text) {
    String given = normalise(text);
    if (!given.isEmpty()) {
      for (Choice c : choices) {
        if (wildcard(normalise(c.text())).matcher(given).matches()) {
          return new Part(c.weightPercent().divide(HUNDRED), List.of(c));
        }
      }
    }
    return new Part(BigDecimal.ZERO, List.of());
  }

  private Outcome numerical(Item item, TextResponse response) {
    Part p = numerical(item.choices(), response.text());
    return outcome(item, p.fraction(), p.given());
  }

  private static Part numerical(List<Choice> choices, String text) {
    Optional<BigDecimal> number = parseNumber(text);
    Optional<Choice> catchAll = choices.stream().filter(Choice::catchAll).findFirst();
    if (number.isPresent()) {
      for (Choice c : choices) {
        if (c.numeric() != null && c.numeric().accepts(number.get())) {
          return new Part(c.weightPercent().divide(HUNDRED), List.of(c));
        }
      }
    }
    return new Part(BigDecimal.ZERO, catchAll.map(List::of).orElse(List.of()));
  }

  private Outcome ordering(Item item, OrderResponse response) {
    Set<String> seen = new HashSet<>();
    for (String id : response.choiceIds()) {
      if (item.choice(id).isEmpty()) {
        throw new IllegalArgumentException(
            "item " + item.identifier() + " has no choice '" + id + "'");
      }
      if (!seen.add(id)) {
        throw new IllegalArgumentException(
            "choice '" + id + "' appears twice in the order given for item " + item.identifier());
      }
    }
    List<String> correct = item.choices().stream().map(Choice::id).toList();
    BigDecimal fraction = correct.equals(response.choiceIds()) ? BigDecimal.ONE : BigDecimal.ZERO;
    return outcome(item, fraction, List.of());
  }

  private Outcome cloze(Item item, GapResponse response) {
    knownGaps(item, response);
    BigDecimal earned = BigDecimal.ZERO;
    BigDecimal total = BigDecimal.ZERO;
    List<Choice> given = new ArrayList<>();
    for (Gap gap : item.gaps()) {
      String value = response.gapToValue().getOrDefault(gap.id(), "");
      Part p =
          switch (gap.kind()) {
            case INLINE_CHOICE -> single(ticked(item.identifier(), gap.answers(), ids(value)));
            case MULTIPLE_RESPONSE ->
                multiple(gap.answers(), ticked(item.identifier(), gap.answers(), ids(value)));
            case TEXT_ENTRY -> shortAnswer(gap.answers(), value);
            case NUMERICAL -> numerical(gap.answers(), value);
            case GAP_TEXT -> throw new IllegalStateException("a cloze item has no gap-text gap");
          };
      BigDecimal weight = BigDecimal.valueOf(gap.weight());
      earned = earned.add(p.fraction().max(BigDecimal.ZERO).min(BigDecimal.ONE).multiply(weight));
      total = total.add(weight);
      given.addAll(p.given());
    }
    return outcome(item, earned.divide(total, MathContext.DECIMAL64), given);
  }

  private static Set<String> ids(String value) {
    Set<String> ids = new HashSet<>();
    for (String id : value.split(",")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return ids;
  }

  private Outcome gapMatch(Item item, GapResponse response) {
    knownGaps(item, response);
    int right = 0;
    for (Gap gap : item.gaps()) {
      String value = response.gapToValue().getOrDefault(gap.id(), "").strip();
      if (!value.isEmpty() && item.gapText(value).isEmpty()) {
        throw new IllegalArgumentException(
            "item " + item.identifier() + " has no gap text '" + value + "'");
      }
      if (value.equals(gap.gapTextId())) {
        right++;
      }
    }
    BigDecimal fraction =
        BigDecimal.valueOf(right)
            .divide(BigDecimal.valueOf(item.gaps().size()), MathContext.DECIMAL64);
    return outcome(item, fraction, List.of());
  }

  private static void knownGaps(Item item, GapResponse response) {
    for (String id : response.gapToValue().keySet()) {
      if (item.gap(id).isEmpty()) {
        throw new IllegalArgumentException(
            "item " + item.identifier() + " has no gap '" + id + "'");
      }
    }
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

  private static List<Choice> ticked(String itemId, List<Choice> choices, Set<String> ids) {
    for (String id : ids) {
      if (choices.stream().noneMatch(c -> c.id().equals(id))) {
        throw new IllegalArgumentException("item " + itemId + " has no choice '" + id + "'");
      }
    }
    return choices.stream().filter(c -> ids.contains(c.id())).toList();
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
