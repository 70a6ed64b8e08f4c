package be.edusprong.lms.domain.delivery;

import java.time.Instant;

/**
 * What became of opening a delivery ({@link DeliveryService#open}): the one browser tab on one
 * device that may save responses for an attempt (issue 3, point 4: "One active delivery per
 * attempt: opening it in a second tab or device takes over only when the learner confirms; the
 * first is locked; both events are logged").
 *
 * @param status the decision
 * @param token the delivery token every save and the submit must carry; null for {@link
 *     Status#IN_USE} and {@link Status#SUBMITTED}
 * @param openedAt when the delivery that now holds the attempt was opened (for {@link
 *     Status#IN_USE}: the other one's time, to show the learner)
 */
public record DeliveryOpening(Status status, String token, Instant openedAt) {

  /** The decision on opening a delivery. */
  public enum Status {
    /** The attempt had no delivery yet; this one holds it now. */
    OPENED,
    /** The caller's token is the current one (a reload of the same tab): it keeps holding it. */
    RESUMED,
    /** Another delivery held the attempt; the learner confirmed and this one holds it now. */
    TAKEN_OVER,
    /** Another delivery holds the attempt: nothing changed; ask the learner to confirm takeover. */
    IN_USE,
    /** The attempt was submitted: nothing to deliver. */
    SUBMITTED
  }
}
