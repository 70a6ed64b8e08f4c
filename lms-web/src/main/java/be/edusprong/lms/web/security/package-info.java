/**
 * Authentication: one mechanism that dispatches by path and credential, an identity store over our
 * users table, and the login throttle. Passwords never reach a log.
 */
package be.edusprong.lms.web.security;
