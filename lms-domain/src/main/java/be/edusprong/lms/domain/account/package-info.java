/**
 * Accounts, roles and login throttling. Passwords exist only as PBKDF2 hashes; the throttle's
 * counters live in the database so that all instances of a cluster agree.
 */
package be.edusprong.lms.domain.account;
