package be.edusprong.lms.domain.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One entry of an attempt's integrity log (table {@code attempt_event}, append-only): what
 * happened, when by the server's clock, from which address, with a short detail in English for the
 * teacher's log view.
 */
@Entity
@Table(name = "attempt_event")
public class AttemptEvent {
  /** Longest detail, as the column allows; longer details are cut. */
  public static final int MAX_DETAIL = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "attempt_id", nullable = false, length = 36)
  private String attemptId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private IntegrityEventKind kind;

  @Column(nullable = false)
  private Instant at;

  @Column(length = 45)
  private String ip;

  @Column(length = MAX_DETAIL)
  private String detail;

  protected AttemptEvent() {}

  AttemptEvent(String attemptId, IntegrityEventKind kind, Instant at, String ip, String detail) {
    this.attemptId = attemptId;
    this.kind = kind;
    this.at = at;
    this.ip = ip == null || ip.length() > 45 ? null : ip;
    this.detail =
        detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
  }

  public Long getId() {
    return id;
  }

  public String getAttemptId() {
    return attemptId;
  }

  public IntegrityEventKind getKind() {
    return kind;
  }

  /** The server's time of the event. */
  public Instant getAt() {
    return at;
  }

  /** The client's address, or null when unknown. */
  public String getIp() {
    return ip;
  }

  /** A short explanation, or null. */
  public String getDetail() {
    return detail;
  }
}
