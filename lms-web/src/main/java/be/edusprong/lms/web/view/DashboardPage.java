package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.enrolment.Enrolment;
import be.edusprong.lms.domain.enrolment.EnrolmentService;
import be.edusprong.lms.domain.exemption.ExemptionService;
import be.edusprong.lms.domain.progress.ModuleProgress;
import be.edusprong.lms.domain.progress.ProgressService;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The cursist's dashboard (cursist/dashboard.xhtml): my modules with a progress bar each. */
@Named
@RequestScoped
public class DashboardPage {
  @Inject EnrolmentService enrolments;
  @Inject ProgressService progress;
  @Inject CurrentUser currentUser;
  @Inject ExemptionService exemptions;

  /** One enrolled module and its progress. */
  public record Row(Enrolment enrolment, ModuleProgress progress, String nextUnit) {}

  private List<Row> rows;

  private List<ExemptionService.ExemptionView> exemptionViews;

  /** The learner's exemptions, proposed and confirmed ones and their history (issue 3, point 7). */
  public List<ExemptionService.ExemptionView> getExemptions() {
    if (exemptionViews == null) {
      exemptionViews = exemptions.forLearner(currentUser.require().getId());
    }
    return exemptionViews;
  }

  /** The learner's modules, newest enrolment first. */
  public List<Row> getRows() {
    if (rows == null) {
      long learner = currentUser.require().getId();
      rows =
          enrolments.enrolmentsOf(learner).stream()
              .map(
                  e -> {
                    var done = progress.completedUnits(learner, e.getModule().getId());
                    String next =
                        e.getModule().getUnits().stream()
                            .filter(u -> !done.contains(u.getId()))
                            .findFirst()
                            .orElse(e.getModule().getUnits().get(0))
                            .getCode();
                    return new Row(e, ProgressService.progress(e.getModule(), done), next);
                  })
              .toList();
    }
    return rows;
  }
}
