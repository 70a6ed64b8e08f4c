package be.edusprong.lms.domain.delivery;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.scoring.Outcome;
import be.edusprong.lms.assessment.scoring.ResponseScorer;
import be.edusprong.lms.assessment.scoring.Score;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Scores of attempts (issue 3, point 5): automatic scoring of every objective question at
 * submission ({@link ResponseScorer}, QTI response processing), a grading queue where teachers
 * score essays (optionally with a rubric), totals and the pass decision per attempt, and regrading
 * of every attempt after a question was corrected.
 *
 * <p>A question's score is the fraction the scorer gives times the question's points, rounded half
 * up to 4 decimals. An attempt's total is the sum of its questions; it passes when {@code total /
 * max * 100 >= pass mark}. Until every answered essay is graded, the attempt has no total and no
 * decision.
 *
 * <p>Whenever an attempt gets its final score, or a regrade changes it, {@link AttemptGraded} is
 * fired synchronously in the same transaction, so what follows from a score (an exemption proposed
 * by an exemption test, issue 3 point 7) is decided on the same data and rolls back with it.
 */
@ApplicationScoped
@Transactional
public class GradingService {
  /** Longest grader comment, as the column allows. */
  public static final int MAX_COMMENT = 2000;

  /** Most rubric criteria per question. */
  public static final int MAX_CRITERIA = 20;

  private static final Logger LOG = Logger.getLogger(GradingService.class.getName());
  private static final ResponseScorer SCORER = new ResponseScorer();
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  @Inject EntityManager em;
  @Inject ItemSources sources;
  @Inject AttemptPlans plans;
  @Inject Clock clock;
  @Inject Event<AttemptGraded> graded;

  /**
   * A criterion of a rubric.
   *
   * @param criterion what is judged, e.g. "Juiste aanspreking"
   * @param points the most it earns, {@code > 0}
   */
  public record Criterion(String criterion, BigDecimal points) {}

  /**
   * An answered essay waiting for a teacher.
   *
   * @param attemptId the attempt
   * @param assessmentTitle its assessment's title
   * @param learnerName the learner's display name
   * @param itemIdentifier the question
   * @param stemHtml the question text, safe HTML
   * @param answer what the learner wrote
   * @param points what the question is worth
   * @param rubric the rubric's criteria, empty when the question has none
   * @param submittedAt when the attempt was handed in
   */
  public record GradingTask(
      String attemptId,
      String assessmentTitle,
      String learnerName,
      String itemIdentifier,
      String stemHtml,
      String answer,
      BigDecimal points,
      List<Criterion> rubric,
      Instant submittedAt) {}

  /**
   * Scores a just submitted attempt: every objective question now, an answered essay is left for a
   * teacher ({@link #queue}). Called in the submitting transaction.
   *
   * @param attempt the attempt, submitted, locked by the caller
   */
  void scoreSubmitted(Attempt attempt) {
    Map<String, AssessmentItem> questions = questions(attempt.getAssessmentId());
    Map<String, String> payloads = payloads(attempt.getId());
    for (AttemptItem planned : plan(attempt.getId())) {
      AssessmentItem stored = questions.get(planned.getItemIdentifier());
      Item item = sources.item(stored);
      String payload = payloads.get(planned.getItemIdentifier());
      if (item.type() == ItemType.ESSAY && ResponsePayloads.answered(payload)) {
        planned.awaitGrading();
      } else {
        planned.scoreAutomatically(automatic(item, payload, planned.getPoints(), attempt));
      }
    }
    finish(attempt, null, false);
  }

  /**
   * The answered essays of the teacher's centre that wait for a score, oldest submission first.
   *
   * @param teacherId a teacher
   * @return the tasks; empty for an account that is no teacher
   */
  public List<GradingTask> queue(long teacherId) {
    UserAccount teacher = em.find(UserAccount.class, teacherId);
    if (teacher == null || !teacher.hasRole(Role.TEACHER)) {
      return List.of();
    }
    List<AttemptItem> waiting =
        em.createQuery(
                "SELECT i FROM AttemptItem i, Attempt t, Assessment a WHERE i.needsGrading = TRUE"
                    + " AND t.id = i.attemptId AND a.id = t.assessmentId AND a.centre.id = :c"
                    + " ORDER BY t.submittedAt, i.attemptId, i.position",
                AttemptItem.class)
            .setParameter("c", teacher.getCentre().getId())
            .setMaxResults(500)
            .getResultList();
    List<GradingTask> tasks = new ArrayList<>();
    for (AttemptItem i : waiting) {
      Attempt attempt = em.find(Attempt.class, i.getAttemptId());
      Assessment assessment = em.find(Assessment.class, attempt.getAssessmentId());
      AssessmentItem stored = question(attempt.getAssessmentId(), i.getItemIdentifier());
      AttemptResponse response =
          em.find(
              AttemptResponse.class,
              new AttemptResponse.Key(attempt.getId(), i.getItemIdentifier()));
      String text = "";
      if (response != null) {
        var r = ResponsePayloads.read(ItemType.ESSAY, response.getPayload());
        text = ((be.edusprong.lms.assessment.scoring.TextResponse) r).text();
      }
      tasks.add(
          new GradingTask(
              attempt.getId(),
              assessment.getTitle(),
              em.find(UserAccount.class, attempt.getLearnerId()).getDisplayName(),
              i.getItemIdentifier(),
              sources.item(stored).stemHtml(),
              text,
              i.getPoints(),
              rubric(stored.getRubric()),
              attempt.getSubmittedAt()));
    }
    return tasks;
  }

  /**
   * A teacher scores an essay (issue 3, point 5: "a manual grading queue for essays with a
   * rubric"). With a rubric, the points per criterion are given and summed; without one, the points
   * themselves. Grading again overwrites. When it was the attempt's last open question, the attempt
   * gets its total and decision.
   *
   * @param attemptId the attempt
   * @param itemIdentifier the essay
   * @param teacherId a teacher of the assessment's centre
   * @param points per rubric criterion in rubric order, each {@code 0..criterion points}; without a
   *     rubric exactly one value in {@code 0..question points}
   * @param comment feedback for the learner, at most {@value #MAX_COMMENT} characters; may be null
   * @return the attempt as it stands after grading
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not of the teacher's
   *     centre or not submitted; {@code error.grading.notEssay} for a question that is not graded
   *     by hand; {@code error.grading.points} (reason) for points that do not fit
   */
  public Attempt grade(
      String attemptId,
      String itemIdentifier,
      long teacherId,
      List<BigDecimal> points,
      String comment) {
    Attempt attempt = teachersAttempt(attemptId, teacherId);
    AttemptItem planned = planned(attempt, itemIdentifier);
    AssessmentItem stored = question(attempt.getAssessmentId(), itemIdentifier);
    if (sources.item(stored).type() != ItemType.ESSAY) {
      throw new DomainException(
          "error.grading.notEssay", itemIdentifier + " is scored automatically", itemIdentifier);
    }
    List<Criterion> rubric = rubric(stored.getRubric());
    if (points == null || points.stream().anyMatch(Objects::isNull)) {
      throw badPoints("points are required");
    }
    BigDecimal total;
    String perCriterion = null;
    if (rubric.isEmpty()) {
      if (points.size() != 1) {
        throw badPoints("one score is given for a question without rubric");
      }
      total = points.get(0);
      if (total.signum() < 0 || total.compareTo(planned.getPoints()) > 0) {
        throw badPoints("the score lies in 0.." + planned.getPoints().toPlainString());
      }
    } else {
      if (points.size() != rubric.size()) {
        throw badPoints("one score per criterion: " + rubric.size());
      }
      total = BigDecimal.ZERO;
      JsonArrayBuilder json = JSON.createArrayBuilder();
      for (int c = 0; c < rubric.size(); c++) {
        BigDecimal p = points.get(c);
        if (p.signum() < 0 || p.compareTo(rubric.get(c).points()) > 0) {
          throw badPoints(
              "'"
                  + rubric.get(c).criterion()
                  + "' scores 0.."
                  + rubric.get(c).points().toPlainString());
        }
        total = total.add(p);
        json.add(p);
      }
      perCriterion = json.build().toString();
      // The question is worth its rubric; the scale of the two can differ by a setPoints later.
      total = total.min(planned.getPoints());
    }
    String why = comment == null || comment.isBlank() ? null : comment.strip();
    if (why != null && why.length() > MAX_COMMENT) {
      throw badPoints("a comment is at most " + MAX_COMMENT + " characters");
    }
    planned.grade(round(total), teacherId, now(), why, perCriterion);
    boolean wasGraded = attempt.isGraded();
    finish(attempt, wasGraded ? attempt.getPassed() : null, wasGraded);
    return attempt;
  }

  /**
   * Corrects a question and scores every submitted attempt that had it again (issue 3, point 5:
   * "regrading everybody after an item is corrected (and whatever followed from the old score, such
   * as an exemption, follows the new one)"). Answered essays keep the teacher's score.
   *
   * @param assessmentId the assessment
   * @param itemIdentifier the question
   * @param corrected the corrected source, in the question's format, with the same identifier and
   *     type
   * @param teacherId a teacher of the assessment's centre
   * @return how many attempts got another total
   * @throws DomainException {@code error.assessment.unknown}; {@code error.assessment.gift}
   *     (reason) for a source that does not parse; {@code error.grading.changedQuestion} when the
   *     identifier or type differs
   */
  public int regrade(long assessmentId, String itemIdentifier, String corrected, long teacherId) {
    Assessment assessment = em.find(Assessment.class, assessmentId);
    UserAccount teacher = em.find(UserAccount.class, teacherId);
    if (assessment == null
        || teacher == null
        || !teacher.hasRole(Role.TEACHER)
        || !teacher.getCentre().getId().equals(assessment.getCentre().getId())) {
      throw new DomainException(
          "error.assessment.unknown", "no assessment " + assessmentId + " for " + teacherId);
    }
    AssessmentItem stored = question(assessmentId, itemIdentifier);
    Item before = sources.item(stored);
    Item after;
    try {
      after = ItemSources.parse(stored.getSourceFormat(), corrected, assessmentId);
    } catch (RuntimeException e) {
      throw new DomainException(
          "error.assessment.gift", "corrected question: " + e.getMessage(), 1, e.getMessage());
    }
    if (!after.identifier().equals(before.identifier()) || after.type() != before.type()) {
      throw new DomainException(
          "error.grading.changedQuestion",
          "a correction keeps identifier " + before.identifier() + " and type " + before.type(),
          before.identifier());
    }
    stored.correct(corrected);
    List<Attempt> attempts =
        em.createQuery(
                "SELECT t FROM Attempt t WHERE t.assessmentId = :a AND t.status = :s"
                    + " ORDER BY t.submittedAt",
                Attempt.class)
            .setParameter("a", assessmentId)
            .setParameter("s", AttemptStatus.SUBMITTED)
            .getResultList();
    int changed = 0;
    for (Attempt listed : attempts) {
      Attempt attempt = em.find(Attempt.class, listed.getId(), LockModeType.PESSIMISTIC_WRITE);
      AttemptItem planned =
          plan(attempt.getId()).stream()
              .filter(i -> i.getItemIdentifier().equals(itemIdentifier))
              .findFirst()
              .orElse(null);
      if (planned == null || after.type() == ItemType.ESSAY) {
        continue;
      }
      BigDecimal old = planned.getScore();
      planned.scoreAutomatically(
          automatic(
              after, payloads(attempt.getId()).get(itemIdentifier), planned.getPoints(), attempt));
      if (old == null || old.compareTo(planned.getScore()) != 0) {
        boolean wasGraded = attempt.isGraded();
        finish(attempt, wasGraded ? attempt.getPassed() : null, true);
        changed++;
      }
    }
    LOG.info(
        "question "
            + itemIdentifier
            + " of assessment "
            + assessmentId
            + " corrected by "
            + teacherId
            + ": "
            + changed
            + " of "
            + attempts.size()
            + " attempts rescored");
    return changed;
  }

  /**
   * The learner's review of a submitted attempt, cut to the assessment's review level.
   *
   * @param attemptId the attempt
   * @param learnerId its learner
   * @return the review
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's;
   *     {@code error.review.notSubmitted} while it runs
   */
  public AttemptReview review(String attemptId, long learnerId) {
    Attempt attempt = attemptId == null ? null : em.find(Attempt.class, attemptId);
    if (attempt == null || attempt.getLearnerId() != learnerId) {
      throw new DomainException(
          "error.attempt.unknown", "no attempt " + attemptId + " of learner " + learnerId);
    }
    if (attempt.getStatus() != AttemptStatus.SUBMITTED) {
      throw new DomainException(
          "error.review.notSubmitted", "attempt " + attemptId + " was not submitted yet");
    }
    Review level = em.find(Assessment.class, attempt.getAssessmentId()).getReview();
    boolean score = level.compareTo(Review.SCORE) >= 0;
    List<AttemptReview.ItemReview> items = new ArrayList<>();
    if (level.compareTo(Review.RESPONSES) >= 0) {
      Map<String, AssessmentItem> questions = questions(attempt.getAssessmentId());
      Map<String, String> payloads = payloads(attemptId);
      boolean full = level == Review.FULL;
      for (AttemptItem planned : plan(attemptId)) {
        Item item = sources.item(questions.get(planned.getItemIdentifier()));
        String payload = payloads.get(planned.getItemIdentifier());
        List<String> feedback = List.of();
        if (full && item.type() != ItemType.ESSAY && item.type() != ItemType.DESCRIPTION) {
          try {
            feedback =
                SCORER.score(item, ResponsePayloads.read(item.type(), payload)).feedbackHtml();
          } catch (IllegalArgumentException e) {
            feedback = List.of();
          }
        }
        items.add(
            new AttemptReview.ItemReview(
                planned.getPosition(),
                planned.getItemIdentifier(),
                item.stemHtml(),
                payload,
                planned.getScore(),
                planned.getPoints(),
                planned.getGraderComment(),
                full ? CorrectResponses.of(item) : null,
                feedback));
      }
    }
    return new AttemptReview(
        attemptId,
        level,
        attempt.getSubmittedAt(),
        attempt.isGraded(),
        score ? attempt.getScoreRaw() : null,
        score ? attempt.getScoreMax() : null,
        score ? attempt.getPassed() : null,
        items);
  }

  /**
   * The rubric stored with a question.
   *
   * @param json the stored JSON, or null
   * @return its criteria, empty for none
   */
  static List<Criterion> rubric(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonArray array = reader.readArray();
      List<Criterion> out = new ArrayList<>();
      for (JsonValue v : array) {
        JsonObject o = v.asJsonObject();
        out.add(
            new Criterion(o.getString("criterion"), o.getJsonNumber("points").bigDecimalValue()));
      }
      return out;
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new IllegalStateException("stored rubric is not valid: " + json, e);
    }
  }

  /**
   * A rubric as stored.
   *
   * @param criteria the criteria, 1..{@value #MAX_CRITERIA}, each named (at most 200 characters)
   *     and worth more than 0 points
   * @return the JSON
   * @throws IllegalArgumentException when a criterion breaks those rules
   */
  static String rubricJson(List<Criterion> criteria) {
    if (criteria.isEmpty() || criteria.size() > MAX_CRITERIA) {
      throw new IllegalArgumentException("a rubric has 1.." + MAX_CRITERIA + " criteria");
    }
    JsonArrayBuilder a = JSON.createArrayBuilder();
    for (Criterion c : criteria) {
      if (c.criterion() == null
          || c.criterion().isBlank()
          || c.criterion().strip().length() > 200
          || c.points() == null
          || c.points().signum() <= 0) {
        throw new IllegalArgumentException(
            "a criterion has a name of 1..200 characters and more than 0 points");
      }
      a.add(
          JSON.createObjectBuilder()
              .add("criterion", c.criterion().strip())
              .add("points", c.points()));
    }
    return a.build().toString();
  }

  // The points an objective question earns; a payload the scorer cannot read earns 0 (it was
  // accepted as JSON when saved, so only a tampered or buggy client gets here).
  private static BigDecimal automatic(
      Item item, String payload, BigDecimal points, Attempt attempt) {
    if (item.type() == ItemType.ESSAY || item.type() == ItemType.DESCRIPTION) {
      return BigDecimal.ZERO.setScale(4);
    }
    try {
      Outcome outcome = SCORER.score(item, ResponsePayloads.read(item.type(), payload));
      Score score = outcome.score();
      return round(score.scaled().multiply(points, MathContext.DECIMAL64));
    } catch (IllegalArgumentException e) {
      LOG.fine(
          "attempt "
              + attempt.getId()
              + ", "
              + item.identifier()
              + ": response not scorable, 0 points: "
              + e.getMessage());
      return BigDecimal.ZERO.setScale(4);
    }
  }

  // Totals and the decision when no question waits any more; fires AttemptGraded.
  private void finish(Attempt attempt, Boolean previousPassed, boolean regrade) {
    List<AttemptItem> plan = plan(attempt.getId());
    if (plan.stream().anyMatch(AttemptItem::isNeedsGrading)) {
      attempt.scored(null, null, null, null);
      return;
    }
    BigDecimal raw = BigDecimal.ZERO;
    BigDecimal max = BigDecimal.ZERO;
    for (AttemptItem i : plan) {
      raw = raw.add(i.getScore() == null ? BigDecimal.ZERO : i.getScore());
      max = max.add(i.getPoints());
    }
    Assessment assessment = em.find(Assessment.class, attempt.getAssessmentId());
    Boolean passed = null;
    if (assessment.getPassMarkPercent() != null) {
      passed =
          max.signum() == 0
              || raw.multiply(HUNDRED).compareTo(assessment.getPassMarkPercent().multiply(max))
                  >= 0;
    }
    attempt.scored(round(raw), round(max), passed, now());
    graded.fire(
        new AttemptGraded(
            attempt.getId(),
            attempt.getAssessmentId(),
            attempt.getLearnerId(),
            Score.of(round(raw), round(max)),
            passed,
            previousPassed,
            regrade));
  }

  private Attempt teachersAttempt(String attemptId, long teacherId) {
    Attempt attempt =
        attemptId == null
            ? null
            : em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
    UserAccount teacher = em.find(UserAccount.class, teacherId);
    if (attempt == null
        || attempt.getStatus() != AttemptStatus.SUBMITTED
        || teacher == null
        || !teacher.hasRole(Role.TEACHER)
        || !em.find(Assessment.class, attempt.getAssessmentId())
            .getCentre()
            .getId()
            .equals(teacher.getCentre().getId())) {
      throw new DomainException(
          "error.attempt.unknown", "no submitted attempt " + attemptId + " for " + teacherId);
    }
    return attempt;
  }

  private AttemptItem planned(Attempt attempt, String itemIdentifier) {
    return plan(attempt.getId()).stream()
        .filter(i -> i.getItemIdentifier().equals(itemIdentifier))
        .findFirst()
        .orElseThrow(
            () ->
                new DomainException(
                    "error.delivery.itemUnknown",
                    "attempt " + attempt.getId() + " has no question " + itemIdentifier,
                    itemIdentifier));
  }

  private List<AttemptItem> plan(String attemptId) {
    return plans.planOf(attemptId);
  }

  private Map<String, AssessmentItem> questions(long assessmentId) {
    return em.createQuery(
            "SELECT i FROM AssessmentItem i WHERE i.assessmentId = :a", AssessmentItem.class)
        .setParameter("a", assessmentId)
        .getResultStream()
        .collect(Collectors.toMap(AssessmentItem::getIdentifier, Function.identity()));
  }

  private AssessmentItem question(long assessmentId, String identifier) {
    AssessmentItem stored = questions(assessmentId).get(identifier);
    if (stored == null) {
      throw new DomainException(
          "error.delivery.itemUnknown",
          "assessment " + assessmentId + " has no question " + identifier,
          identifier);
    }
    return stored;
  }

  private Map<String, String> payloads(String attemptId) {
    return em.createQuery(
            "SELECT r FROM AttemptResponse r WHERE r.attemptId = :a", AttemptResponse.class)
        .setParameter("a", attemptId)
        .getResultStream()
        .collect(Collectors.toMap(AttemptResponse::getItemIdentifier, AttemptResponse::getPayload));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static BigDecimal round(BigDecimal value) {
    return value.setScale(4, RoundingMode.HALF_UP);
  }

  private static DomainException badPoints(String reason) {
    return new DomainException("error.grading.points", reason, reason);
  }
}
