package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.item.ItemType;
import java.util.List;

/**
 * One question as the exam page may see it during an attempt: what to show and what can be
 * answered, with the learner's saved response, and nothing that tells the answer (issue 3, point 4:
 * "Correct answers and scoring rules never reach the browser before review"). There is no field for
 * weights, feedback or a correct flag, and short-answer and numerical items list no answers at all
 * (their "choices" are the accepted answers). Options come in the order of the attempt's plan
 * (shuffled per attempt where the assessment asks it, always for ordering items).
 *
 * @param position 1-based place in the assessment
 * @param identifier the item's identifier, the key of a save
 * @param type the interaction
 * @param stemHtml the stem, safe HTML
 * @param missingWordIndex where the answer goes in {@code stemHtml} ({@code
 *     Item.MISSING_WORD_BLANK} stands there), or -1 when it follows the stem
 * @param choices the options of a choice or true/false item, in source order; empty otherwise
 * @param premises the premises of a matching item, in source order, distractors left out; empty
 *     otherwise
 * @param answers the answers a matching item offers for every premise, sorted as text (source order
 *     would give the pairing away); empty otherwise
 * @param gaps the gaps of a cloze or gap-match item in stem order ({@code Item.gapToken} marks
 *     their places in {@code stemHtml}); the options of an inline-choice gap, none for a typed gap;
 *     empty for other types
 * @param gapTexts the words of a gap-match item, sorted as text (their stored order follows the
 *     gaps and would give the answer away); empty otherwise
 * @param savedVersion the version of the learner's saved response, 0 when none was saved
 * @param savedPayload the saved response JSON, or null when none was saved
 */
public record ItemView(
    int position,
    String identifier,
    ItemType type,
    String stemHtml,
    int missingWordIndex,
    List<Option> choices,
    List<Option> premises,
    List<String> answers,
    List<GapView> gaps,
    List<Option> gapTexts,
    long savedVersion,
    String savedPayload) {

  /** Copies the lists. */
  public ItemView {
    choices = List.copyOf(choices);
    premises = List.copyOf(premises);
    answers = List.copyOf(answers);
    gaps = List.copyOf(gaps);
    gapTexts = List.copyOf(gapTexts);
  }

  /**
   * A gap as the page may see it.
   *
   * @param id the gap id ({@code G1}, ...), the key in the response's {@code gaps}
   * @param kind {@code INLINE_CHOICE}, {@code MULTIPLE_RESPONSE}, {@code TEXT_ENTRY}, {@code
   *     NUMERICAL} or {@code GAP_TEXT}
   * @param options what can be picked in an inline-choice or multiple-response gap; empty otherwise
   */
  public record GapView(String id, String kind, List<Option> options) {
    /** Copies the list. */
    public GapView {
      options = List.copyOf(options);
    }
  }

  /**
   * Something to pick or to match.
   *
   * @param id the stable id a response names ({@code "A"}, {@code "TRUE"}, ...)
   * @param html its text, safe HTML
   */
  public record Option(String id, String html) {}
}
