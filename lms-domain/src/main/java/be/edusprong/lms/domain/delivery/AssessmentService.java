package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.gift.GiftSyntaxException;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.centre.Centre;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creating and finding assessments. In this slice an assessment is a fixed list of GIFT questions;
 * sections, pools and shuffling come later (issue 3, point 3).
 */
@ApplicationScoped
@Transactional
public class AssessmentService {
  /** Longest title, as the column allows. */
  public static final int MAX_TITLE = 200;

  /** Longest item identifier, as the column allows. */
  public static final int MAX_IDENTIFIER = 200;

  @Inject EntityManager em;
  @Inject Centres centres;
  @Inject Clock clock;

  /**
   * Creates an assessment from GIFT questions.
   *
   * @param centreCode the centre it belongs to
   * @param title its title, not blank, at most {@value #MAX_TITLE} characters
   * @param timeLimit the time limit, whole seconds, positive; null for none
   * @param opensAt when attempts may start; null for at once
   * @param closesAt when the window closes, after {@code opensAt}; null for never
   * @param maxAttempts attempts per learner, {@code >= 1}
   * @param giftQuestions the questions in order, each the GIFT text of exactly one question
   * @return the assessment, stored
   * @throws DomainException {@code error.centre.unknown}; {@code error.assessment.invalid} (with
   *     the reason) for a blank or long title, no questions, a limit that is not a positive whole
   *     number of seconds, a window that closes before it opens or fewer than one attempt; {@code
   *     error.assessment.gift} (question number, {@code file:line:column: reason}) for a question
   *     that is not exactly one valid GIFT question; {@code error.assessment.duplicateItem}
   *     (identifier) when two questions have the same identifier
   */
  public Assessment create(
      String centreCode,
      String title,
      Duration timeLimit,
      Instant opensAt,
      Instant closesAt,
      int maxAttempts,
      List<String> giftQuestions) {
    Centre centre =
        centres
            .byCode(centreCode)
            .orElseThrow(
                () ->
                    new DomainException(
                        "error.centre.unknown", "no centre with code " + centreCode));
    if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
      throw invalid("a title is 1.." + MAX_TITLE + " characters");
    }
    if (giftQuestions == null || giftQuestions.isEmpty()) {
      throw invalid("an assessment has at least one question");
    }
    if (timeLimit != null
        && (timeLimit.isNegative()
            || timeLimit.isZero()
            || timeLimit.getNano() != 0
            || timeLimit.getSeconds() > Integer.MAX_VALUE)) {
      throw invalid("a time limit is a positive whole number of seconds, was " + timeLimit);
    }
    if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
      throw invalid("the window closes after it opens");
    }
    if (maxAttempts < 1) {
      throw invalid("at least one attempt is allowed, was " + maxAttempts);
    }
    List<Item> items = parse(giftQuestions);
    Assessment assessment =
        new Assessment(
            centre, title.strip(), timeLimit, opensAt, closesAt, maxAttempts, clock.instant());
    em.persist(assessment);
    em.flush();
    for (int i = 0; i < items.size(); i++) {
      em.persist(
          new AssessmentItem(
              assessment.getId(), i + 1, items.get(i).identifier(), giftQuestions.get(i)));
    }
    return assessment;
  }

  /** The assessment with this id, if any. */
  public Optional<Assessment> find(long assessmentId) {
    return Optional.ofNullable(em.find(Assessment.class, assessmentId));
  }

  /** The questions of an assessment, in order. */
  public List<AssessmentItem> items(long assessmentId) {
    return em.createQuery(
            "SELECT i FROM AssessmentItem i WHERE i.assessmentId = :a ORDER BY i.position",
            AssessmentItem.class)
        .setParameter("a", assessmentId)
        .getResultList();
  }

  private static List<Item> parse(List<String> giftQuestions) {
    GiftParser parser = new GiftParser();
    Set<String> identifiers = new HashSet<>();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < giftQuestions.size(); i++) {
      String source = giftQuestions.get(i);
      String name = "question-" + (i + 1);
      Item item;
      try {
        item = parser.parseStored(source == null ? "" : source, name, "", 1);
      } catch (GiftSyntaxException e) {
        throw new DomainException(
            "error.assessment.gift",
            "question " + (i + 1) + ": " + e.getMessage(),
            i + 1,
            e.getMessage());
      }
      if (item.identifier().length() > MAX_IDENTIFIER) {
        throw invalid("an identifier is at most " + MAX_IDENTIFIER + " characters");
      }
      if (!identifiers.add(item.identifier())) {
        throw new DomainException(
            "error.assessment.duplicateItem",
            "two questions have identifier " + item.identifier(),
            item.identifier());
      }
      items.add(item);
    }
    return items;
  }

  private static DomainException invalid(String reason) {
    return new DomainException("error.assessment.invalid", reason, reason);
  }
}
