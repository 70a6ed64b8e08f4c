/** Coaching: a trajectbegeleider's caseload with each cursist's activity and progress. */
package be.edusprong.lms.domain.coaching;
