package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.AttemptPlan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One question of one attempt as planned ({@link AttemptPlan.Planned}): where it stands, the order
 * its options are shown in, its points and, once known, its score. A question that waits for a
 * teacher ({@code needsGrading}) has no score yet.
 */
@Entity
@Table(name = "attempt_item")
@IdClass(AttemptItem.Key.class)
public class AttemptItem {
  @Id
  @Column(name = "attempt_id", length = 36)
  private String attemptId;

  @Id
  @Column(name = "position")
  private int position;

  @Column(nullable = false)
  private int section;

  @Column(name = "item_identifier", nullable = false, length = 200)
  private String itemIdentifier;

  @Column(name = "option_order", nullable = false, length = 2000)
  private String optionOrder;

  @Column(nullable = false, precision = 7, scale = 2)
  private BigDecimal points;

  @Column(precision = 9, scale = 4)
  private BigDecimal score;

  @Column(name = "needs_grading", nullable = false)
  private boolean needsGrading;

  @Column(name = "graded_by")
  private Long gradedBy;

  @Column(name = "graded_at")
  private Instant gradedAt;

  @Column(name = "grader_comment", length = 2000)
  private String graderComment;

  @Column(name = "rubric_scores", length = 2000)
  private String rubricScores;

  protected AttemptItem() {}

  AttemptItem(String attemptId, AttemptPlan.Planned planned, BigDecimal points) {
    this.attemptId = attemptId;
    this.position = planned.position();
    this.section = planned.section();
    this.itemIdentifier = planned.identifier();
    this.optionOrder = String.join(",", planned.optionOrder());
    this.points = points;
  }

  public String getAttemptId() {
    return attemptId;
  }

  /** 1-based place in the attempt. */
  public int getPosition() {
    return position;
  }

  /** The 1-based section it was drawn from. */
  public int getSection() {
    return section;
  }

  public String getItemIdentifier() {
    return itemIdentifier;
  }

  /** The option ids in the order this attempt shows them; empty for the stored order. */
  public List<String> getOptionOrder() {
    return optionOrder.isEmpty() ? List.of() : Arrays.asList(optionOrder.split(","));
  }

  /** What the question is worth in this attempt. */
  public BigDecimal getPoints() {
    return points;
  }

  /** Points earned, or null while not scored or waiting for a teacher. */
  public BigDecimal getScore() {
    return score;
  }

  /** Whether a teacher still has to grade it (an answered essay). */
  public boolean isNeedsGrading() {
    return needsGrading;
  }

  /** The teacher who graded it by hand, or null. */
  public Long getGradedBy() {
    return gradedBy;
  }

  public Instant getGradedAt() {
    return gradedAt;
  }

  /** The teacher's comment for the learner, or null. */
  public String getGraderComment() {
    return graderComment;
  }

  /** The points per rubric criterion as a JSON array, or null. */
  public String getRubricScores() {
    return rubricScores;
  }

  void scoreAutomatically(BigDecimal score) {
    this.score = score;
    this.needsGrading = false;
  }

  void awaitGrading() {
    this.score = null;
    this.needsGrading = true;
  }

  void grade(BigDecimal score, long teacherId, Instant at, String comment, String rubricScores) {
    this.score = score;
    this.needsGrading = false;
    this.gradedBy = teacherId;
    this.gradedAt = at;
    this.graderComment = comment;
    this.rubricScores = rubricScores;
  }

  /** The primary key: attempt and position. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String attemptId;
    private int position;

    public Key() {}

    public Key(String attemptId, int position) {
      this.attemptId = attemptId;
      this.position = position;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(attemptId, k.attemptId) && position == k.position;
    }

    @Override
    public int hashCode() {
      return Objects.hash(attemptId, position);
    }
  }
}
