/**
 * The platform's HTTP API under {@code /api/v1} (Jakarta REST), JSON in and out: the exam delivery
 * API that the exam page, the tests and the benchmark all use (issue 3, point 4), the session login
 * for scripted clients, and the public receipt verification. The contract is documented in {@code
 * docs/delivery-api.md}; the resources here follow it.
 */
package be.edusprong.lms.web.api;
