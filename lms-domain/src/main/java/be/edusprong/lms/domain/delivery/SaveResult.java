package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.Receipt;
import java.util.Optional;

/**
 * What became of one save ({@link DeliveryService#save}).
 *
 * @param outcome the decision
 * @param receipt the new receipt ({@link Outcome#ACCEPTED}) or the original one ({@link
 *     Outcome#DUPLICATE}); null otherwise
 * @param storedVersion the version stored for the item after the save; 0 when none
 */
public record SaveResult(Outcome outcome, Receipt receipt, long storedVersion) {

  /** The decision on a save. */
  public enum Outcome {
    /** Stored, with a new receipt. */
    ACCEPTED,
    /** The same save again (a retry): nothing written, the original receipt returned. */
    DUPLICATE,
    /** The stored response has this version with another answer: refused, reload first. */
    CONFLICT,
    /** Older than the stored version (a stale tab): refused, never written. */
    STALE,
    /** The attempt's deadline has passed: refused; the server submits the attempt. */
    EXPIRED,
    /** The attempt was submitted: refused. */
    SUBMITTED,
    /**
     * The save came from a delivery (tab, device) that was taken over by another one, or carried no
     * valid delivery token: refused, never written.
     */
    LOCKED;

    /**
     * Whether the response the save carried is the one stored.
     *
     * @return true for {@link #ACCEPTED} and {@link #DUPLICATE}
     */
    public boolean acknowledged() {
      return this == ACCEPTED || this == DUPLICATE;
    }
  }

  /** The receipt, if the save was acknowledged. */
  public Optional<Receipt> receiptIfAny() {
    return Optional.ofNullable(receipt);
  }
}
