package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The exam page (cursist/toets.xhtml?id=...): a shell that the exam client ({@code
 * resources/js/exam.js}) fills through the delivery API (docs/delivery-api.md). The page itself
 * only names the assessment; everything about the attempt comes from the server through the API, so
 * a reload or another device shows the same state.
 */
@Named
@RequestScoped
public class ExamPage {
  @Inject AssessmentService assessments;
  @Inject CurrentUser currentUser;

  private Long id;
  private Assessment assessment;

  /** Finds the assessment; 404 when it is not one of the learner's centre. */
  public void load() throws IOException {
    assessment =
        id == null
            ? null
            : assessments
                .find(id)
                .filter(
                    a -> a.getCentre().getId().equals(currentUser.require().getCentre().getId()))
                .orElse(null);
    if (assessment == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "no such assessment");
      faces.responseComplete();
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Assessment getAssessment() {
    return assessment;
  }

  /** The time limit in whole minutes, or 0 without one. */
  public long getTimeLimitMinutes() {
    return assessment == null || assessment.getTimeLimit() == null
        ? 0
        : assessment.getTimeLimit().toMinutes();
  }
}
