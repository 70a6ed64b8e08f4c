/**
 * Running the platform: an embedded MariaDB when no database is given, Payara Server 6 with the EAR
 * deployed, readiness, and a clean stop. Used by the README's Run command and by the system tests,
 * so both start the platform the same way.
 */
package be.edusprong.lms.run;
