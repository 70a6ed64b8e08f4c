package be.edusprong.lms.domain.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A learner's accommodation (aanpassing) for one assessment (issue 3, point 3: "per-learner
 * accommodations (extra time %, extra attempt)"), e.g. for dyslexia or a language barrier: extra
 * time as a percentage of the time limit and attempts on top of the assessment's number.
 */
@Entity
@Table(name = "assessment_accommodation")
public class Accommodation {
  /** Most extra time, in percent of the time limit (triple time). */
  public static final int MAX_EXTRA_TIME_PERCENT = 200;

  /** Most extra attempts. */
  public static final int MAX_EXTRA_ATTEMPTS = 10;

  /** Longest reason, as the column allows. */
  public static final int MAX_REASON = 500;

  /** The key: assessment and learner. */
  @Embeddable
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "assessment_id")
    private Long assessmentId;

    @Column(name = "learner_id")
    private Long learnerId;

    protected Key() {}

    /** The key of a learner's accommodation for an assessment. */
    public Key(long assessmentId, long learnerId) {
      this.assessmentId = assessmentId;
      this.learnerId = learnerId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(assessmentId, k.assessmentId)
          && Objects.equals(learnerId, k.learnerId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(assessmentId, learnerId);
    }
  }

  @EmbeddedId private Key key;

  @Column(name = "extra_time_percent", nullable = false)
  private int extraTimePercent;

  @Column(name = "extra_attempts", nullable = false)
  private int extraAttempts;

  @Column(length = MAX_REASON)
  private String reason;

  protected Accommodation() {}

  Accommodation(long assessmentId, long learnerId) {
    this.key = new Key(assessmentId, learnerId);
  }

  public long getAssessmentId() {
    return key.assessmentId;
  }

  public long getLearnerId() {
    return key.learnerId;
  }

  /** Extra time in percent of the time limit, 0..{@value #MAX_EXTRA_TIME_PERCENT}. */
  public int getExtraTimePercent() {
    return extraTimePercent;
  }

  /** Attempts on top of the assessment's number, 0..{@value #MAX_EXTRA_ATTEMPTS}. */
  public int getExtraAttempts() {
    return extraAttempts;
  }

  /** Why it was granted, or null. */
  public String getReason() {
    return reason;
  }

  void set(int extraTimePercent, int extraAttempts, String reason) {
    this.extraTimePercent = extraTimePercent;
    this.extraAttempts = extraAttempts;
    this.reason = reason;
  }
}
