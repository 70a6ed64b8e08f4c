package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.delivery.AttemptPlan;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plans of attempts (issue 3, point 3): which questions each attempt draws from the sections
 * and pools of its assessment, and in which order it shows them and their options, from a seed
 * stored with the attempt ({@link AttemptPlan}). Attempts can be planned in advance, so that a
 * sitting of hundreds of learners who start at the same minute only flips their status (point 4: "A
 * synchronized start of hundreds of learners does not overload the server").
 */
@ApplicationScoped
@Transactional
public class AttemptPlans {
  @Inject EntityManager em;
  @Inject ItemSources sources;

  private final SecureRandom seeds = new SecureRandom();

  /**
   * Creates a not yet started attempt with a fresh seed and stores its plan.
   *
   * @param assessment the assessment
   * @param learnerId the learner
   * @return the attempt, {@link AttemptStatus#PREPARED}
   */
  Attempt create(Assessment assessment, long learnerId) {
    Attempt attempt =
        new Attempt(UUID.randomUUID().toString(), assessment.getId(), learnerId, seeds.nextLong());
    em.persist(attempt);
    // The plan's rows refer to the attempt row: insert it first (no JPA relation orders them).
    em.flush();
    Map<String, AssessmentItem> questions = questions(assessment.getId());
    for (AttemptPlan.Planned planned : plan(assessment, attempt.getSeed())) {
      em.persist(
          new AttemptItem(
              attempt.getId(), planned, questions.get(planned.identifier()).getPoints()));
    }
    return attempt;
  }

  /**
   * Prepares attempts before a sitting: one planned, not started attempt for every learner given
   * who has neither a prepared nor a running one and has attempts left. Their start then only
   * starts the clock.
   *
   * @param assessmentId the assessment
   * @param teacherId a teacher of the assessment's centre
   * @param learnerIds the learners who will sit it
   * @return how many attempts were prepared
   * @throws DomainException {@code error.assessment.unknown} for an assessment outside the
   *     teacher's centre; {@code error.account.unknown} for an id that is no learner of the centre
   */
  public int prepare(long assessmentId, long teacherId, Collection<Long> learnerIds) {
    Assessment assessment = em.find(Assessment.class, assessmentId);
    UserAccount teacher = em.find(UserAccount.class, teacherId);
    if (assessment == null
        || teacher == null
        || !teacher.hasRole(Role.TEACHER)
        || !teacher.getCentre().getId().equals(assessment.getCentre().getId())) {
      throw new DomainException(
          "error.assessment.unknown", "no assessment " + assessmentId + " for " + teacherId);
    }
    int prepared = 0;
    for (long learnerId : learnerIds) {
      UserAccount learner = em.find(UserAccount.class, learnerId, LockModeType.PESSIMISTIC_WRITE);
      if (learner == null
          || !learner.hasRole(Role.LEARNER)
          || !learner.getCentre().getId().equals(assessment.getCentre().getId())) {
        throw new DomainException(
            "error.account.unknown", "no learner " + learnerId + " in the assessment's centre");
      }
      List<Attempt> attempts =
          em.createQuery(
                  "SELECT a FROM Attempt a WHERE a.assessmentId = :a AND a.learnerId = :l",
                  Attempt.class)
              .setParameter("a", assessmentId)
              .setParameter("l", learnerId)
              .getResultList();
      Accommodation accommodation =
          em.find(Accommodation.class, new Accommodation.Key(assessmentId, learnerId));
      int allowed = assessment.attemptsAllowed(accommodation);
      boolean waiting =
          attempts.stream()
              .anyMatch(
                  a ->
                      a.getStatus() == AttemptStatus.PREPARED
                          || a.getStatus() == AttemptStatus.ACTIVE);
      if (!waiting && attempts.size() < allowed) {
        create(assessment, learnerId);
        prepared++;
      }
    }
    return prepared;
  }

  /**
   * The stored plan of an attempt.
   *
   * @return its questions in the order shown
   */
  public List<AttemptItem> planOf(String attemptId) {
    return em.createQuery(
            "SELECT i FROM AttemptItem i WHERE i.attemptId = :a ORDER BY i.position",
            AttemptItem.class)
        .setParameter("a", attemptId)
        .getResultList();
  }

  /** Whether the attempt's plan has this question (a pool may not have drawn it). */
  boolean inPlan(String attemptId, String identifier) {
    return !em.createQuery(
            "SELECT i.position FROM AttemptItem i WHERE i.attemptId = :a"
                + " AND i.itemIdentifier = :i",
            Integer.class)
        .setParameter("a", attemptId)
        .setParameter("i", identifier)
        .getResultList()
        .isEmpty();
  }

  /**
   * The plan an assessment gives for a seed, computed again from its sections (to generate an
   * attempt, or to check a stored plan against its seed).
   *
   * @param assessment the assessment
   * @param seed the seed
   * @return the planned questions
   */
  public List<AttemptPlan.Planned> plan(Assessment assessment, long seed) {
    List<AssessmentSection> sections =
        em.createQuery(
                "SELECT s FROM AssessmentSection s WHERE s.assessmentId = :a ORDER BY s.position",
                AssessmentSection.class)
            .setParameter("a", assessment.getId())
            .getResultList();
    List<AssessmentItem> items =
        em.createQuery(
                "SELECT i FROM AssessmentItem i WHERE i.assessmentId = :a ORDER BY i.position",
                AssessmentItem.class)
            .setParameter("a", assessment.getId())
            .getResultList();
    List<AttemptPlan.Section> planSections = new ArrayList<>();
    for (AssessmentSection section : sections) {
      List<AttemptPlan.Question> questions = new ArrayList<>();
      for (AssessmentItem stored : items) {
        if (stored.getSection() == section.getPosition()) {
          Item item = sources.item(stored);
          boolean options =
              switch (item.type()) {
                case CHOICE_SINGLE, CHOICE_MULTIPLE, TRUE_FALSE, ORDERING -> true;
                default -> false;
              };
          questions.add(
              new AttemptPlan.Question(
                  stored.getIdentifier(),
                  options ? item.choices().stream().map(Choice::id).toList() : List.of(),
                  item.type() == ItemType.ORDERING));
        }
      }
      planSections.add(
          new AttemptPlan.Section(questions, section.getDrawCount(), section.isShuffle()));
    }
    return AttemptPlan.plan(planSections, assessment.isShuffleOptions(), seed);
  }

  private Map<String, AssessmentItem> questions(long assessmentId) {
    return em.createQuery(
            "SELECT i FROM AssessmentItem i WHERE i.assessmentId = :a", AssessmentItem.class)
        .setParameter("a", assessmentId)
        .getResultStream()
        .collect(Collectors.toMap(AssessmentItem::getIdentifier, Function.identity()));
  }
}
