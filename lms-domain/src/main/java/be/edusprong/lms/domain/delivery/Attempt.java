package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.AttemptTimer;
import be.edusprong.lms.assessment.delivery.Receipt;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One sitting of one learner (poging). Refers to its assessment and learner by id. Holds the fields
 * of its {@link AttemptTimer} and the head of its receipt chain ({@code receiptCount}, {@code
 * lastHash}), so that any instance that locks this row can continue the chain.
 */
@Entity
@Table(name = "attempt")
public class Attempt {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "assessment_id", nullable = false)
  private Long assessmentId;

  @Column(name = "learner_id", nullable = false)
  private Long learnerId;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "deadline_at")
  private Instant deadlineAt;

  @Column(name = "extra_time_percent", nullable = false)
  private int extraTimePercent;

  @Column(name = "credited_downtime_seconds", nullable = false)
  private long creditedDowntimeSeconds;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private AttemptStatus status;

  @Column(name = "submitted_at")
  private Instant submittedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "submitted_by", length = 20)
  private SubmittedBy submittedBy;

  @Column(name = "receipt_count", nullable = false)
  private long receiptCount;

  @Column(name = "last_hash", nullable = false, length = 64)
  private String lastHash;

  @Column(nullable = false)
  private long seed;

  @Column(name = "score_raw", precision = 9, scale = 4)
  private BigDecimal scoreRaw;

  @Column(name = "score_max", precision = 9, scale = 4)
  private BigDecimal scoreMax;

  @Column(name = "passed")
  private Boolean passed;

  @Column(name = "graded_at")
  private Instant gradedAt;

  @Column(name = "delivery_token", length = 36)
  private String deliveryToken;

  @Column(name = "delivery_opened_at")
  private Instant deliveryOpenedAt;

  @Column(name = "delivery_ip", length = 45)
  private String deliveryIp;

  protected Attempt() {}

  /** A prepared attempt: planned with {@code seed}, not started. */
  Attempt(String id, long assessmentId, long learnerId, long seed) {
    this.id = id;
    this.assessmentId = assessmentId;
    this.learnerId = learnerId;
    this.seed = seed;
    this.status = AttemptStatus.PREPARED;
    this.receiptCount = 0;
    this.lastHash = Receipt.GENESIS_HASH;
  }

  /** Starts a prepared attempt: its clock runs from {@code timer.started()}. */
  void begin(AttemptTimer timer) {
    this.startedAt = timer.started();
    this.deadlineAt = timer.deadline().orElse(null);
    this.extraTimePercent = timer.extraTimePercent();
    this.creditedDowntimeSeconds = timer.creditedDowntime().getSeconds();
    this.status = AttemptStatus.ACTIVE;
  }

  /** The attempt's id, a UUID. */
  public String getId() {
    return id;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  public Long getLearnerId() {
    return learnerId;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  /** When the server submits the attempt, or null when it has no deadline. */
  public Instant getDeadlineAt() {
    return deadlineAt;
  }

  public int getExtraTimePercent() {
    return extraTimePercent;
  }

  public Duration getCreditedDowntime() {
    return Duration.ofSeconds(creditedDowntimeSeconds);
  }

  public AttemptStatus getStatus() {
    return status;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  /** Who submitted it, or null while active. */
  public SubmittedBy getSubmittedBy() {
    return submittedBy;
  }

  /** How many receipts were issued, which is the sequence of the last one. */
  public long getReceiptCount() {
    return receiptCount;
  }

  /** The hash of the last receipt, or {@link Receipt#GENESIS_HASH} before the first. */
  public String getLastHash() {
    return lastHash;
  }

  /** The seed its questions were drawn and shuffled with ({@code AttemptPlan}). */
  public long getSeed() {
    return seed;
  }

  /** Points earned, or null until every question is scored. */
  public BigDecimal getScoreRaw() {
    return scoreRaw;
  }

  /** Points possible, or null until scored. */
  public BigDecimal getScoreMax() {
    return scoreMax;
  }

  /** Whether it reached the pass mark; null without a pass mark or before it is fully graded. */
  public Boolean getPassed() {
    return passed;
  }

  /** When its last question got a score; null while one waits for a teacher. */
  public Instant getGradedAt() {
    return gradedAt;
  }

  /** Whether it was submitted and every question has its score. */
  public boolean isGraded() {
    return gradedAt != null;
  }

  void scored(BigDecimal raw, BigDecimal max, Boolean passed, Instant gradedAt) {
    this.scoreRaw = raw;
    this.scoreMax = max;
    this.passed = passed;
    this.gradedAt = gradedAt;
  }

  /** The token of the one delivery (tab) that may save, or null when none was opened yet. */
  public String getDeliveryToken() {
    return deliveryToken;
  }

  /** When the current delivery was opened, or null. */
  public Instant getDeliveryOpenedAt() {
    return deliveryOpenedAt;
  }

  /** The address the current delivery last spoke from, or null. */
  public String getDeliveryIp() {
    return deliveryIp;
  }

  /** Makes a new delivery the one that may save; any earlier one is locked out from now on. */
  void openDelivery(String token, Instant at, String ip) {
    deliveryToken = token;
    deliveryOpenedAt = at;
    deliveryIp = ip;
  }

  /** Notes the address the current delivery now speaks from. */
  void moveDelivery(String ip) {
    deliveryIp = ip;
  }

  /**
   * The attempt's clock.
   *
   * @param assessment its assessment, for the time limit and the close of the window
   */
  AttemptTimer timer(Assessment assessment) {
    return new AttemptTimer(
        startedAt,
        assessment.getTimeLimit(),
        extraTimePercent,
        Duration.ofSeconds(creditedDowntimeSeconds),
        assessment.getClosesAt());
  }

  boolean isActive() {
    return status == AttemptStatus.ACTIVE;
  }

  /** Moves the chain head to a receipt just issued for this attempt. */
  void advance(Receipt receipt) {
    if (receipt.sequence() != receiptCount + 1 || !receipt.previousHash().equals(lastHash)) {
      throw new IllegalStateException(
          "receipt #" + receipt.sequence() + " does not follow the head of attempt " + id);
    }
    receiptCount = receipt.sequence();
    lastHash = receipt.hash();
  }

  /**
   * Takes over a timer with more credited downtime (see {@link AttemptTimer#creditDowntime}): the
   * credit and the deadline it gives are stored, so every instance and {@code submitExpired} see
   * them.
   *
   * @param credited the attempt's timer with the credit added, in whole seconds
   */
  void credit(AttemptTimer credited) {
    creditedDowntimeSeconds = credited.creditedDowntime().getSeconds();
    deadlineAt = credited.deadline().orElse(null);
  }

  /** Ends the attempt; the caller checks it is active. */
  void submit(Instant at, SubmittedBy by) {
    status = AttemptStatus.SUBMITTED;
    submittedAt = at;
    submittedBy = by;
  }
}
