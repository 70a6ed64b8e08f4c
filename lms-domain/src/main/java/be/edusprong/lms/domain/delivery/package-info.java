/**
 * Exam delivery's persistence and services (issue 3, point 4, "Delivery that never loses an
 * answer"): assessments whose questions are kept as GIFT source, attempts, versioned responses, the
 * signed receipt chain and the platform's signing key.
 *
 * <p>Rule: every decision comes from the pure rules of {@code be.edusprong.lms.assessment.delivery}
 * ({@code ResponseVersions}, {@code ReceiptChain}, {@code AttemptTimer}); this package only loads
 * rows, locks them and stores what was decided. All state is in the database (a save locks its
 * attempt row with {@code SELECT ... FOR UPDATE} and writes the response and its receipt in one
 * transaction), so any number of instances can serve one sitting. Correct answers, weights and
 * feedback never leave this package before review: {@link
 * be.edusprong.lms.domain.delivery.DeliveryService#items} returns {@link
 * be.edusprong.lms.domain.delivery.ItemView}s, which have no field for them.
 *
 * <p>What teachers see of a sitting is read by {@link
 * be.edusprong.lms.domain.delivery.SittingMonitor} (one query per list, whatever the number of
 * learners) and {@link be.edusprong.lms.domain.delivery.SittingAnalysis} (the input of the item
 * analysis, from stored scores and choice responses); both only for a teacher of the assessment's
 * centre.
 */
package be.edusprong.lms.domain.delivery;
