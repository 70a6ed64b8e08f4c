package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a teacher sees of the sittings of their centre (issue 3, point 4: "a live monitor of a
 * sitting ... An integrity log per attempt ... that the teacher sees"): per assessment how many
 * attempts run, were handed in or wait for grading, and per attempt of one assessment where it
 * stands.
 *
 * <p>Both lists come from <em>one</em> query each, whatever the number of learners: the counts per
 * attempt (questions in its plan, saved responses, last save, log entries) are correlated
 * sub-queries of that query, so a monitor that refreshes every 10 s for a sitting of hundreds costs
 * one round trip, not one per learner. Only a teacher of the assessment's centre sees anything.
 */
@ApplicationScoped
@Transactional
public class SittingMonitor {
  /**
   * The kinds of log entry that ask for the teacher's attention: the page lost the focus, another
   * delivery took over or was locked out, the address changed, a stale save was refused. Start,
   * resume, regained focus and submissions are routine.
   */
  public static final Set<IntegrityEventKind> NOTABLE =
      EnumSet.of(
          IntegrityEventKind.FOCUS_LOST,
          IntegrityEventKind.TAKEOVER,
          IntegrityEventKind.LOCKED_OUT,
          IntegrityEventKind.IP_CHANGE,
          IntegrityEventKind.STALE_SAVE);

  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * One assessment of the centre with its attempts counted by status.
   *
   * @param assessmentId the assessment
   * @param title its title
   * @param createdAt when it was created
   * @param prepared attempts prepared and not started ({@link AttemptStatus#PREPARED})
   * @param running attempts running ({@link AttemptStatus#ACTIVE})
   * @param submitted attempts handed in ({@link AttemptStatus#SUBMITTED})
   * @param toGrade submitted attempts with at least one essay waiting for a teacher
   */
  public record AssessmentSummary(
      long assessmentId,
      String title,
      Instant createdAt,
      long prepared,
      long running,
      long submitted,
      long toGrade) {}

  /**
   * One attempt as the monitor shows it.
   *
   * @param attemptId the attempt
   * @param learnerId its learner
   * @param learnerName the learner's display name
   * @param status where it stands
   * @param answered questions of its plan with a saved response (a response that was cleared again
   *     still counts: the learner did work on it)
   * @param questions questions in its plan
   * @param startedAt when it started; null while prepared
   * @param deadline when the server submits it; null without a deadline or while prepared
   * @param timeLeft for a running attempt with a deadline, the time to it by the server's clock,
   *     never negative; null otherwise
   * @param lastSavedAt when its last response was saved; null before the first save
   * @param submittedAt when it was handed in; null before
   * @param events entries in its integrity log
   * @param notableEvents of those, the {@link #NOTABLE} ones
   * @param toGrade its essays waiting for a teacher
   * @param scoreRaw points earned once fully graded, else null
   * @param scoreMax points possible once fully graded, else null
   * @param passed the pass decision; null without pass mark or before fully graded
   */
  public record AttemptRow(
      String attemptId,
      long learnerId,
      String learnerName,
      AttemptStatus status,
      long answered,
      long questions,
      Instant startedAt,
      Instant deadline,
      Duration timeLeft,
      Instant lastSavedAt,
      Instant submittedAt,
      long events,
      long notableEvents,
      long toGrade,
      BigDecimal scoreRaw,
      BigDecimal scoreMax,
      Boolean passed) {}

  /**
   * The assessments of the teacher's centre, newest first, with their attempts counted (one query).
   *
   * @param teacherId a teacher
   * @return one row per assessment; empty for an account that is no teacher
   */
  public List<AssessmentSummary> overview(long teacherId) {
    UserAccount teacher = em.find(UserAccount.class, teacherId);
    if (teacher == null || !teacher.hasRole(Role.TEACHER)) {
      return List.of();
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT a.id, a.title, a.createdAt,"
                    + " (SELECT COUNT(t) FROM Attempt t WHERE t.assessmentId = a.id"
                    + "   AND t.status = :prepared),"
                    + " (SELECT COUNT(t) FROM Attempt t WHERE t.assessmentId = a.id"
                    + "   AND t.status = :active),"
                    + " (SELECT COUNT(t) FROM Attempt t WHERE t.assessmentId = a.id"
                    + "   AND t.status = :submitted),"
                    + " (SELECT COUNT(DISTINCT i.attemptId) FROM AttemptItem i, Attempt t"
                    + "   WHERE t.assessmentId = a.id AND i.attemptId = t.id"
                    + "   AND i.needsGrading = TRUE)"
                    + " FROM Assessment a WHERE a.centre.id = :c"
                    + " ORDER BY a.createdAt DESC, a.id DESC",
                Object[].class)
            .setParameter("prepared", AttemptStatus.PREPARED)
            .setParameter("active", AttemptStatus.ACTIVE)
            .setParameter("submitted", AttemptStatus.SUBMITTED)
            .setParameter("c", teacher.getCentre().getId())
            .getResultList();
    List<AssessmentSummary> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(
          new AssessmentSummary(
              ((Number) r[0]).longValue(),
              (String) r[1],
              instant(r[2]),
              count(r[3]),
              count(r[4]),
              count(r[5]),
              count(r[6])));
    }
    return out;
  }

  /**
   * The attempts of one assessment, by learner name then start, as they stand now (one query).
   *
   * @param assessmentId the assessment
   * @param teacherId a teacher of the assessment's centre
   * @return one row per attempt (a learner with several attempts has several rows)
   * @throws DomainException {@code error.assessment.unknown} when the assessment does not exist or
   *     is not of the teacher's centre
   */
  public List<AttemptRow> attempts(long assessmentId, long teacherId) {
    teachersAssessment(assessmentId, teacherId);
    List<Object[]> rows =
        em.createQuery(
                "SELECT t, u.displayName,"
                    + " (SELECT COUNT(r) FROM AttemptResponse r WHERE r.attemptId = t.id),"
                    + " (SELECT COUNT(i) FROM AttemptItem i WHERE i.attemptId = t.id),"
                    + " (SELECT MAX(r2.savedAt) FROM AttemptResponse r2 WHERE r2.attemptId = t.id),"
                    + " (SELECT COUNT(e) FROM AttemptEvent e WHERE e.attemptId = t.id),"
                    + " (SELECT COUNT(e2) FROM AttemptEvent e2 WHERE e2.attemptId = t.id"
                    + "   AND e2.kind IN :notable),"
                    + " (SELECT COUNT(g) FROM AttemptItem g WHERE g.attemptId = t.id"
                    + "   AND g.needsGrading = TRUE)"
                    + " FROM Attempt t, UserAccount u WHERE u.id = t.learnerId"
                    + " AND t.assessmentId = :a ORDER BY u.displayName, u.id, t.startedAt",
                Object[].class)
            .setParameter("a", assessmentId)
            .setParameter("notable", NOTABLE)
            .getResultList();
    Instant now = clock.instant();
    List<AttemptRow> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Attempt t = (Attempt) r[0];
      Duration left = null;
      if (t.getStatus() == AttemptStatus.ACTIVE && t.getDeadlineAt() != null) {
        left = Duration.between(now, t.getDeadlineAt());
        left = left.isNegative() ? Duration.ZERO : left;
      }
      out.add(
          new AttemptRow(
              t.getId(),
              t.getLearnerId(),
              (String) r[1],
              t.getStatus(),
              count(r[2]),
              count(r[3]),
              t.getStartedAt(),
              t.getDeadlineAt(),
              left,
              instant(r[4]),
              t.getSubmittedAt(),
              count(r[5]),
              count(r[6]),
              count(r[7]),
              t.getScoreRaw(),
              t.getScoreMax(),
              t.getPassed()));
    }
    return out;
  }

  /**
   * The active learners of the assessment's centre who have no attempt at it at all, by name: the
   * ones to prepare an attempt for before a synchronized start ({@link AttemptPlans#prepare}).
   * Learners who already sat it are left out, even with attempts left: a retake is the teacher's
   * decision per learner, not a side effect of preparing a sitting.
   *
   * @param assessmentId the assessment
   * @param teacherId a teacher of the assessment's centre
   * @return their account ids
   * @throws DomainException {@code error.assessment.unknown} as for {@link #attempts}
   */
  public List<Long> learnersWithoutAttempt(long assessmentId, long teacherId) {
    Assessment assessment = teachersAssessment(assessmentId, teacherId);
    return em.createQuery(
            "SELECT u.id FROM UserAccount u WHERE u.centre.id = :c AND u.active = TRUE"
                + " AND :learner MEMBER OF u.roles"
                + " AND NOT EXISTS (SELECT t FROM Attempt t WHERE t.assessmentId = :a"
                + "   AND t.learnerId = u.id)"
                + " ORDER BY u.displayName, u.id",
            Long.class)
        .setParameter("c", assessment.getCentre().getId())
        .setParameter("learner", Role.LEARNER)
        .setParameter("a", assessmentId)
        .getResultList();
  }

  /**
   * The assessment, when the account is a teacher of its centre.
   *
   * @param assessmentId the assessment
   * @param teacherId the account
   * @return the assessment
   * @throws DomainException {@code error.assessment.unknown} (the id) when it does not exist, the
   *     account is no teacher, or they are of different centres
   */
  public Assessment teachersAssessment(long assessmentId, long teacherId) {
    Assessment assessment = em.find(Assessment.class, assessmentId);
    UserAccount teacher = em.find(UserAccount.class, teacherId);
    if (assessment == null
        || teacher == null
        || !teacher.hasRole(Role.TEACHER)
        || !teacher.getCentre().getId().equals(assessment.getCentre().getId())) {
      throw new DomainException(
          "error.assessment.unknown",
          "no assessment " + assessmentId + " for teacher " + teacherId,
          assessmentId);
    }
    return assessment;
  }

  // A sub-query's MAX of a DATETIME comes back as the driver's type, not through the converter.
  private static Instant instant(Object value) {
    if (value == null || value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof java.time.LocalDateTime l) {
      return l.toInstant(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    throw new IllegalStateException("not a time: " + value.getClass());
  }

  private static long count(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }
}
