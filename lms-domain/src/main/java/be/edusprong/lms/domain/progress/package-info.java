/**
 * Learning records (xAPI 1.0.3 statements) and progress: what a learner did, and how far they are
 * in each module. Statements are written once and never changed.
 */
package be.edusprong.lms.domain.progress;
