package be.edusprong.lms.domain.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a learner may see of their submitted attempt, cut to the assessment's {@link Review} level
 * (issue 3, point 3: review options; point 4: "Correct answers and scoring rules never reach the
 * browser before review"). Members above the level are null or empty.
 *
 * @param attemptId the attempt
 * @param review the level applied
 * @param submittedAt when it was handed in
 * @param graded whether every question has its score ({@code SCORE} and up)
 * @param scoreRaw points earned, or null (below {@code SCORE}, or not graded yet)
 * @param scoreMax points possible, or null
 * @param passed against the pass mark, or null
 * @param items per question ({@code RESPONSES} and up), in the attempt's order
 */
public record AttemptReview(
    String attemptId,
    Review review,
    Instant submittedAt,
    boolean graded,
    BigDecimal scoreRaw,
    BigDecimal scoreMax,
    Boolean passed,
    List<ItemReview> items) {

  /** Copies the list. */
  public AttemptReview {
    items = List.copyOf(items);
  }

  /**
   * One question in the review.
   *
   * @param position its place in the attempt
   * @param identifier the question
   * @param stemHtml its text, safe HTML
   * @param response the learner's response JSON, or null when unanswered
   * @param score points earned, or null while a teacher has to grade it
   * @param points points possible
   * @param graderComment the teacher's comment, or null
   * @param correctResponse ({@code FULL} only) a response that earns full marks, in the shape the
   *     exam page sends (docs/delivery-api.md), or null for essays and at lower levels
   * @param feedbackHtml ({@code FULL} only) the feedback for the response given, safe HTML
   */
  public record ItemReview(
      int position,
      String identifier,
      String stemHtml,
      String response,
      BigDecimal score,
      BigDecimal points,
      String graderComment,
      String correctResponse,
      List<String> feedbackHtml) {
    /** Copies the list. */
    public ItemReview {
      feedbackHtml = List.copyOf(feedbackHtml);
    }
  }
}
