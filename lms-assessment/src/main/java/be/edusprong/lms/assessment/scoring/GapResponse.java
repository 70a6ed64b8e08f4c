package be.edusprong.lms.assessment.scoring;

import java.util.Map;
import java.util.Objects;

/**
 * What a learner put in each gap of a cloze or gap-match item (QTI: one response variable per
 * interaction of a cloze item; a {@code directedPair} per filled gap of a {@code
 * qti-gap-match-interaction}). On the wire (JSON): an object from gap id to value, e.g. {@code
 * {"G1": "Parijs", "G2": "B"}}.
 *
 * <p>The value depends on the gap's {@link be.edusprong.lms.assessment.item.Gap.Kind}: the typed
 * text for {@code TEXT_ENTRY} and {@code NUMERICAL}; the chosen answer id ({@code "B"}) for {@code
 * INLINE_CHOICE}; the ticked answer ids joined by commas ({@code "A,C"}) for {@code
 * MULTIPLE_RESPONSE}; the dropped or selected {@link be.edusprong.lms.assessment.item.GapText} id
 * for {@code GAP_TEXT}.
 *
 * @param gapToValue from {@link be.edusprong.lms.assessment.item.Gap#id()} to the value; gaps left
 *     empty are absent (or map to {@code ""})
 */
public record GapResponse(Map<String, String> gapToValue) implements Response {

  /** Copies the map. */
  public GapResponse {
    gapToValue = Map.copyOf(Objects.requireNonNull(gapToValue, "gapToValue"));
  }
}
