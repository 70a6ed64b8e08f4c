package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.enrolment.Enrolment;
import be.edusprong.lms.domain.enrolment.EnrolmentService;
import be.edusprong.lms.domain.progress.ModuleProgress;
import be.edusprong.lms.domain.progress.ProgressService;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The teacher's page (leraar/inschrijvingen.xhtml): enrolments per module in their centre. */
@Named
@RequestScoped
public class EnrolmentsPage {
  @Inject EnrolmentService enrolments;
  @Inject ProgressService progress;
  @Inject CurrentUser currentUser;

  /** One enrolment with the learner's progress. */
  public record Row(Enrolment enrolment, ModuleProgress progress) {}

  private List<Row> rows;

  /** Every enrolment in the teacher's centre, by module then learner. */
  public List<Row> getRows() {
    if (rows == null) {
      rows =
          enrolments.enrolmentsInCentre(currentUser.require().getCentre().getId()).stream()
              .map(e -> new Row(e, progress.progress(e.getLearner().getId(), e.getModule())))
              .toList();
    }
    return rows;
  }
}
