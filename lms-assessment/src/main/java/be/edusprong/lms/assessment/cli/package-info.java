/** The {@code lms-items} command line: batch checks of item-bank files, JSON on standard output. */
package be.edusprong.lms.assessment.cli;
