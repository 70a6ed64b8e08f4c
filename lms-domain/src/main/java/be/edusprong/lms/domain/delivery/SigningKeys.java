package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.ReceiptKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The platform's receipt signing key (issue 3, point 4: "the signing key lives in the database").
 * The key is created in {@code signing_key} on first use by whichever instance comes first, and
 * every instance reads it from there; the decoded key is kept in memory only after it was read from
 * the database, so all instances sign with the same key.
 */
@ApplicationScoped
public class SigningKeys {
  @Inject SigningKeyStore store;

  private volatile Loaded loaded;

  /** The active key, decoded. */
  record Loaded(long id, PrivateKey privateKey, PublicKey publicKey, String publicBase64) {}

  /**
   * The key receipts are signed with.
   *
   * @return the active Ed25519 private key
   */
  PrivateKey privateKey() {
    return load().privateKey();
  }

  /**
   * The key anybody verifies receipts with ({@code ReceiptChain.verify}).
   *
   * @return the active Ed25519 public key
   */
  public PublicKey publicKey() {
    return load().publicKey();
  }

  /**
   * The public key for publication.
   *
   * @return base64 of its X.509 encoding, as stored in {@code signing_key.public_key}
   */
  public String publicKeyBase64() {
    return load().publicBase64();
  }

  private Loaded load() {
    Loaded key = loaded;
    if (key == null) {
      SigningKey row;
      try {
        row = store.activeOrCreate();
      } catch (RuntimeException e) {
        // Two first uses at once on a new platform can deadlock on the insert (InnoDB picks one
        // to roll back); by now the other committed the key, so reading again finds it.
        row = store.activeOrCreate();
      }
      key =
          new Loaded(
              row.getId(),
              ReceiptKeys.decodePrivate(row.getPrivateKey()),
              ReceiptKeys.decodePublic(row.getPublicKey()),
              row.getPublicKey());
      loaded = key;
    }
    return key;
  }
}
