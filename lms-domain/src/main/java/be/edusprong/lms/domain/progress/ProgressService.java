package be.edusprong.lms.domain.progress;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.scoring.Outcome;
import be.edusprong.lms.assessment.scoring.Response;
import be.edusprong.lms.assessment.scoring.ResponseScorer;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.enrolment.Enrolment;
import be.edusprong.lms.domain.enrolment.EnrolmentService;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.module.LearningUnit;
import be.edusprong.lms.domain.module.PracticeItem;
import be.edusprong.lms.domain.module.PracticeItems;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records what learners do as xAPI statements and keeps their progress (issue 2, point 7): every
 * unit view ({@code experienced}) and practice answer ({@code answered}) is a statement; a unit is
 * completed when all its practice questions are answered ({@code completed}); module progress is
 * completed units over units, and an enrolment completes with its last unit.
 */
@ApplicationScoped
@Transactional
public class ProgressService {
  @Inject EntityManager em;
  @Inject EnrolmentService enrolments;
  @Inject PracticeItems practiceItems;
  @Inject Clock clock;

  private final ResponseScorer scorer = new ResponseScorer();

  /**
   * Records that a learner viewed a unit.
   *
   * @throws DomainException {@code error.enrolment.missing} when the learner is not enrolled in the
   *     unit's module
   */
  public void recordUnitView(long learnerId, long unitId) {
    LearningUnit unit = requireUnit(unitId);
    UserAccount learner = requireEnrolled(learnerId, unit.getModule());
    store(
        learner,
        Verb.EXPERIENCED,
        Statements.unitActivity(unit),
        Statements.TYPE_MODULE,
        unit.getTitle(),
        null,
        Statements.moduleActivity(unit.getModule()),
        Statements.moduleActivity(unit.getModule()),
        unit.getModule().getId(),
        unit.getId());
  }

  /**
   * Scores a learner's answer to a practice question, records it and updates progress.
   *
   * @param response the response in the assessment engine's terms
   * @return the feedback to show at once
   * @throws DomainException {@code error.item.unknown}, {@code error.enrolment.missing}
   */
  public PracticeFeedback answer(long learnerId, long itemId, Response response) {
    PracticeItem practice = em.find(PracticeItem.class, itemId);
    if (practice == null) {
      throw new DomainException("error.item.unknown", "no practice item " + itemId);
    }
    LearningUnit unit = practice.getUnit();
    CourseModule module = unit.getModule();
    UserAccount learner = requireEnrolled(learnerId, module);
    Item item = practiceItems.toItem(practice);
    Outcome outcome = scorer.score(item, response);
    BigDecimal scaled = outcome.score().scaled().setScale(5, RoundingMode.HALF_UP);
    Instant now = clock.instant();

    JsonObject result =
        Statements.answerResult(
            scaled,
            outcome.score().raw(),
            outcome.score().max(),
            outcome.correct(),
            response.toString());
    store(
        learner,
        Verb.ANSWERED,
        Statements.itemActivity(practice),
        Statements.TYPE_INTERACTION,
        new be.edusprong.lms.domain.shared.LocalizedText(practice.getTitle(), practice.getTitle()),
        result,
        Statements.unitActivity(unit),
        Statements.moduleActivity(module),
        module.getId(),
        unit.getId());
    em.createNativeQuery(
            "INSERT INTO practice_answer"
                + " (learner_id, item_id, correct, scaled_score, attempts, last_answered_at)"
                + " VALUES (?1, ?2, ?3, ?4, 1, ?5) ON DUPLICATE KEY UPDATE correct = ?3,"
                + " scaled_score = ?4, attempts = attempts + 1, last_answered_at = ?5")
        .setParameter(1, learnerId)
        .setParameter(2, itemId)
        .setParameter(3, outcome.correct())
        .setParameter(4, scaled)
        .setParameter(5, Timestamp.from(now))
        .executeUpdate();

    boolean unitCompleted = false;
    if (!isUnitCompleted(learnerId, unit.getId())
        && answeredItems(learnerId, unit.getId()).size() >= unit.getItems().size()) {
      em.createNativeQuery(
              "INSERT IGNORE INTO unit_completion (learner_id, unit_id, completed_at)"
                  + " VALUES (?1, ?2, ?3)")
          .setParameter(1, learnerId)
          .setParameter(2, unit.getId())
          .setParameter(3, Timestamp.from(now))
          .executeUpdate();
      unitCompleted = true;
      store(
          learner,
          Verb.COMPLETED,
          Statements.unitActivity(unit),
          Statements.TYPE_MODULE,
          unit.getTitle(),
          Statements.completionResult(),
          Statements.moduleActivity(module),
          Statements.moduleActivity(module),
          module.getId(),
          unit.getId());
    }
    ModuleProgress progress = progress(learnerId, module);
    if (unitCompleted && progress.complete()) {
      enrolments.find(learnerId, module.getId()).ifPresent(e -> e.complete(now));
      store(
          learner,
          Verb.COMPLETED,
          Statements.moduleActivity(module),
          Statements.TYPE_COURSE,
          module.getTitle(),
          Statements.completionResult(),
          null,
          null,
          module.getId(),
          null);
    }
    return new PracticeFeedback(
        outcome.correct(), scaled, outcome.feedbackHtml(), unitCompleted, progress);
  }

  /** The ids of the practice questions of a unit the learner has answered. */
  public Set<Long> answeredItems(long learnerId, long unitId) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT a.item_id FROM practice_answer a JOIN practice_item i ON i.id = a.item_id"
                    + " WHERE a.learner_id = ?1 AND i.unit_id = ?2")
            .setParameter(1, learnerId)
            .setParameter(2, unitId)
            .getResultList();
    Set<Long> result = new HashSet<>();
    ids.forEach(n -> result.add(n.longValue()));
    return result;
  }

  /** Whether the learner completed the unit. */
  public boolean isUnitCompleted(long learnerId, long unitId) {
    return !em.createNativeQuery(
            "SELECT 1 FROM unit_completion WHERE learner_id = ?1 AND unit_id = ?2")
        .setParameter(1, learnerId)
        .setParameter(2, unitId)
        .getResultList()
        .isEmpty();
  }

  /** The ids of the units of a module the learner completed. */
  public Set<Long> completedUnits(long learnerId, long moduleId) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "SELECT c.unit_id FROM unit_completion c JOIN learning_unit u ON u.id = c.unit_id"
                    + " WHERE c.learner_id = ?1 AND u.module_id = ?2")
            .setParameter(1, learnerId)
            .setParameter(2, moduleId)
            .getResultList();
    Set<Long> result = new HashSet<>();
    ids.forEach(n -> result.add(n.longValue()));
    return result;
  }

  /** The learner's progress in a module. */
  public ModuleProgress progress(long learnerId, CourseModule module) {
    return progress(module, completedUnits(learnerId, module.getId()));
  }

  /**
   * Progress from completed units already read (see {@link #completedUnits}), so a page that also
   * needs the set reads it once.
   *
   * @param completedUnitIds ids of completed units; ids of other modules' units are ignored
   */
  public static ModuleProgress progress(CourseModule module, Set<Long> completedUnitIds) {
    int done =
        (int) module.getUnits().stream().filter(u -> completedUnitIds.contains(u.getId())).count();
    return new ModuleProgress(module.getCode(), done, module.getUnits().size());
  }

  /** When the learner last did anything recorded, if ever. */
  public Optional<Instant> lastActivity(long learnerId) {
    Object value =
        em.createNativeQuery("SELECT MAX(occurred_at) FROM learning_record WHERE actor_id = ?1")
            .setParameter(1, learnerId)
            .getSingleResult();
    return value == null
        ? Optional.empty()
        : Optional.of(be.edusprong.lms.domain.shared.Times.toInstant(value));
  }

  /** The learner's statements, newest first, at most {@code limit}. */
  public List<LearningRecord> statementsOf(long learnerId, int limit) {
    return em.createQuery(
            "SELECT r FROM LearningRecord r WHERE r.actorId = :a ORDER BY r.occurredAt DESC",
            LearningRecord.class)
        .setParameter("a", learnerId)
        .setMaxResults(limit)
        .getResultList();
  }

  private void store(
      UserAccount actor,
      Verb verb,
      String objectId,
      String objectType,
      be.edusprong.lms.domain.shared.LocalizedText name,
      JsonObject result,
      String parent,
      String grouping,
      Long moduleId,
      Long unitId) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    JsonObject statement =
        Statements.statement(
            id, actor, verb, objectId, objectType, name, result, parent, grouping, now, now);
    em.persist(
        new LearningRecord(
            id.toString(),
            actor.getId(),
            verb.iri(),
            objectId,
            moduleId,
            unitId,
            now,
            now,
            statement.toString()));
  }

  private LearningUnit requireUnit(long unitId) {
    LearningUnit unit = em.find(LearningUnit.class, unitId);
    if (unit == null) {
      throw new DomainException("error.unit.unknown", "no unit " + unitId, unitId);
    }
    return unit;
  }

  private UserAccount requireEnrolled(long learnerId, CourseModule module) {
    Optional<Enrolment> enrolment = enrolments.find(learnerId, module.getId());
    if (enrolment.isEmpty()) {
      throw new DomainException(
          "error.enrolment.missing",
          "learner " + learnerId + " is not enrolled in " + module.getCode(),
          module.getCode());
    }
    return enrolment.get().getLearner();
  }
}
