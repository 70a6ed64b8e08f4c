package be.edusprong.lms.assessment.delivery;

import java.util.Objects;

/**
 * What {@link ReceiptChain#verify(java.util.List, java.security.PublicKey)} found: either the whole
 * list verifies, or the first receipt that breaks the chain and why.
 *
 * <p>A list that verifies proves every receipt in it was issued by the key's owner, in that order,
 * for that attempt. It cannot prove that nothing was cut off the end: compare {@code receiptCount}
 * and {@code headHash} with what the server states for the attempt (e.g. on the submission page).
 *
 * @param problem null when the list verifies; otherwise why the receipt at {@code index} breaks it
 * @param index 0-based position in the list of the first broken receipt; -1 when the list verifies
 * @param detail one sentence for people, naming the receipt's sequence and the field at fault
 * @param receiptCount how many receipts the list holds
 * @param headHash the last receipt's hash ({@link Receipt#GENESIS_HASH} for an empty list) when the
 *     list verifies; null otherwise
 */
public record VerificationResult(
    Problem problem, int index, String detail, int receiptCount, String headHash) {

  /** Why a receipt breaks the chain, in the order the checks run for each receipt. */
  public enum Problem {
    /**
     * A content field (attempt, sequence, item, digest, version, time, previous hash) or the hash
     * itself was changed: the hash no longer matches the content.
     */
    TAMPERED,
    /**
     * The hash matches the content but the signature does not verify under the key, while other
     * receipts of the list do: the content was changed and re-hashed, or the signature replaced.
     */
    BAD_SIGNATURE,
    /** No receipt of the list verifies under the key: it is not the key that signed the chain. */
    WRONG_KEY,
    /** The receipt belongs to another attempt than the list (or than the one expected). */
    ATTEMPT_MISMATCH,
    /** A sequence number is skipped and the skipped receipt is nowhere in the list. */
    MISSING,
    /** The expected receipt is present but later in the list: receipts were reordered. */
    OUT_OF_ORDER,
    /** A sequence number that the list already had appears again. */
    DUPLICATE,
    /**
     * The receipt is intact and in sequence but its {@code previousHash} is not the hash of the
     * receipt before it: it comes from another chain (a fork), or the first receipt does not start
     * at {@link Receipt#GENESIS_HASH}.
     */
    BROKEN_LINK
  }

  /**
   * Checks the shape.
   *
   * @throws IllegalArgumentException when a verified result has a problem index or no head, or a
   *     broken result has no valid index
   */
  public VerificationResult {
    Objects.requireNonNull(detail, "detail");
    if (problem == null) {
      if (index != -1 || headHash == null) {
        throw new IllegalArgumentException("a verified list has index -1 and a head hash");
      }
    } else if (index < 0 || index >= receiptCount || headHash != null) {
      throw new IllegalArgumentException("a broken list names a receipt in 0.." + receiptCount);
    }
  }

  /**
   * A list that verifies.
   *
   * @param receiptCount how many receipts it holds
   * @param headHash the last hash, or {@link Receipt#GENESIS_HASH} when empty
   * @return the result
   */
  public static VerificationResult verified(int receiptCount, String headHash) {
    return new VerificationResult(
        null, -1, receiptCount + " receipt(s) verify", receiptCount, headHash);
  }

  /**
   * A list broken at one receipt.
   *
   * @param problem why
   * @param index 0-based position of the receipt
   * @param detail one sentence for people
   * @param receiptCount how many receipts the list holds
   * @return the result
   */
  public static VerificationResult broken(
      Problem problem, int index, String detail, int receiptCount) {
    return new VerificationResult(
        Objects.requireNonNull(problem), index, detail, receiptCount, null);
  }

  /**
   * Whether the whole list verifies.
   *
   * @return true when there is no problem
   */
  public boolean ok() {
    return problem == null;
  }
}
