package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.delivery.SittingMonitor;
import be.edusprong.lms.domain.delivery.SittingMonitor.AssessmentSummary;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The teacher's exams (leraar/toetsen.xhtml, issue 3 points 4 to 6): the assessments of their
 * centre, each with its attempts running, handed in and waiting for grading, and links to the
 * monitor, the grading queue and the item analysis.
 */
@Named
@RequestScoped
public class TeacherExamsPage {
  @Inject SittingMonitor monitor;
  @Inject CurrentUser currentUser;

  private List<AssessmentSummary> rows;

  /** The centre's assessments, newest first (one query, see {@link SittingMonitor#overview}). */
  public List<AssessmentSummary> getRows() {
    if (rows == null) {
      rows = monitor.overview(currentUser.require().getId());
    }
    return rows;
  }
}
