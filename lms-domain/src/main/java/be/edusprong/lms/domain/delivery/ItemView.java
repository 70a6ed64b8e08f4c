package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.item.ItemType;
import java.util.List;

/**
 * One question as the exam page may see it during an attempt: what to show and what can be
 * answered, with the learner's saved response, and nothing that tells the answer (issue 3, point 4:
 * "Correct answers and scoring rules never reach the browser before review"). There is no field for
 * weights, feedback or a correct flag, and short-answer and numerical items list no answers at all
 * (their "choices" are the accepted answers).
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
    long savedVersion,
    String savedPayload) {

  /** Copies the lists. */
  public ItemView {
    choices = List.copyOf(choices);
    premises = List.copyOf(premises);
    answers = List.copyOf(answers);
  }

  /**
   * Something to pick or to match.
   *
   * @param id the stable id a response names ({@code "A"}, {@code "TRUE"}, ...)
   * @param html its text, safe HTML
   */
  public record Option(String id, String html) {}
}
