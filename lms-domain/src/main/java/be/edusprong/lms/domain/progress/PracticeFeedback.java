package be.edusprong.lms.domain.progress;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a learner is told right after answering a practice question.
 *
 * @param correct full marks
 * @param scaled the score in [0,1]
 * @param feedbackHtml feedback for the chosen answers and the general feedback, sanitized HTML
 * @param unitCompleted whether this answer completed the unit (all its questions answered)
 * @param progress the module's progress after this answer
 */
public record PracticeFeedback(
    boolean correct,
    BigDecimal scaled,
    List<String> feedbackHtml,
    boolean unitCompleted,
    ModuleProgress progress) {}
