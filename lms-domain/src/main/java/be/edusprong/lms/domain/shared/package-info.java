/** Building blocks shared by every aggregate: domain exceptions and the clock. */
package be.edusprong.lms.domain.shared;
