package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.Receipt;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A stored {@link Receipt}: one row per accepted save, never changed once written. */
@Entity
@Table(name = "attempt_receipt")
@IdClass(AttemptReceipt.Key.class)
public class AttemptReceipt {
  @Id
  @Column(name = "attempt_id", length = 36)
  private String attemptId;

  @Id
  @Column(name = "sequence")
  private long sequence;

  @Column(name = "item_identifier", nullable = false, length = 200)
  private String itemIdentifier;

  @Column(name = "response_digest", nullable = false, length = 64)
  private String responseDigest;

  @Column(name = "response_version", nullable = false)
  private long responseVersion;

  @Column(name = "server_time", nullable = false)
  private Instant serverTime;

  @Column(name = "previous_hash", nullable = false, length = 64)
  private String previousHash;

  @Column(nullable = false, length = 64)
  private String hash;

  @Column(nullable = false, length = 100)
  private String signature;

  protected AttemptReceipt() {}

  AttemptReceipt(Receipt r) {
    this.attemptId = r.attemptId();
    this.sequence = r.sequence();
    this.itemIdentifier = r.itemIdentifier();
    this.responseDigest = r.responseDigest();
    this.responseVersion = r.responseVersion();
    this.serverTime = r.serverTime();
    this.previousHash = r.previousHash();
    this.hash = r.hash();
    this.signature = r.signature();
  }

  /** The receipt this row holds. */
  public Receipt toReceipt() {
    return new Receipt(
        attemptId,
        sequence,
        itemIdentifier,
        responseDigest,
        responseVersion,
        serverTime,
        previousHash,
        hash,
        signature);
  }

  /** The primary key: attempt and sequence. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String attemptId;
    private long sequence;

    public Key() {}

    public Key(String attemptId, long sequence) {
      this.attemptId = attemptId;
      this.sequence = sequence;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(attemptId, k.attemptId) && sequence == k.sequence;
    }

    @Override
    public int hashCode() {
      return Objects.hash(attemptId, sequence);
    }
  }
}
