package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.domain.centre.Centre;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * An assessment (toets) of a centre: a fixed list of questions ({@link AssessmentItem}), a time
 * limit, an open/close window and a number of attempts (issue 3, point 3).
 */
@Entity
@Table(name = "assessment")
public class Assessment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "centre_id")
  private Centre centre;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(name = "time_limit_seconds")
  private Integer timeLimitSeconds;

  @Column(name = "opens_at")
  private Instant opensAt;

  @Column(name = "closes_at")
  private Instant closesAt;

  @Column(name = "max_attempts", nullable = false)
  private int maxAttempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "access_code", length = 64)
  private String accessCode;

  @Column(name = "allowed_ip_ranges", length = IpRanges.MAX_TEXT)
  private String allowedIpRanges;

  @Column(name = "pass_mark_percent", precision = 5, scale = 2)
  private BigDecimal passMarkPercent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Review review = Review.SCORE;

  @Column(name = "shuffle_options", nullable = false)
  private boolean shuffleOptions;

  @Column(name = "owner_id")
  private Long ownerId;

  protected Assessment() {}

  Assessment(
      Centre centre,
      String title,
      Duration timeLimit,
      Instant opensAt,
      Instant closesAt,
      int maxAttempts,
      Instant createdAt) {
    this.centre = centre;
    this.title = title;
    this.timeLimitSeconds = timeLimit == null ? null : Math.toIntExact(timeLimit.getSeconds());
    this.opensAt = millis(opensAt);
    this.closesAt = millis(closesAt);
    this.maxAttempts = maxAttempts;
    this.createdAt = millis(createdAt);
  }

  // DATETIME(3) keeps whole milliseconds; the entity holds what will be read back.
  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  public Long getId() {
    return id;
  }

  public Centre getCentre() {
    return centre;
  }

  public String getTitle() {
    return title;
  }

  /** The time limit, or null for none. */
  public Duration getTimeLimit() {
    return timeLimitSeconds == null ? null : Duration.ofSeconds(timeLimitSeconds);
  }

  /** When attempts may start, or null when open from creation. */
  public Instant getOpensAt() {
    return opensAt;
  }

  /** When the window closes (no start from then on, running attempts end), or null for never. */
  public Instant getClosesAt() {
    return closesAt;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * How many attempts a learner may use (issue 3, point 3): the assessment's number plus the extra
   * attempts of the learner's accommodation.
   *
   * @param accommodation the learner's accommodation for this assessment, or null
   * @return the number of attempts allowed
   */
  int attemptsAllowed(Accommodation accommodation) {
    return maxAttempts + (accommodation == null ? 0 : accommodation.getExtraAttempts());
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** The code a learner must type to start, or null when none is asked. */
  public String getAccessCode() {
    return accessCode;
  }

  /** Where attempts may be taken from, or empty for anywhere. */
  public Optional<IpRanges> getAllowedIpRanges() {
    return IpRanges.parse(allowedIpRanges);
  }

  /** The pass mark in percent of the maximum score, or null when the assessment has none. */
  public BigDecimal getPassMarkPercent() {
    return passMarkPercent;
  }

  /** The teacher who made it, or null when the platform made it. */
  public Long getOwnerId() {
    return ownerId;
  }

  void setOwnerId(Long ownerId) {
    this.ownerId = ownerId;
  }

  /** Whether choice options are shown in a random order per attempt. */
  public boolean isShuffleOptions() {
    return shuffleOptions;
  }

  void setShuffleOptions(boolean shuffleOptions) {
    this.shuffleOptions = shuffleOptions;
  }

  /** What a learner sees after submitting. */
  public Review getReview() {
    return review;
  }

  void setAccess(String accessCode, IpRanges ranges, BigDecimal passMarkPercent, Review review) {
    this.accessCode = accessCode;
    this.allowedIpRanges = ranges == null ? null : ranges.toString();
    this.passMarkPercent = passMarkPercent;
    this.review = review;
  }

  /**
   * Whether attempts may start at a moment.
   *
   * @return true from {@code opensAt} (inclusive) until {@code closesAt} (exclusive)
   */
  boolean isOpenAt(Instant now) {
    return (opensAt == null || !now.isBefore(opensAt))
        && (closesAt == null || now.isBefore(closesAt));
  }
}
