package be.edusprong.lms.assessment.delivery;

import be.edusprong.lms.assessment.delivery.VerificationResult.Problem;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * The hash chain of one attempt's receipts (issue 3, point 4: "Every acknowledged save returns a
 * receipt: an entry in a per-attempt hash chain ... signed with the platform's key").
 *
 * <p>A chain only holds its head (attempt, last sequence, last hash) and the signing key; the
 * receipts themselves are stored by the caller. With several server instances the head lives in the
 * database: a save locks the attempt's row, {@link #resume(Receipt, PrivateKey) resumes} from the
 * last stored receipt, appends, and stores the new receipt in the same transaction, so two
 * instances can never issue the same sequence number. {@link #append} is synchronized for callers
 * that do keep one chain in memory.
 *
 * <p>Order is the sequence, not the clock: {@code serverTime} comes from whichever instance took
 * the save and is not required to grow, because instances' clocks may differ by milliseconds.
 */
public final class ReceiptChain {

  private final String attemptId;
  private final PrivateKey key;
  private long lastSequence;
  private String headHash;

  private ReceiptChain(String attemptId, PrivateKey key, long lastSequence, String headHash) {
    if (Objects.requireNonNull(attemptId, "attemptId").isEmpty()) {
      throw new IllegalArgumentException("attemptId must not be empty");
    }
    ReceiptKeys.requireEd25519(key);
    this.attemptId = attemptId;
    this.key = key;
    this.lastSequence = lastSequence;
    this.headHash = headHash;
  }

  /**
   * A new, empty chain: its first receipt has sequence 1 and {@link Receipt#GENESIS_HASH} as
   * previous hash.
   *
   * @param attemptId the attempt, not empty
   * @param key the platform's Ed25519 private key
   * @return the chain
   * @throws IllegalArgumentException when the id is empty or the key is not Ed25519
   */
  public static ReceiptChain start(String attemptId, PrivateKey key) {
    return new ReceiptChain(attemptId, key, 0, Receipt.GENESIS_HASH);
  }

  /**
   * Continues a chain after its last stored receipt (after a restart, or on another instance). The
   * last receipt is trusted as stored; it is not re-verified.
   *
   * @param last the attempt's last receipt
   * @param key the platform's Ed25519 private key
   * @return a chain whose next receipt has {@code last.sequence() + 1} and links to {@code
   *     last.hash()}
   */
  public static ReceiptChain resume(Receipt last, PrivateKey key) {
    return new ReceiptChain(last.attemptId(), key, last.sequence(), last.hash());
  }

  /**
   * Issues the receipt of one acknowledged save.
   *
   * @param itemIdentifier the item answered, not empty
   * @param canonicalResponse the response's canonical bytes; only their SHA-256 is kept
   * @param version the save's response version, {@code >= 1}
   * @param serverTime the server's time of the save; truncated to whole milliseconds
   * @return the new receipt, now the head of the chain
   * @throws IllegalArgumentException when an argument is invalid (see {@link Receipt})
   */
  public synchronized Receipt append(
      String itemIdentifier, byte[] canonicalResponse, long version, Instant serverTime) {
    Objects.requireNonNull(canonicalResponse, "canonicalResponse");
    Instant time = serverTime.truncatedTo(ChronoUnit.MILLIS);
    long sequence = lastSequence + 1;
    String digest = Receipt.digestOf(canonicalResponse);
    String hash =
        Receipt.computeHash(attemptId, sequence, itemIdentifier, digest, version, time, headHash);
    String signature = Base64.getEncoder().encodeToString(ReceiptKeys.sign(key, Hex.decode(hash)));
    Receipt receipt =
        new Receipt(
            attemptId, sequence, itemIdentifier, digest, version, time, headHash, hash, signature);
    lastSequence = sequence;
    headHash = hash;
    return receipt;
  }

  /**
   * The attempt of this chain.
   *
   * @return its id
   */
  public String attemptId() {
    return attemptId;
  }

  /**
   * The sequence of the last receipt issued.
   *
   * @return 0 before the first
   */
  public synchronized long lastSequence() {
    return lastSequence;
  }

  /**
   * The hash of the last receipt issued.
   *
   * @return lower-case hex; {@link Receipt#GENESIS_HASH} before the first
   */
  public synchronized String headHash() {
    return headHash;
  }

  /**
   * Verifies a complete receipt list of one attempt; the attempt is the first receipt's.
   *
   * @param receipts the list, in sequence order, starting at sequence 1
   * @param key the platform's Ed25519 public key
   * @return see {@link #verify(List, PublicKey, String)}
   */
  public static VerificationResult verify(List<Receipt> receipts, PublicKey key) {
    return verify(receipts, key, receipts.isEmpty() ? null : receipts.get(0).attemptId());
  }

  /**
   * Verifies a complete receipt list of one attempt. For each receipt in turn, the first failing
   * check decides the {@link Problem}:
   *
   * <ol>
   *   <li>its hash matches its content, else {@link Problem#TAMPERED};
   *   <li>its signature verifies under {@code key}, else {@link Problem#WRONG_KEY} when no receipt
   *       of the list verifies under it, or {@link Problem#BAD_SIGNATURE};
   *   <li>its attempt is {@code expectedAttemptId}, else {@link Problem#ATTEMPT_MISMATCH};
   *   <li>its sequence is the previous one plus one (1 for the first), else {@link
   *       Problem#DUPLICATE} when lower, {@link Problem#OUT_OF_ORDER} when the expected sequence
   *       comes later in the list, or {@link Problem#MISSING};
   *   <li>its previous hash is the previous receipt's hash ({@link Receipt#GENESIS_HASH} for the
   *       first), else {@link Problem#BROKEN_LINK}.
   * </ol>
   *
   * Integrity comes first so that a changed field is reported as tampering at the receipt that was
   * changed, never as a gap or a broken link at the one after. Dropping the last receipts cannot be
   * seen here; see {@link VerificationResult}.
   *
   * @param receipts the list, in sequence order, starting at sequence 1; may be empty
   * @param key the platform's Ed25519 public key
   * @param expectedAttemptId the attempt the list must belong to; null accepts the first receipt's
   * @return verified with the count and head hash, or the first broken receipt and why
   * @throws IllegalArgumentException when the key is not Ed25519
   */
  public static VerificationResult verify(
      List<Receipt> receipts, PublicKey key, String expectedAttemptId) {
    ReceiptKeys.requireEd25519(key);
    int n = receipts.size();
    String attempt =
        expectedAttemptId != null ? expectedAttemptId : n == 0 ? null : receipts.get(0).attemptId();
    String previousHash = Receipt.GENESIS_HASH;
    for (int i = 0; i < n; i++) {
      Receipt r = receipts.get(i);
      long expected = i + 1L;
      String at = "receipt #" + r.sequence() + " (position " + (i + 1) + ")";
      if (!r.expectedHash().equals(r.hash())) {
        return VerificationResult.broken(
            Problem.TAMPERED,
            i,
            at + ": its hash does not match its content; a field or the hash was changed",
            n);
      }
      if (!signatureValid(r, key)) {
        boolean anyValid = receipts.stream().anyMatch(other -> signatureValid(other, key));
        return anyValid
            ? VerificationResult.broken(
                Problem.BAD_SIGNATURE,
                i,
                at + ": its signature does not verify; it was re-hashed or re-signed",
                n)
            : VerificationResult.broken(
                Problem.WRONG_KEY,
                i,
                at + ": no receipt of the list verifies under this public key",
                n);
      }
      if (!r.attemptId().equals(attempt)) {
        return VerificationResult.broken(
            Problem.ATTEMPT_MISMATCH,
            i,
            at + ": belongs to attempt \"" + r.attemptId() + "\", not \"" + attempt + "\"",
            n);
      }
      if (r.sequence() != expected) {
        if (r.sequence() < expected) {
          return VerificationResult.broken(
              Problem.DUPLICATE, i, at + ": sequence " + r.sequence() + " appears again", n);
        }
        boolean later =
            receipts.subList(i + 1, n).stream().anyMatch(other -> other.sequence() == expected);
        return later
            ? VerificationResult.broken(
                Problem.OUT_OF_ORDER, i, at + ": expected receipt #" + expected + " here", n)
            : VerificationResult.broken(
                Problem.MISSING,
                i,
                at
                    + ": receipt"
                    + (r.sequence() - expected == 1
                        ? " #" + expected + " is"
                        : "s #" + expected + "..#" + (r.sequence() - 1) + " are")
                    + " missing",
                n);
      }
      if (!r.previousHash().equals(previousHash)) {
        return VerificationResult.broken(
            Problem.BROKEN_LINK,
            i,
            at
                + ": its previous hash is not the hash of "
                + (i == 0 ? "the chain's start (64 zeros)" : "receipt #" + (expected - 1)),
            n);
      }
      previousHash = r.hash();
    }
    return VerificationResult.verified(n, previousHash);
  }

  private static boolean signatureValid(Receipt r, PublicKey key) {
    return ReceiptKeys.verify(key, Hex.decode(r.hash()), Base64.getDecoder().decode(r.signature()));
  }
}
