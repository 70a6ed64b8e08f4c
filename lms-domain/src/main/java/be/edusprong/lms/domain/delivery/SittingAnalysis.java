package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.analysis.ItemAnalysis;
import be.edusprong.lms.assessment.analysis.SittingResults;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.scoring.ChoiceResponse;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The input of the item analysis of a sitting (issue 3, point 6: "item analysis after a sitting:
 * facility, discrimination, distractors, Cronbach's alpha"), built from the stored scores per
 * question ({@code attempt_item.score}) and, for choice questions, the options chosen in the saved
 * responses ({@code attempt_response.payload}).
 *
 * <p>Rules, because {@link SittingResults} takes complete data only:
 *
 * <ul>
 *   <li>Only <b>fully graded</b> attempts count (submitted, every essay scored): an attempt that
 *       still waits for a teacher has no score on its essay yet and is counted in {@link
 *       Input#waitingForGrading()} instead. Each attempt is one "learner" of the analysis, keyed by
 *       its attempt id (no names).
 *   <li>A question is analysed when <b>every</b> counted attempt has it in its plan and it is worth
 *       points; a pool question that some attempts did not draw is listed in {@link
 *       Input#leftOut()}, as a guess for the missing ones would bias facility and discrimination.
 *       Descriptions (worth nothing) are left out silently.
 *   <li>A question's maximum is the highest points it had in the counted attempts (the same in
 *       every attempt unless its points were changed between attempts).
 *   <li>Single choice, multiple choice and true/false questions are choice items: their options in
 *       stored order, and per attempt the options of the saved response (none for no answer; an id
 *       the question does not have, which only a tampered client could send, is ignored).
 * </ul>
 */
@ApplicationScoped
@Transactional
public class SittingAnalysis {
  private static final Logger LOG = Logger.getLogger(SittingAnalysis.class.getName());

  @Inject EntityManager em;
  @Inject ItemSources sources;
  @Inject SittingMonitor monitor;

  /**
   * What the analysis of a sitting is built from.
   *
   * @param assessment the assessment
   * @param results the results of the counted attempts; empty when no attempt is fully graded yet
   * @param attempts how many attempts were counted
   * @param waitingForGrading submitted attempts left out because an essay waits for a teacher
   * @param leftOut identifiers of questions worth points that not every counted attempt drew
   * @param titles per question identifier of the assessment, its display title (plain text)
   */
  public record Input(
      Assessment assessment,
      Optional<SittingResults> results,
      int attempts,
      int waitingForGrading,
      List<String> leftOut,
      Map<String, String> titles) {
    /** Copies the lists. */
    public Input {
      leftOut = List.copyOf(leftOut);
      titles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(titles));
    }
  }

  /**
   * Builds the input of {@link ItemAnalysis#analyse} for an assessment (three queries: the
   * questions, the plans with scores, the responses).
   *
   * @param assessmentId the assessment
   * @param teacherId a teacher of the assessment's centre
   * @return the input
   * @throws DomainException {@code error.assessment.unknown} when the assessment is not of the
   *     teacher's centre
   */
  public Input input(long assessmentId, long teacherId) {
    Assessment assessment = monitor.teachersAssessment(assessmentId, teacherId);
    List<AssessmentItem> stored =
        em.createQuery(
                "SELECT i FROM AssessmentItem i WHERE i.assessmentId = :a ORDER BY i.position",
                AssessmentItem.class)
            .setParameter("a", assessmentId)
            .getResultList();
    Map<String, Item> items = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    for (AssessmentItem s : stored) {
      Item item = sources.item(s);
      items.put(s.getIdentifier(), item);
      titles.put(s.getIdentifier(), item.displayTitle());
    }
    long waiting =
        em.createQuery(
                "SELECT COUNT(t) FROM Attempt t WHERE t.assessmentId = :a AND t.status = :s"
                    + " AND t.gradedAt IS NULL",
                Long.class)
            .setParameter("a", assessmentId)
            .setParameter("s", AttemptStatus.SUBMITTED)
            .getSingleResult();
    List<AttemptItem> planned =
        em.createQuery(
                "SELECT i FROM AttemptItem i, Attempt t WHERE i.attemptId = t.id"
                    + " AND t.assessmentId = :a AND t.status = :s AND t.gradedAt IS NOT NULL"
                    + " ORDER BY t.submittedAt, t.id, i.position",
                AttemptItem.class)
            .setParameter("a", assessmentId)
            .setParameter("s", AttemptStatus.SUBMITTED)
            .getResultList();
    // attempt -> item -> planned row, attempts in submission order
    Map<String, Map<String, AttemptItem>> plans = new LinkedHashMap<>();
    for (AttemptItem i : planned) {
      plans.computeIfAbsent(i.getAttemptId(), k -> new HashMap<>()).put(i.getItemIdentifier(), i);
    }
    if (plans.isEmpty()) {
      return new Input(assessment, Optional.empty(), 0, (int) waiting, List.of(), titles);
    }
    Map<String, String> payloads = new HashMap<>();
    for (AttemptResponse r :
        em.createQuery(
                "SELECT r FROM AttemptResponse r, Attempt t WHERE r.attemptId = t.id"
                    + " AND t.assessmentId = :a AND t.status = :s AND t.gradedAt IS NOT NULL",
                AttemptResponse.class)
            .setParameter("a", assessmentId)
            .setParameter("s", AttemptStatus.SUBMITTED)
            .getResultList()) {
      payloads.put(r.getAttemptId() + "\n" + r.getItemIdentifier(), r.getPayload());
    }

    SittingResults.Builder builder = SittingResults.builder();
    List<String> analysed = new ArrayList<>();
    List<String> leftOut = new ArrayList<>();
    for (Map.Entry<String, Item> e : items.entrySet()) {
      String id = e.getKey();
      BigDecimal max = BigDecimal.ZERO;
      int drawn = 0;
      for (Map<String, AttemptItem> plan : plans.values()) {
        AttemptItem i = plan.get(id);
        if (i != null) {
          drawn++;
          max = max.max(i.getPoints());
        }
      }
      if (drawn == 0 || max.signum() <= 0) {
        continue; // not drawn by anyone, or a description / a question worth nothing
      }
      if (drawn < plans.size()) {
        leftOut.add(id);
        continue;
      }
      builder.item(id, max, choiceIds(e.getValue()).toArray(String[]::new));
      analysed.add(id);
    }
    if (analysed.isEmpty()) {
      return new Input(assessment, Optional.empty(), plans.size(), (int) waiting, leftOut, titles);
    }
    for (Map.Entry<String, Map<String, AttemptItem>> attempt : plans.entrySet()) {
      for (String id : analysed) {
        AttemptItem i = attempt.getValue().get(id);
        Item item = items.get(id);
        BigDecimal score = i.getScore() == null ? BigDecimal.ZERO : i.getScore();
        String[] chosen =
            chosen(item, payloads.get(attempt.getKey() + "\n" + id), attempt.getKey());
        builder.response(attempt.getKey(), id, score, chosen);
      }
    }
    return new Input(
        assessment, Optional.of(builder.build()), plans.size(), (int) waiting, leftOut, titles);
  }

  /** The option ids of a choice item in stored order; empty for any other type. */
  static List<String> choiceIds(Item item) {
    if (!isChoiceItem(item.type())) {
      return List.of();
    }
    return item.choices().stream().map(Choice::id).toList();
  }

  private static boolean isChoiceItem(ItemType type) {
    return type == ItemType.CHOICE_SINGLE
        || type == ItemType.CHOICE_MULTIPLE
        || type == ItemType.TRUE_FALSE;
  }

  // The declared options a saved response chose, in declaration order.
  private static String[] chosen(Item item, String payload, String attemptId) {
    if (!isChoiceItem(item.type()) || payload == null) {
      return new String[0];
    }
    ChoiceResponse response;
    try {
      response = (ChoiceResponse) ResponsePayloads.read(item.type(), payload);
    } catch (IllegalArgumentException e) {
      LOG.fine("attempt " + attemptId + ", " + item.identifier() + ": unreadable response");
      return new String[0];
    }
    return choiceIds(item).stream().filter(response.choiceIds()::contains).toArray(String[]::new);
  }
}
