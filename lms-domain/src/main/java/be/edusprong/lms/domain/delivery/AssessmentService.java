package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.gift.GiftParser;
import be.edusprong.lms.assessment.gift.GiftSyntaxException;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.centre.Centre;
import be.edusprong.lms.domain.centre.Centres;
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

  /**
   * Sets who may start an attempt and what follows from it (issue 3, point 3).
   *
   * @param assessmentId the assessment
   * @param accessCode the code learners must type to start (given out in the exam room), 4..64
   *     characters without spaces, compared exactly; null or blank for none
   * @param allowedIpRanges CIDR blocks separated by spaces or commas (see {@link IpRanges}); null
   *     or blank for anywhere
   * @param passMarkPercent the pass mark in percent of the maximum score, 0..100 with at most two
   *     decimals; null for none
   * @param review what learners see after submitting
   * @return the assessment as changed
   * @throws DomainException {@code error.assessment.unknown}; {@code error.assessment.invalid}
   *     (reason) for a code of the wrong length or with spaces, ranges that do not parse (naming
   *     the block), a pass mark out of range, or no review level
   */
  public Assessment configureAccess(
      long assessmentId,
      String accessCode,
      String allowedIpRanges,
      BigDecimal passMarkPercent,
      Review review) {
    Assessment assessment = require(assessmentId);
    String code = accessCode == null || accessCode.isBlank() ? null : accessCode.strip();
    if (code != null && (code.length() < 4 || code.length() > 64 || code.matches(".*\\s.*"))) {
      throw invalid("an access code is 4..64 characters without spaces");
    }
    IpRanges ranges;
    try {
      ranges = IpRanges.parse(allowedIpRanges).orElse(null);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
    if (passMarkPercent != null
        && (passMarkPercent.signum() < 0
            || passMarkPercent.compareTo(BigDecimal.valueOf(100)) > 0
            || passMarkPercent.stripTrailingZeros().scale() > 2)) {
      throw invalid("a pass mark is 0..100 percent with at most two decimals");
    }
    if (review == null) {
      throw invalid("a review level is required");
    }
    assessment.setAccess(code, ranges, passMarkPercent, review);
    return assessment;
  }

  /**
   * Grants, changes or (with zero extra time and attempts) removes a learner's accommodation for an
   * assessment. It applies to attempts started from now on; a running attempt keeps its deadline.
   *
   * @param assessmentId the assessment
   * @param learnerId a learner of the assessment's centre
   * @param extraTimePercent extra time, 0..{@value Accommodation#MAX_EXTRA_TIME_PERCENT} percent of
   *     the time limit
   * @param extraAttempts attempts on top of the assessment's, 0..{@value
   *     Accommodation#MAX_EXTRA_ATTEMPTS}
   * @param reason why, at most {@value Accommodation#MAX_REASON} characters; may be null
   * @return the accommodation, or empty when it was removed
   * @throws DomainException {@code error.assessment.unknown}; {@code error.account.unknown} for an
   *     account that is not a learner of the centre; {@code error.assessment.invalid} (reason) for
   *     values out of range
   */
  public Optional<Accommodation> accommodate(
      long assessmentId, long learnerId, int extraTimePercent, int extraAttempts, String reason) {
    Assessment assessment = require(assessmentId);
    UserAccount learner = em.find(UserAccount.class, learnerId);
    if (learner == null
        || !learner.hasRole(Role.LEARNER)
        || !learner.getCentre().getId().equals(assessment.getCentre().getId())) {
      throw new DomainException(
          "error.account.unknown", "no learner " + learnerId + " in the assessment's centre");
    }
    if (extraTimePercent < 0 || extraTimePercent > Accommodation.MAX_EXTRA_TIME_PERCENT) {
      throw invalid("extra time is 0.." + Accommodation.MAX_EXTRA_TIME_PERCENT + " percent");
    }
    if (extraAttempts < 0 || extraAttempts > Accommodation.MAX_EXTRA_ATTEMPTS) {
      throw invalid("extra attempts are 0.." + Accommodation.MAX_EXTRA_ATTEMPTS);
    }
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > Accommodation.MAX_REASON) {
      throw invalid("a reason is at most " + Accommodation.MAX_REASON + " characters");
    }
    Accommodation existing =
        em.find(Accommodation.class, new Accommodation.Key(assessmentId, learnerId));
    if (extraTimePercent == 0 && extraAttempts == 0) {
      if (existing != null) {
        em.remove(existing);
      }
      return Optional.empty();
    }
    Accommodation accommodation =
        existing != null ? existing : new Accommodation(assessmentId, learnerId);
    accommodation.set(extraTimePercent, extraAttempts, why);
    if (existing == null) {
      em.persist(accommodation);
    }
    return Optional.of(accommodation);
  }

  /**
   * The assessments of a learner's centre with what the learner has done in them, for their list of
   * exams: newest first.
   *
   * @param learnerId the learner's account
   * @return one row per assessment of the centre; empty for an unknown account
   */
  public List<LearnerAssessment> forLearner(long learnerId) {
    UserAccount learner = em.find(UserAccount.class, learnerId);
    if (learner == null) {
      return List.of();
    }
    Instant now = clock.instant();
    List<LearnerAssessment> rows = new ArrayList<>();
    for (Assessment a :
        em.createQuery(
                "SELECT a FROM Assessment a WHERE a.centre.id = :c ORDER BY a.createdAt DESC,"
                    + " a.id DESC",
                Assessment.class)
            .setParameter("c", learner.getCentre().getId())
            .getResultList()) {
      List<Attempt> attempts =
          em.createQuery(
                  "SELECT t FROM Attempt t WHERE t.assessmentId = :a AND t.learnerId = :l",
                  Attempt.class)
              .setParameter("a", a.getId())
              .setParameter("l", learnerId)
              .getResultList();
      Accommodation accommodation =
          em.find(Accommodation.class, new Accommodation.Key(a.getId(), learnerId));
      String active =
          attempts.stream().filter(Attempt::isActive).map(Attempt::getId).findFirst().orElse(null);
      rows.add(
          new LearnerAssessment(
              a,
              attempts.size(),
              a.getMaxAttempts() + (accommodation == null ? 0 : accommodation.getExtraAttempts()),
              active,
              a.isOpenAt(now)));
    }
    return rows;
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

  private Assessment require(long assessmentId) {
    Assessment assessment = em.find(Assessment.class, assessmentId);
    if (assessment == null) {
      throw new DomainException(
          "error.assessment.unknown", "no assessment " + assessmentId, assessmentId);
    }
    return assessment;
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
