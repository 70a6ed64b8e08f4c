package be.edusprong.lms.domain.coaching;

import be.edusprong.lms.domain.progress.ModuleProgress;
import java.time.Instant;
import java.util.List;

/**
 * One cursist in a coach's caseload.
 *
 * @param learnerId account id
 * @param displayName the learner's name
 * @param username login name
 * @param lastActivity when the learner last did something recorded, or null if never
 * @param modules progress per enrolled module
 */
public record LearnerOverview(
    long learnerId,
    String displayName,
    String username,
    Instant lastActivity,
    List<ModuleProgress> modules) {}
