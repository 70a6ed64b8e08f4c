package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.ResponseVersions;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The latest accepted response of an attempt to one question: the payload as the page sent it, its
 * version and the digest its receipt carries.
 */
@Entity
@Table(name = "attempt_response")
@IdClass(AttemptResponse.Key.class)
public class AttemptResponse {
  @Id
  @Column(name = "attempt_id", length = 36)
  private String attemptId;

  @Id
  @Column(name = "item_identifier", length = 200)
  private String itemIdentifier;

  @Column(nullable = false)
  private long version;

  @Column(nullable = false, length = 64)
  private String digest;

  @Lob
  @Column(nullable = false)
  private String payload;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  protected AttemptResponse() {}

  AttemptResponse(String attemptId, String itemIdentifier) {
    this.attemptId = attemptId;
    this.itemIdentifier = itemIdentifier;
  }

  void replace(long version, String digest, String payload, Instant savedAt) {
    this.version = version;
    this.digest = digest;
    this.payload = payload;
    this.savedAt = savedAt;
  }

  public String getAttemptId() {
    return attemptId;
  }

  public String getItemIdentifier() {
    return itemIdentifier;
  }

  public long getVersion() {
    return version;
  }

  /** Lower-case hex SHA-256 of the payload's UTF-8 bytes. */
  public String getDigest() {
    return digest;
  }

  /** The response as JSON, exactly as it was sent. */
  public String getPayload() {
    return payload;
  }

  public Instant getSavedAt() {
    return savedAt;
  }

  ResponseVersions.Stored stored() {
    return new ResponseVersions.Stored(version, digest);
  }

  /** The primary key: attempt and item. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private String attemptId;
    private String itemIdentifier;

    public Key() {}

    public Key(String attemptId, String itemIdentifier) {
      this.attemptId = attemptId;
      this.itemIdentifier = itemIdentifier;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(attemptId, k.attemptId)
          && Objects.equals(itemIdentifier, k.itemIdentifier);
    }

    @Override
    public int hashCode() {
      return Objects.hash(attemptId, itemIdentifier);
    }
  }
}
