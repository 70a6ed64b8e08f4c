/** Enrolments (inschrijvingen) of learners in modules: one per learner and module. */
package be.edusprong.lms.domain.enrolment;
