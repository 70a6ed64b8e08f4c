package be.edusprong.lms.domain.exemption;

import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AttemptGraded;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Exemptions (vrijstellingen) for modules (issue 3, point 7): "a module can have an exemption test.
 * Passing it proposes an Exemption (module, learner, attempt, score, date); a teacher or coach
 * confirms it (or the module is set to confirm automatically), and the module then shows as
 * exempted for that learner; a teacher or coach can also grant or revoke one with a reason;
 * exemptions appear in the learner's record and export."
 *
 * <p>Staff here means a teacher or coach of the learner's centre. At most one exemption per learner
 * and module is live (PROPOSED or CONFIRMED), which the database enforces too.
 *
 * <p>The test's result arrives as {@link AttemptGraded}, observed in the grading transaction: a
 * pass proposes (or confirms) an exemption; a regrade that turns the pass into a fail revokes the
 * exemption that attempt gave, and a regrade that turns a fail into a pass proposes one ("whatever
 * followed from the old score, such as an exemption, follows the new one").
 */
@ApplicationScoped
@Transactional
public class ExemptionService {
  private static final Logger LOG = Logger.getLogger(ExemptionService.class.getName());

  /** The decision reason written when a regrade takes a passed test away. */
  public static final String REGRADE_REASON =
      "herverbeterd: de vrijstellingsproef is niet meer geslaagd";

  /** The decision reason written when a module confirms automatically. */
  public static final String AUTO_REASON =
      "automatisch bevestigd na een geslaagde vrijstellingsproef";

  @Inject EntityManager em;
  @Inject Clock clock;

  /**
   * An exemption with the names a page or an export shows.
   *
   * @param exemption the exemption
   * @param moduleCode its module's code
   * @param moduleTitle its module's title
   * @param learnerUsername the learner's login name
   * @param learnerName the learner's display name
   * @param decidedByName who decided last, or null
   */
  public record ExemptionView(
      Exemption exemption,
      String moduleCode,
      LocalizedText moduleTitle,
      String learnerUsername,
      String learnerName,
      String decidedByName) {}

  /**
   * Makes an assessment the exemption test of a module (or changes it).
   *
   * @param moduleCode the module, in the staff member's centre
   * @param assessmentId an assessment of the same centre with a pass mark
   * @param autoConfirm whether a pass confirms the exemption without staff
   * @param staffId a teacher of the centre
   * @return the setting
   * @throws DomainException {@code error.module.unknown}; {@code error.assessment.unknown}; {@code
   *     error.exemption.notStaff} for an account that is no teacher of the centre; {@code
   *     error.exemption.noPassMark} for an assessment without a pass mark
   */
  public ModuleExemptionTest setExemptionTest(
      String moduleCode, long assessmentId, boolean autoConfirm, long staffId) {
    UserAccount staff = em.find(UserAccount.class, staffId);
    if (staff == null || !staff.hasRole(Role.TEACHER)) {
      throw new DomainException(
          "error.exemption.notStaff", "account " + staffId + " is no teacher");
    }
    CourseModule module = module(moduleCode, staff);
    Assessment assessment = em.find(Assessment.class, assessmentId);
    if (assessment == null || !assessment.getCentre().getId().equals(staff.getCentre().getId())) {
      throw new DomainException(
          "error.assessment.unknown", "no assessment " + assessmentId, assessmentId);
    }
    if (assessment.getPassMarkPercent() == null) {
      throw new DomainException(
          "error.exemption.noPassMark",
          "assessment " + assessmentId + " has no pass mark",
          assessment.getTitle());
    }
    ModuleExemptionTest test = em.find(ModuleExemptionTest.class, module.getId());
    if (test == null) {
      test = new ModuleExemptionTest(module.getId(), assessmentId, autoConfirm);
      em.persist(test);
    } else {
      test.set(assessmentId, autoConfirm);
    }
    return test;
  }

  /** The module's exemption test, if it has one. */
  public Optional<ModuleExemptionTest> exemptionTest(long moduleId) {
    return Optional.ofNullable(em.find(ModuleExemptionTest.class, moduleId));
  }

  /**
   * Follows an exemption test's result (see the class documentation). Runs in the grading
   * transaction, so a failure here rolls the grading back too.
   *
   * @param graded the attempt's final score or its change
   */
  void onGraded(@Observes AttemptGraded graded) {
    List<ModuleExemptionTest> tests =
        em.createQuery(
                "SELECT t FROM ModuleExemptionTest t WHERE t.assessmentId = :a",
                ModuleExemptionTest.class)
            .setParameter("a", graded.assessmentId())
            .getResultList();
    for (ModuleExemptionTest test : tests) {
      // Serialize decisions for this learner: the learner's row is the lock, as for starts.
      em.find(UserAccount.class, graded.learnerId(), LockModeType.PESSIMISTIC_WRITE);
      Exemption live = live(test.getModuleId(), graded.learnerId()).orElse(null);
      boolean fromThisAttempt =
          live != null
              && live.getSource() == ExemptionSource.TEST
              && graded.attemptId().equals(live.getAttemptId());
      if (Boolean.TRUE.equals(graded.passed())) {
        if (live == null) {
          Exemption proposed =
              new Exemption(
                  test.getModuleId(),
                  graded.learnerId(),
                  ExemptionSource.TEST,
                  graded.attemptId(),
                  graded.score().raw(),
                  graded.score().max(),
                  now(),
                  null);
          if (test.isAutoConfirm()) {
            proposed.decide(ExemptionStatus.CONFIRMED, null, now(), AUTO_REASON);
          }
          em.persist(proposed);
          LOG.info(
              "exemption "
                  + proposed.getStatus()
                  + " for learner "
                  + graded.learnerId()
                  + ", module "
                  + test.getModuleId()
                  + " after attempt "
                  + graded.attemptId());
        } else if (fromThisAttempt) {
          live.rescore(graded.score().raw(), graded.score().max());
        }
      } else if (fromThisAttempt) {
        live.rescore(graded.score().raw(), graded.score().max());
        live.decide(ExemptionStatus.REVOKED, null, now(), REGRADE_REASON);
        LOG.info(
            "exemption "
                + live.getId()
                + " revoked: attempt "
                + graded.attemptId()
                + " no longer passes after a regrade");
      }
    }
  }

  /**
   * Confirms a proposed exemption.
   *
   * @param exemptionId a PROPOSED exemption of the staff member's centre
   * @param staffId a teacher or coach
   * @return the exemption, CONFIRMED
   * @throws DomainException {@code error.exemption.unknown}; {@code error.exemption.notStaff};
   *     {@code error.exemption.notProposed} when it is not PROPOSED
   */
  public Exemption confirm(long exemptionId, long staffId) {
    Exemption e = staffs(exemptionId, staffId);
    if (e.getStatus() != ExemptionStatus.PROPOSED) {
      throw new DomainException(
          "error.exemption.notProposed", "exemption " + exemptionId + " is " + e.getStatus());
    }
    e.decide(ExemptionStatus.CONFIRMED, staffId, now(), null);
    return e;
  }

  /**
   * Turns a proposed exemption down.
   *
   * @param reason why, 1..{@value Exemption#MAX_REASON} characters
   * @return the exemption, REJECTED
   * @throws DomainException as {@link #confirm}; {@code error.exemption.reason} without a reason
   */
  public Exemption reject(long exemptionId, long staffId, String reason) {
    String why = reason(reason);
    Exemption e = staffs(exemptionId, staffId);
    if (e.getStatus() != ExemptionStatus.PROPOSED) {
      throw new DomainException(
          "error.exemption.notProposed", "exemption " + exemptionId + " is " + e.getStatus());
    }
    e.decide(ExemptionStatus.REJECTED, staffId, now(), why);
    return e;
  }

  /**
   * Grants an exemption outright, e.g. on a certificate or a portfolio (EVC).
   *
   * @param moduleCode the module
   * @param learnerId a learner of the staff member's centre
   * @param staffId a teacher or coach of that centre
   * @param reason the evidence, 1..{@value Exemption#MAX_REASON} characters
   * @return the exemption, CONFIRMED, source GRANTED
   * @throws DomainException {@code error.module.unknown}; {@code error.account.unknown} for no
   *     learner of the centre; {@code error.exemption.notStaff}; {@code error.exemption.reason};
   *     {@code error.exemption.exists} when one is already proposed or confirmed
   */
  public Exemption grant(String moduleCode, long learnerId, long staffId, String reason) {
    String why = reason(reason);
    UserAccount staff = staff(staffId);
    CourseModule module = module(moduleCode, staff);
    UserAccount learner = em.find(UserAccount.class, learnerId, LockModeType.PESSIMISTIC_WRITE);
    if (learner == null
        || !learner.hasRole(Role.LEARNER)
        || !learner.getCentre().getId().equals(staff.getCentre().getId())) {
      throw new DomainException(
          "error.account.unknown", "no learner " + learnerId + " in the centre of " + staffId);
    }
    if (live(module.getId(), learnerId).isPresent()) {
      throw new DomainException(
          "error.exemption.exists",
          "learner " + learnerId + " already has an exemption for " + moduleCode,
          moduleCode);
    }
    Exemption e =
        new Exemption(
            module.getId(), learnerId, ExemptionSource.GRANTED, null, null, null, now(), why);
    e.decide(ExemptionStatus.CONFIRMED, staffId, now(), null);
    em.persist(e);
    return e;
  }

  /**
   * Withdraws a proposed or confirmed exemption.
   *
   * @param reason why, 1..{@value Exemption#MAX_REASON} characters
   * @return the exemption, REVOKED
   * @throws DomainException {@code error.exemption.unknown}; {@code error.exemption.notStaff};
   *     {@code error.exemption.reason}; {@code error.exemption.notLive} when it is not live
   */
  public Exemption revoke(long exemptionId, long staffId, String reason) {
    String why = reason(reason);
    Exemption e = staffs(exemptionId, staffId);
    if (!e.getStatus().live()) {
      throw new DomainException(
          "error.exemption.notLive", "exemption " + exemptionId + " is " + e.getStatus());
    }
    e.decide(ExemptionStatus.REVOKED, staffId, now(), why);
    return e;
  }

  /** Whether the module counts as exempted for the learner (a CONFIRMED exemption). */
  public boolean isExempted(long moduleId, long learnerId) {
    return live(moduleId, learnerId)
        .filter(e -> e.getStatus() == ExemptionStatus.CONFIRMED)
        .isPresent();
  }

  /**
   * A learner's exemptions, history included, newest first (the learner's record).
   *
   * @param learnerId the learner
   * @return the exemptions with names
   */
  public List<ExemptionView> forLearner(long learnerId) {
    return views(
        em.createQuery(
                "SELECT e FROM Exemption e WHERE e.learnerId = :l ORDER BY e.createdAt DESC, e.id"
                    + " DESC",
                Exemption.class)
            .setParameter("l", learnerId)
            .getResultList());
  }

  /**
   * Every exemption of the staff member's centre, history included, newest first; with {@code
   * onlyProposed} the proposals waiting for a decision.
   *
   * @param staffId a teacher or coach
   * @param onlyProposed true for the proposals only
   * @return the exemptions with names
   * @throws DomainException {@code error.exemption.notStaff}
   */
  public List<ExemptionView> forCentre(long staffId, boolean onlyProposed) {
    UserAccount staff = staff(staffId);
    var query =
        em.createQuery(
                "SELECT e FROM Exemption e, UserAccount u WHERE u.id = e.learnerId"
                    + " AND u.centre.id = :c"
                    + (onlyProposed ? " AND e.status = :s" : "")
                    + " ORDER BY e.createdAt DESC, e.id DESC",
                Exemption.class)
            .setParameter("c", staff.getCentre().getId());
    if (onlyProposed) {
      query.setParameter("s", ExemptionStatus.PROPOSED);
    }
    return views(query.getResultList());
  }

  /**
   * The exemptions of the staff member's centre as CSV (RFC 4180, UTF-8, header row): learner,
   * name, module, status, source, score, max, created, decided by, decided at, reason, decision
   * reason. Times in ISO-8601 UTC.
   *
   * @param staffId a teacher or coach
   * @return the CSV text
   */
  public String csv(long staffId) {
    StringWriter out = new StringWriter();
    try (CSVPrinter p =
        CSVFormat.RFC4180
            .builder()
            .setHeader(
                "learner",
                "name",
                "module",
                "status",
                "source",
                "score",
                "max",
                "created",
                "decided_by",
                "decided_at",
                "reason",
                "decision_reason")
            .build()
            .print(out)) {
      for (ExemptionView v : forCentre(staffId, false)) {
        Exemption e = v.exemption();
        p.printRecord(
            v.learnerUsername(),
            v.learnerName(),
            v.moduleCode(),
            e.getStatus(),
            e.getSource(),
            plain(e.getScoreRaw()),
            plain(e.getScoreMax()),
            e.getCreatedAt(),
            v.decidedByName(),
            e.getDecidedAt(),
            e.getReason(),
            e.getDecisionReason());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private boolean sameCentre(Exemption e, UserAccount staff) {
    UserAccount learner = em.find(UserAccount.class, e.getLearnerId());
    return learner != null && learner.getCentre().getId().equals(staff.getCentre().getId());
  }

  private List<ExemptionView> views(List<Exemption> exemptions) {
    List<ExemptionView> out = new ArrayList<>();
    for (Exemption e : exemptions) {
      CourseModule module = em.find(CourseModule.class, e.getModuleId());
      UserAccount learner = em.find(UserAccount.class, e.getLearnerId());
      UserAccount decider =
          e.getDecidedBy() == null ? null : em.find(UserAccount.class, e.getDecidedBy());
      out.add(
          new ExemptionView(
              e,
              module.getCode(),
              module.getTitle(),
              learner.getUsername(),
              learner.getDisplayName(),
              decider == null ? null : decider.getDisplayName()));
    }
    return out;
  }

  private Optional<Exemption> live(long moduleId, long learnerId) {
    return em.createQuery(
            "SELECT e FROM Exemption e WHERE e.moduleId = :m AND e.learnerId = :l"
                + " AND e.status IN :live",
            Exemption.class)
        .setParameter("m", moduleId)
        .setParameter("l", learnerId)
        .setParameter("live", List.of(ExemptionStatus.PROPOSED, ExemptionStatus.CONFIRMED))
        .getResultStream()
        .findFirst();
  }

  private Exemption staffs(long exemptionId, long staffId) {
    UserAccount staff = staff(staffId);
    Exemption e = em.find(Exemption.class, exemptionId, LockModeType.PESSIMISTIC_WRITE);
    if (e == null || !sameCentre(e, staff)) {
      throw new DomainException("error.exemption.unknown", "no exemption " + exemptionId);
    }
    return e;
  }

  private UserAccount staff(long staffId) {
    UserAccount staff = em.find(UserAccount.class, staffId);
    if (staff == null || !(staff.hasRole(Role.TEACHER) || staff.hasRole(Role.COACH))) {
      throw new DomainException(
          "error.exemption.notStaff", "account " + staffId + " is no teacher or coach");
    }
    return staff;
  }

  private CourseModule module(String moduleCode, UserAccount staff) {
    return em.createQuery(
            "SELECT m FROM CourseModule m WHERE m.code = :c AND m.centre.id = :centre",
            CourseModule.class)
        .setParameter("c", moduleCode)
        .setParameter("centre", staff.getCentre().getId())
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException("error.module.unknown", "no module " + moduleCode, moduleCode));
  }

  private static String reason(String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > Exemption.MAX_REASON) {
      throw new DomainException(
          "error.exemption.reason",
          "a reason of 1.." + Exemption.MAX_REASON + " characters is required",
          Exemption.MAX_REASON);
    }
    return why;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
