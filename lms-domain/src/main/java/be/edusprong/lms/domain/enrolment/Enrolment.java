package be.edusprong.lms.domain.enrolment;

import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.module.CourseModule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** An enrolment (inschrijving) of one learner in one module; at most one per pair. */
@Entity
@Table(name = "enrolment")
public class Enrolment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "learner_id")
  private UserAccount learner;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "module_id")
  private CourseModule module;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private EnrolmentStatus status;

  @Column(name = "enrolled_at", nullable = false)
  private Instant enrolledAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  protected Enrolment() {}

  Enrolment(UserAccount learner, CourseModule module, Instant at) {
    this.learner = learner;
    this.module = module;
    this.status = EnrolmentStatus.ACTIVE;
    this.enrolledAt = at;
  }

  public Long getId() {
    return id;
  }

  public UserAccount getLearner() {
    return learner;
  }

  public CourseModule getModule() {
    return module;
  }

  public EnrolmentStatus getStatus() {
    return status;
  }

  public Instant getEnrolledAt() {
    return enrolledAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  /** Marks the enrolment completed (all units done); idempotent. */
  public void complete(Instant at) {
    if (status != EnrolmentStatus.COMPLETED) {
      status = EnrolmentStatus.COMPLETED;
      completedAt = at;
    }
  }

  void reactivate() {
    status = EnrolmentStatus.ACTIVE;
    completedAt = null;
  }
}
