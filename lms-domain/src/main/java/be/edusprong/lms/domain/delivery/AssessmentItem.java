package be.edusprong.lms.domain.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A question of an assessment, kept as its GIFT source (as {@code PracticeItem} is): the GIFT
 * parser is the one truth of what it means, so the key and weights are read again from the source
 * when scoring and never stored apart.
 */
@Entity
@Table(name = "assessment_item")
@IdClass(AssessmentItem.Key.class)
public class AssessmentItem {
  @Id
  @Column(name = "assessment_id")
  private Long assessmentId;

  @Id
  @Column(name = "position")
  private int position;

  @Column(nullable = false, length = 200)
  private String identifier;

  @Lob
  @Column(name = "gift_source", nullable = false)
  private String giftSource;

  protected AssessmentItem() {}

  AssessmentItem(long assessmentId, int position, String identifier, String giftSource) {
    this.assessmentId = assessmentId;
    this.position = position;
    this.identifier = identifier;
    this.giftSource = giftSource;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  /** 1-based place in the assessment. */
  public int getPosition() {
    return position;
  }

  public String getIdentifier() {
    return identifier;
  }

  public String getGiftSource() {
    return giftSource;
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
