package be.edusprong.lms.domain.exemption;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The exemption test of a module, and whether passing it confirms the exemption at once. */
@Entity
@Table(name = "module_exemption_test")
public class ModuleExemptionTest {
  @Id
  @Column(name = "module_id")
  private Long moduleId;

  @Column(name = "assessment_id", nullable = false)
  private Long assessmentId;

  @Column(name = "auto_confirm", nullable = false)
  private boolean autoConfirm;

  protected ModuleExemptionTest() {}

  ModuleExemptionTest(long moduleId, long assessmentId, boolean autoConfirm) {
    this.moduleId = moduleId;
    set(assessmentId, autoConfirm);
  }

  public Long getModuleId() {
    return moduleId;
  }

  public Long getAssessmentId() {
    return assessmentId;
  }

  /** Whether a passed test confirms the exemption without a teacher or coach. */
  public boolean isAutoConfirm() {
    return autoConfirm;
  }

  void set(long assessmentId, boolean autoConfirm) {
    this.assessmentId = assessmentId;
    this.autoConfirm = autoConfirm;
  }
}
