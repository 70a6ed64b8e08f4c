package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.enrolment.EnrolmentService;
import be.edusprong.lms.domain.exemption.ExemptionService;
import be.edusprong.lms.domain.exemption.ModuleExemptionTest;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.progress.ModuleProgress;
import be.edusprong.lms.domain.progress.ProgressService;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;

/** A module's page (module.xhtml?code=...): description, units, enrolment. */
@Named
@ViewScoped
public class ModulePage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CatalogueService catalogue;
  @Inject transient EnrolmentService enrolments;
  @Inject transient ProgressService progress;
  @Inject transient CurrentUser currentUser;
  @Inject transient ExemptionService exemptions;

  private String code;
  private transient CourseModule module;

  /** Loads the module; an unknown code gives the 404 page. */
  public void load() throws IOException {
    module = code == null ? null : catalogue.byCode(code).orElse(null);
    if (module == null) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no module");
      FacesContext.getCurrentInstance().responseComplete();
    }
  }

  public CourseModule getModule() {
    if (module == null && code != null) {
      module = catalogue.byCode(code).orElse(null);
    }
    return module;
  }

  /** Whether the logged-in learner is enrolled. */
  public boolean isEnrolled() {
    return currentUser.isLearner()
        && enrolments.find(currentUser.require().getId(), getModule().getId()).isPresent();
  }

  /** The learner's progress, or null when not enrolled. */
  public ModuleProgress getProgress() {
    return isEnrolled() ? progress.progress(currentUser.require().getId(), getModule()) : null;
  }

  /** Ids of the units the learner completed. */
  public Set<Long> getCompletedUnits() {
    return isEnrolled()
        ? progress.completedUnits(currentUser.require().getId(), getModule().getId())
        : Set.of();
  }

  /** Whether the logged-in learner is exempted from the module (issue 3, point 7). */
  public boolean isExempted() {
    return currentUser.isLearner()
        && exemptions.isExempted(getModule().getId(), currentUser.require().getId());
  }

  /** The id of the module's exemption test, or null when it has none. */
  public Long getExemptionTest() {
    return exemptions
        .exemptionTest(getModule().getId())
        .map(ModuleExemptionTest::getAssessmentId)
        .orElse(null);
  }

  /** Enrols the logged-in learner and opens the first unit. */
  public String enrol() {
    try {
      enrolments.enrol(currentUser.require().getId(), code);
      Messages.info("module.enrolled");
      return "/cursist/unit.xhtml?faces-redirect=true&module="
          + code
          + "&unit="
          + getModule().getUnits().get(0).getCode();
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    }
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
