/**
 * Content packages: reading and validating {@code content/} (docs/content-format.md) and loading it
 * into the database idempotently. All or nothing: a malformed package loads nothing.
 */
package be.edusprong.lms.domain.content;
