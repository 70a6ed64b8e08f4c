package be.edusprong.lms.domain.exemption;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An exemption of one learner for one module (issue 3, point 7: "an Exemption (module, learner,
 * attempt, score, date)"). Never deleted: a rejected or revoked one stays as history with who
 * decided, when and why.
 */
@Entity
@Table(name = "exemption")
public class Exemption {
  /** Longest reason, as the columns allow. */
  public static final int MAX_REASON = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "module_id", nullable = false)
  private Long moduleId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ExemptionStatus status;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ExemptionSource source;

  @Column(name = "attempt_id", length = 36)
  private String attemptId;

  @Column(name = "score_raw", precision = 9, scale = 4)
  private BigDecimal scoreRaw;

  @Column(name = "score_max", precision = 9, scale = 4)
  private BigDecimal scoreMax;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(length = MAX_REASON)
  private String reason;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_reason", length = MAX_REASON)
  private String decisionReason;

  protected Exemption() {}

  Exemption(
      long moduleId,
      long learnerId,
      ExemptionSource source,
      String attemptId,
      BigDecimal scoreRaw,
      BigDecimal scoreMax,
      Instant createdAt,
      String reason) {
    this.moduleId = moduleId;
    this.learnerId = learnerId;
    this.source = source;
    this.attemptId = attemptId;
    this.scoreRaw = scoreRaw;
    this.scoreMax = scoreMax;
    this.createdAt = createdAt;
    this.reason = reason;
    this.status = ExemptionStatus.PROPOSED;
  }

  public Long getId() {
    return id;
  }

  public Long getModuleId() {
    return moduleId;
  }

  public Long getLearnerId() {
    return learnerId;
  }

  public ExemptionStatus getStatus() {
    return status;
  }

  public ExemptionSource getSource() {
    return source;
  }

  /** The attempt of the exemption test, or null for a granted exemption. */
  public String getAttemptId() {
    return attemptId;
  }

  /** Points the test earned, or null. */
  public BigDecimal getScoreRaw() {
    return scoreRaw;
  }

  /** Points the test could earn, or null. */
  public BigDecimal getScoreMax() {
    return scoreMax;
  }

  /** When it was proposed or granted. */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Why it was granted (staff), or null for a test. */
  public String getReason() {
    return reason;
  }

  /** Who confirmed, rejected or revoked it last; null when nobody did (or automatic). */
  public Long getDecidedBy() {
    return decidedBy;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  /** Why it was rejected or revoked, or null. */
  public String getDecisionReason() {
    return decisionReason;
  }

  void decide(ExemptionStatus status, Long by, Instant at, String reason) {
    this.status = status;
    this.decidedBy = by;
    this.decidedAt = at;
    this.decisionReason = reason;
  }

  void rescore(BigDecimal raw, BigDecimal max) {
    this.scoreRaw = raw;
    this.scoreMax = max;
  }
}
