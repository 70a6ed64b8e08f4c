package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.LearnerAssessment;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The cursist's exams (cursist/toetsen.xhtml): the assessments of their centre and their tries. */
@Named
@RequestScoped
public class ExamsPage {
  @Inject AssessmentService assessments;
  @Inject CurrentUser currentUser;

  private List<LearnerAssessment> rows;

  /** The learner's assessments, newest first. */
  public List<LearnerAssessment> getRows() {
    if (rows == null) {
      rows = assessments.forLearner(currentUser.require().getId());
    }
    return rows;
  }
}
