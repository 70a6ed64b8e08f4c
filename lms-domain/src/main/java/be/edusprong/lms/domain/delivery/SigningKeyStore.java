package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.ReceiptKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.security.KeyPair;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * Reads the active signing key, creating the first one when there is none. Runs in a transaction of
 * its own, so the key is committed (and visible to every instance) before anything is signed with
 * it. Used by {@link SigningKeys}, which caches what this returns.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class SigningKeyStore {
  /** The id of the first key; every instance tries to insert it, and one insert wins. */
  static final long FIRST_KEY_ID = 1;

  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * The active key, created when the table holds none.
   *
   * <p>Two instances that both find none both try to insert key {@value #FIRST_KEY_ID} with {@code
   * INSERT IGNORE}: the second waits for the first's row lock and then inserts nothing. The locking
   * read after it ({@code SELECT ... FOR UPDATE}) sees the committed winner, not this transaction's
   * snapshot.
   *
   * @return the active key, newest first when there are several
   */
  public SigningKey activeOrCreate() {
    SigningKey active =
        em.createQuery(
                "SELECT k FROM SigningKey k WHERE k.active = TRUE ORDER BY k.id DESC",
                SigningKey.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElse(null);
    if (active != null) {
      return active;
    }
    KeyPair pair = ReceiptKeys.generate();
    em.createNativeQuery(
            "INSERT IGNORE INTO signing_key"
                + " (id, algorithm, public_key, private_key, created_at, active)"
                + " VALUES (?, 'Ed25519', ?, ?, ?, TRUE)")
        .setParameter(1, FIRST_KEY_ID)
        .setParameter(2, ReceiptKeys.encodePublic(pair.getPublic()))
        .setParameter(3, ReceiptKeys.encodePrivate(pair.getPrivate()))
        .setParameter(4, Timestamp.from(clock.instant()))
        .executeUpdate();
    return em.createQuery(
            "SELECT k FROM SigningKey k WHERE k.active = TRUE ORDER BY k.id DESC", SigningKey.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .setMaxResults(1)
        .getSingleResult();
  }
}
