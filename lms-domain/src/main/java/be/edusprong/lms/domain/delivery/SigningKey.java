package be.edusprong.lms.domain.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The platform's receipt signing key as stored ({@code ReceiptKeys} shapes: base64 X.509 public
 * key, base64 PKCS#8 private key). Rows are written by {@link SigningKeys} only.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {
  @Id private Long id;

  @Column(nullable = false, length = 20)
  private String algorithm;

  @Column(name = "public_key", nullable = false, length = 200)
  private String publicKey;

  @Column(name = "private_key", nullable = false, length = 200)
  private String privateKey;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private boolean active;

  protected SigningKey() {}

  public Long getId() {
    return id;
  }

  public String getAlgorithm() {
    return algorithm;
  }

  /** Base64 of the X.509 encoding; publishable. */
  public String getPublicKey() {
    return publicKey;
  }

  String getPrivateKey() {
    return privateKey;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public boolean isActive() {
    return active;
  }
}
