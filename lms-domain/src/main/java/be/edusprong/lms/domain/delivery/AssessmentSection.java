package be.edusprong.lms.domain.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A section of an assessment (issue 3, point 3): fixed questions, or a pool from which each attempt
 * draws {@code drawCount} (e.g. 5 of the 20 questions of a bank category), shown in order or
 * shuffled. See {@link be.edusprong.lms.assessment.delivery.AttemptPlan} for how attempts are
 * drawn.
 */
@Entity
@Table(name = "assessment_section")
@IdClass(AssessmentSection.Key.class)
public class AssessmentSection {
  @Id
  @Column(name = "assessment_id")
  private Long assessmentId;

  @Id
  @Column(name = "position")
  private int position;

  @Column(length = 200)
  private String title;

  @Column(name = "draw_count", nullable = false)
  private int drawCount;

  @Column(nullable = false)
  private boolean shuffle;

  protected AssessmentSection() {}

  AssessmentSection(long assessmentId, int position, String title, int drawCount, boolean shuffle) {
    this.assessmentId = assessmentId;
    this.position = position;
    this.title = title;
    this.drawCount = drawCount;
    this.shuffle = shuffle;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  /** 1-based place in the assessment. */
  public int getPosition() {
    return position;
  }

  /** The title shown above the section, or null. */
  public String getTitle() {
    return title;
  }

  /** How many of its questions each attempt gets. */
  public int getDrawCount() {
    return drawCount;
  }

  /** Whether the drawn questions are shown in random order. */
  public boolean isShuffle() {
    return shuffle;
  }

  /** The primary key: assessment and position. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long assessmentId;
    private int position;

    public Key() {}

    public Key(Long assessmentId, int position) {
      this.assessmentId = assessmentId;
      this.position = position;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(assessmentId, k.assessmentId)
          && position == k.position;
    }

    @Override
    public int hashCode() {
      return Objects.hash(assessmentId, position);
    }
  }
}
