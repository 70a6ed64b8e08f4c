/** Start-up (migrations, content, accounts), resource producers, error ids and media serving. */
package be.edusprong.lms.web.infrastructure;
