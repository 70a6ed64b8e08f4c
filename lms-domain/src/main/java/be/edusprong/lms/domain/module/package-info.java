/**
 * Modules, their learning units and practice questions, and the public catalogue (the first face of
 * the opleidingskompas). Practice questions are stored as GIFT and interpreted by the assessment
 * engine, never by this package.
 */
package be.edusprong.lms.domain.module;
