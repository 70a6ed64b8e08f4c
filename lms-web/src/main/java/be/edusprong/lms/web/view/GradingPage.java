package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.delivery.Attempt;
import be.edusprong.lms.domain.delivery.GradingService;
import be.edusprong.lms.domain.delivery.GradingService.GradingTask;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The grading queue (leraar/verbeteren.xhtml, issue 3 point 5: "a manual grading queue for essays
 * with a rubric"): every answered essay of the teacher's centre that waits for a score, oldest
 * submission first ({@link GradingService#queue}), each with its own form: a points field per
 * rubric criterion (or one without rubric), a comment and "Bewaren". A saved task leaves the queue;
 * when it was the attempt's last one, the message gives the attempt's total.
 */
@Named
@ViewScoped
public class GradingPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject GradingService grading;
  @Inject CurrentUser currentUser;

  private List<Task> tasks;

  /** One points field: a rubric criterion, or the whole question without rubric. */
  public static class Score implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String label;
    private final BigDecimal max;
    private String value;

    Score(String label, BigDecimal max) {
      this.label = label;
      this.max = max;
    }

    /** The criterion, or null for the question's single score. */
    public String getLabel() {
      return label;
    }

    /** The most it earns, in points. */
    public BigDecimal getMax() {
      return max;
    }

    /** What the teacher typed; a decimal with '.' or ','. */
    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }
  }

  /** One task of the queue with what the teacher fills in. */
  public static class Task implements Serializable {
    private static final long serialVersionUID = 1L;
    private final GradingTask task;
    private final List<Score> scores = new ArrayList<>();
    private String comment;

    Task(GradingTask task) {
      this.task = task;
      if (task.rubric().isEmpty()) {
        scores.add(new Score(null, task.points()));
      } else {
        task.rubric().forEach(c -> scores.add(new Score(c.criterion(), c.points())));
      }
    }

    /** The task as the queue gives it. */
    public GradingTask getTask() {
      return task;
    }

    /** An id for the page: attempt and question. */
    public String getKey() {
      return task.attemptId() + "/" + task.itemIdentifier();
    }

    public List<Score> getScores() {
      return scores;
    }

    public boolean isRubric() {
      return !task.rubric().isEmpty();
    }

    public String getComment() {
      return comment;
    }

    public void setComment(String comment) {
      this.comment = comment;
    }
  }

  /** The queue, loaded once per view. */
  public List<Task> getTasks() {
    if (tasks == null) {
      tasks =
          grading.queue(currentUser.require().getId()).stream()
              .map(Task::new)
              .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }
    return tasks;
  }

  /**
   * Saves the score of one task ({@link GradingService#grade}).
   *
   * @param task the task whose form was sent
   * @return to a fresh queue on success; null (stay, with the error) otherwise
   */
  public String save(Task task) {
    List<BigDecimal> points = new ArrayList<>();
    for (Score s : task.getScores()) {
      String raw = s.getValue() == null ? "" : s.getValue().strip().replace(',', '.');
      try {
        points.add(new BigDecimal(raw));
      } catch (NumberFormatException e) {
        Messages.error(
            null,
            "grading.notANumber",
            s.getLabel() == null ? task.getTask().itemIdentifier() : s.getLabel());
        return null;
      }
    }
    try {
      Attempt attempt =
          grading.grade(
              task.getTask().attemptId(),
              task.getTask().itemIdentifier(),
              currentUser.require().getId(),
              points,
              task.getComment());
      if (attempt.isGraded()) {
        TeacherTimes f = new TeacherTimes();
        Messages.info(
            "grading.savedTotal",
            task.getTask().learnerName(),
            f.points(attempt.getScoreRaw()),
            f.points(attempt.getScoreMax()));
      } else {
        Messages.info("grading.saved", task.getTask().learnerName());
      }
      return "/leraar/verbeteren?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    }
  }
}
