package be.edusprong.lms.domain.delivery;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.MatchPair;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Comparator;

/**
 * A response that earns full marks for an item, in the JSON shape the exam page sends ({@link
 * ResponsePayloads}), for the review at level {@link Review#FULL}: the 100% choice, every choice
 * with a positive weight, the first fully right text or number, each premise with its own answer,
 * the stored order, each gap's fully right answer or gap text.
 */
public final class CorrectResponses {
  private CorrectResponses() {}

  /**
   * The full-marks response.
   *
   * @param item the item
   * @return the JSON, or null for essays and descriptions (no key)
   */
  public static String of(Item item) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    switch (item.type()) {
      case CHOICE_SINGLE, TRUE_FALSE ->
          item.choices().stream()
              .max(Comparator.comparing(Choice::weightPercent))
              .ifPresent(c -> b.add("choice", c.id()));
      case CHOICE_MULTIPLE -> {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        item.choices().stream()
            .filter(c -> c.weightPercent().signum() > 0)
            .forEach(c -> ids.add(c.id()));
        b.add("choices", ids);
      }
      case SHORT_ANSWER, NUMERICAL ->
          item.choices().stream()
              .filter(c -> !c.catchAll())
              .max(Comparator.comparing(Choice::weightPercent))
              .ifPresent(
                  c ->
                      b.add(
                          "text",
                          c.numeric() != null ? c.numeric().value().toPlainString() : c.text()));
      case MATCHING -> {
        JsonObjectBuilder pairs = JSON.createObjectBuilder();
        for (MatchPair p : item.pairs()) {
          if (!p.distractor()) {
            pairs.add(p.id(), p.answer());
          }
        }
        b.add("pairs", pairs);
      }
      case ORDERING -> {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        item.choices().forEach(c -> ids.add(c.id()));
        b.add("order", ids);
      }
      case CLOZE, GAP_MATCH -> {
        JsonObjectBuilder gaps = JSON.createObjectBuilder();
        for (Gap g : item.gaps()) {
          if (g.kind() == Gap.Kind.GAP_TEXT) {
            gaps.add(g.id(), g.gapTextId());
          } else if (g.kind() == Gap.Kind.MULTIPLE_RESPONSE) {
            gaps.add(
                g.id(),
                String.join(
                    ",",
                    g.answers().stream()
                        .filter(c -> c.weightPercent().signum() > 0)
                        .map(Choice::id)
                        .toList()));
          } else {
            g.answers().stream()
                .filter(c -> !c.catchAll())
                .max(Comparator.comparing(Choice::weightPercent))
                .ifPresent(
                    c ->
                        gaps.add(
                            g.id(),
                            g.kind() == Gap.Kind.INLINE_CHOICE
                                ? c.id()
                                : c.numeric() != null
                                    ? c.numeric().value().toPlainString()
                                    : c.text()));
          }
        }
        b.add("gaps", gaps);
      }
      default -> {
        return null;
      }
    }
    return b.build().toString();
  }
}
