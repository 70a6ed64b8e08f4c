package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.scoring.Score;

/**
 * Fired (synchronously, in the grading transaction) when an attempt gets its final score, or a
 * regrade or a later manual grade changes it. Observers decide what follows from a score, e.g. the
 * exemption an exemption test proposes (issue 3, point 7), on the same data.
 *
 * @param attemptId the attempt
 * @param assessmentId its assessment
 * @param learnerId its learner
 * @param score points earned out of points possible
 * @param passed against the pass mark; null when the assessment has none
 * @param previousPassed the decision before this change; null when there was none (first grading,
 *     or no pass mark)
 * @param regrade true when an earlier final score was changed
 */
public record AttemptGraded(
    String attemptId,
    long assessmentId,
    long learnerId,
    Score score,
    Boolean passed,
    Boolean previousPassed,
    boolean regrade) {}
