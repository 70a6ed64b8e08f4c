package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AttemptEvent;
import be.edusprong.lms.domain.delivery.AttemptPlans;
import be.edusprong.lms.domain.delivery.DeliveryService;
import be.edusprong.lms.domain.delivery.SittingMonitor;
import be.edusprong.lms.domain.delivery.SittingMonitor.AttemptRow;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * The live monitor of a sitting (leraar/toets-monitor.xhtml?id=..., issue 3 point 4): per attempt
 * the learner, status, questions answered, time left by the server's clock, last save and the
 * number of integrity log entries, refreshed every 10 s by a {@code p:poll} that re-renders the
 * table only (the open log, the scroll position and the page stay; the teacher can pause it). A log
 * opens below the table; a button prepares attempts for every learner of the centre without one
 * (synchronized start, {@link AttemptPlans#prepare}).
 */
@Named
@ViewScoped
public class SittingMonitorPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject SittingMonitor monitor;
  @Inject DeliveryService delivery;
  @Inject AttemptPlans plans;
  @Inject CurrentUser currentUser;
  @Inject java.time.Clock clock;

  private Long id;
  private String title;
  private transient List<AttemptRow> rows;
  private String logAttemptId;
  private String logLearner;
  private transient List<AttemptEvent> log;

  /** Checks the assessment is of the teacher's centre; 404 otherwise. */
  public void load() throws IOException {
    try {
      if (id == null) {
        throw new DomainException("error.assessment.unknown", "no id");
      }
      Assessment a = monitor.teachersAssessment(id, currentUser.require().getId());
      title = a.getTitle();
    } catch (DomainException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "no such assessment");
      faces.responseComplete();
    }
  }

  /** The attempts as they stand now; loaded once per render or refresh. */
  public List<AttemptRow> getRows() {
    if (rows == null) {
      rows = monitor.attempts(id, currentUser.require().getId());
    }
    return rows;
  }

  /** The poll's listener: the next render reads the attempts again. */
  public void refresh() {
    rows = null;
  }

  /**
   * Prepares an attempt for every active learner of the centre without one, and says how many.
   *
   * @return null: stay on the page
   */
  public String prepareAll() {
    long teacher = currentUser.require().getId();
    try {
      List<Long> learners = monitor.learnersWithoutAttempt(id, teacher);
      int prepared = plans.prepare(id, teacher, learners);
      Messages.info("monitor.prepared", prepared);
    } catch (DomainException e) {
      Messages.error(e);
    }
    rows = null;
    return null;
  }

  /**
   * Opens the integrity log of an attempt below the table.
   *
   * @param attemptId an attempt of this assessment
   * @param learnerName its learner, for the heading
   */
  public void showLog(String attemptId, String learnerName) {
    try {
      log = delivery.integrityLog(attemptId, currentUser.require().getId());
      logAttemptId = attemptId;
      logLearner = learnerName;
    } catch (DomainException e) {
      Messages.error(e);
      log = null;
      logAttemptId = null;
    }
  }

  /** The open log, oldest first; empty when none is open. */
  public List<AttemptEvent> getLog() {
    if (log == null && logAttemptId != null) {
      log = delivery.integrityLog(logAttemptId, currentUser.require().getId());
    }
    return log == null ? List.of() : log;
  }

  public String getLogAttemptId() {
    return logAttemptId;
  }

  public String getLogLearner() {
    return logLearner;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The server's time of this render, for "bijgewerkt om". */
  public java.time.Instant getNow() {
    return clock.instant();
  }

  /** The assessment's title. */
  public String getTitle() {
    return title;
  }
}
