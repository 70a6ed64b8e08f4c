/**
 * Adaptive open modules (issue 4, point 3): mastery per DigComp 2.2 competence by Bayesian
 * Knowledge Tracing, a short placement test drawn from a module's practice questions, and the
 * learner's path through the module ("jouw traject"). Everything here is pure and immutable: no
 * persistence, no CDI, no clock; the same inputs give the same outputs (a placement test is drawn
 * from an explicit seed). The model, its parameters and a worked example are in {@code
 * docs/adaptive.md}.
 */
package be.edusprong.lms.domain.adaptive;
