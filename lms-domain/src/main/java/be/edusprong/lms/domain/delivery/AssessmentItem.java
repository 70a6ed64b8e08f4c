package be.edusprong.lms.domain.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A question of an assessment, kept as its source: GIFT (as {@code PracticeItem} is), or a QTI 3.0
 * {@code qti-assessment-item} for the types GIFT cannot express. The importer of that format is the
 * one truth of what it means, so the key and weights are read again from the source when scoring
 * and never stored apart. It belongs to a section ({@link AssessmentSection}) and is worth {@code
 * points}; an essay may have a rubric.
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
  @Column(name = "source", nullable = false)
  private String source;

  @Column(name = "source_format", nullable = false, length = 10)
  private String sourceFormat;

  @Column(nullable = false)
  private int section;

  @Column(nullable = false, precision = 7, scale = 2)
  private BigDecimal points;

  @Lob
  @Column(name = "rubric")
  private String rubric;

  protected AssessmentItem() {}

  AssessmentItem(
      long assessmentId,
      int position,
      String identifier,
      String sourceFormat,
      String source,
      int section,
      BigDecimal points) {
    this.assessmentId = assessmentId;
    this.position = position;
    this.identifier = identifier;
    this.sourceFormat = sourceFormat;
    this.source = source;
    this.section = section;
    this.points = points;
  }

  /** Source format: GIFT. */
  public static final String GIFT = "gift";

  /** Source format: a QTI 3.0 {@code qti-assessment-item} document. */
  public static final String QTI3 = "qti3";

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

  /** The question's source text, in {@link #getSourceFormat()}. */
  public String getSource() {
    return source;
  }

  /** {@link #GIFT} or {@link #QTI3}. */
  public String getSourceFormat() {
    return sourceFormat;
  }

  /** The 1-based section the question belongs to. */
  public int getSection() {
    return section;
  }

  /** What the question is worth; a score is a fraction of it. */
  public BigDecimal getPoints() {
    return points;
  }

  /** The rubric as JSON ({@code [{"criterion": "...", "points": 2}]}), or null. */
  public String getRubric() {
    return rubric;
  }

  /** A corrected source (regrading): same identifier, same format. */
  void correct(String source) {
    this.source = source;
  }

  void setSection(int section) {
    this.section = section;
  }

  void setPointsAndRubric(BigDecimal points, String rubric) {
    this.points = points;
    this.rubric = rubric;
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
