/**
 * The pure rules of exam delivery (issue 3, point 4, "Delivery that never loses an answer"): signed
 * receipts in a per-attempt hash chain ({@link be.edusprong.lms.assessment.delivery.Receipt},
 * {@link be.edusprong.lms.assessment.delivery.ReceiptChain}, {@link
 * be.edusprong.lms.assessment.delivery.ReceiptKeys}, {@link
 * be.edusprong.lms.assessment.delivery.ReceiptExport}), versioned saves that a stale tab can never
 * overwrite ({@link be.edusprong.lms.assessment.delivery.ResponseVersions}) and the server's clock
 * for an attempt ({@link be.edusprong.lms.assessment.delivery.AttemptTimer}).
 *
 * <p>Rule: nothing here stores, locks or reads a clock. The delivery services of the web layer own
 * the database rows (chain head, stored versions, deadlines, the signing key) and pass the server's
 * time in; these classes only decide. That is what lets delivery run on several instances: any
 * instance that loads the same rows reaches the same decision.
 *
 * <p>Cryptography is the JDK's own (SHA-256, Ed25519 since Java 15, RFC 8032); no provider is
 * added.
 */
package be.edusprong.lms.assessment.delivery;
