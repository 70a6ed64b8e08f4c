package be.edusprong.lms.domain.delivery;

import be.edusprong.lms.assessment.gift.GiftSyntaxException;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
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
   * Creates an assessment from GIFT questions: one section with every question, in order.
   *
   * @see #createSectioned
   */
  public Assessment create(
      String centreCode,
      String title,
      Duration timeLimit,
      Instant opensAt,
      Instant closesAt,
      int maxAttempts,
      List<String> giftQuestions) {
    return createSectioned(
        centreCode,
        title,
        timeLimit,
        opensAt,
        closesAt,
        maxAttempts,
        false,
        List.of(
            new SectionSpec(
                null,
                giftQuestions == null
                    ? List.of()
                    : giftQuestions.stream().map(QuestionSource::gift).toList(),
                giftQuestions == null ? 0 : giftQuestions.size(),
                false)));
  }

  /**
   * A question's source for {@link #createSectioned}.
   *
   * @param format {@link AssessmentItem#GIFT} or {@link AssessmentItem#QTI3}
   * @param source the GIFT text of exactly one question, or one QTI 3.0 {@code qti-assessment-item}
   *     document
   */
  public record QuestionSource(String format, String source) {
    /** A GIFT question. */
    public static QuestionSource gift(String source) {
      return new QuestionSource(AssessmentItem.GIFT, source);
    }

    /** A QTI 3.0 item document. */
    public static QuestionSource qti3(String source) {
      return new QuestionSource(AssessmentItem.QTI3, source);
    }
  }

  /**
   * A section for {@link #createSectioned}: fixed questions ({@code draw} = their number) or a pool
   * to draw from.
   *
   * @param title shown above it, at most {@value #MAX_TITLE} characters; null for none
   * @param questions its questions, at least one
   * @param draw how many each attempt gets, {@code 1..questions.size()}
   * @param shuffle whether the drawn questions are shown in random order
   */
  public record SectionSpec(
      String title, List<QuestionSource> questions, int draw, boolean shuffle) {
    /** Copies the list. */
    public SectionSpec {
      questions = questions == null ? List.of() : List.copyOf(questions);
    }
  }

  /**
   * Creates an assessment of sections (issue 3, point 3): fixed questions or pools that each
   * attempt draws from, shuffled or not. Every question is worth 1 point (a description 0) until
   * {@link #setPoints} says otherwise.
   *
   * @param centreCode the centre it belongs to
   * @param title its title, not blank, at most {@value #MAX_TITLE} characters
   * @param timeLimit the time limit, whole seconds, positive; null for none
   * @param opensAt when attempts may start; null for at once
   * @param closesAt when the window closes, after {@code opensAt}; null for never
   * @param maxAttempts attempts per learner, {@code >= 1}
   * @param shuffleOptions whether choice options are shown in a random order per attempt
   * @param sections the sections in order, at least one
   * @return the assessment, stored
   * @throws DomainException {@code error.centre.unknown}; {@code error.assessment.invalid} (with
   *     the reason) for a blank or long title, no questions, a limit that is not a positive whole
   *     number of seconds, a window that closes before it opens, fewer than one attempt, a section
   *     without questions or a draw outside {@code 1..questions}; {@code error.assessment.gift}
   *     (question number, reason with line and column) for a question that is not exactly one valid
   *     question of its format; {@code error.assessment.duplicateItem} (identifier) when two
   *     questions have the same identifier
   */
  public Assessment createSectioned(
      String centreCode,
      String title,
      Duration timeLimit,
      Instant opensAt,
      Instant closesAt,
      int maxAttempts,
      boolean shuffleOptions,
      List<SectionSpec> sections) {
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
    if (sections == null
        || sections.isEmpty()
        || sections.stream().anyMatch(sec -> sec.questions().isEmpty())) {
      throw invalid("an assessment has at least one question in every section");
    }
    for (SectionSpec section : sections) {
      if (section.draw() < 1 || section.draw() > section.questions().size()) {
        throw invalid(
            "a section draws 1.."
                + section.questions().size()
                + " questions, not "
                + section.draw());
      }
      if (section.title() != null && section.title().strip().length() > MAX_TITLE) {
        throw invalid("a section title is at most " + MAX_TITLE + " characters");
      }
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
    List<QuestionSource> all = sections.stream().flatMap(sec -> sec.questions().stream()).toList();
    List<Item> items = parse(all);
    Assessment assessment =
        new Assessment(
            centre, title.strip(), timeLimit, opensAt, closesAt, maxAttempts, clock.instant());
    assessment.setShuffleOptions(shuffleOptions);
    em.persist(assessment);
    em.flush();
    int position = 0;
    for (int s = 0; s < sections.size(); s++) {
      SectionSpec section = sections.get(s);
      em.persist(
          new AssessmentSection(
              assessment.getId(),
              s + 1,
              section.title() == null || section.title().isBlank() ? null : section.title().strip(),
              section.draw(),
              section.shuffle()));
      for (QuestionSource q : section.questions()) {
        Item item = items.get(position);
        position++;
        em.persist(
            new AssessmentItem(
                assessment.getId(),
                position,
                item.identifier(),
                q.format(),
                q.source(),
                s + 1,
                item.type() == ItemType.DESCRIPTION ? BigDecimal.ZERO : BigDecimal.ONE));
      }
    }
    return assessment;
  }

  /**
   * Everything a teacher decides when making an assessment in the editor.
   *
   * @param ownerId the teacher making it, of the centre
   * @param title see {@link #createSectioned}
   * @param timeLimit see {@link #createSectioned}
   * @param opensAt see {@link #createSectioned}
   * @param closesAt see {@link #createSectioned}
   * @param maxAttempts see {@link #createSectioned}
   * @param shuffleOptions see {@link #createSectioned}
   * @param sections see {@link #createSectioned}
   * @param accessCode see {@link #configureAccess}
   * @param allowedIpRanges see {@link #configureAccess}
   * @param passMarkPercent see {@link #configureAccess}
   * @param review see {@link #configureAccess}
   */
  public record Draft(
      long ownerId,
      String title,
      Duration timeLimit,
      Instant opensAt,
      Instant closesAt,
      int maxAttempts,
      boolean shuffleOptions,
      List<SectionSpec> sections,
      String accessCode,
      String allowedIpRanges,
      BigDecimal passMarkPercent,
      Review review) {}

  /**
   * Makes an assessment in one go (the editor): sections and settings are all stored, or, when one
   * is refused, nothing is.
   *
   * @param draft what the teacher decided
   * @return the assessment, owned by the teacher
   * @throws DomainException {@code error.account.unknown} when the owner is no teacher; every
   *     refusal of {@link #createSectioned} and {@link #configureAccess}
   */
  public Assessment create(Draft draft) {
    UserAccount owner = em.find(UserAccount.class, draft.ownerId());
    if (owner == null || !owner.hasRole(Role.TEACHER)) {
      throw new DomainException(
          "error.account.unknown", "account " + draft.ownerId() + " is no teacher");
    }
    Assessment assessment =
        createSectioned(
            owner.getCentre().getCode(),
            draft.title(),
            draft.timeLimit(),
            draft.opensAt(),
            draft.closesAt(),
            draft.maxAttempts(),
            draft.shuffleOptions(),
            draft.sections());
    assessment.setOwnerId(owner.getId());
    return configureAccess(
        assessment.getId(),
        draft.accessCode(),
        draft.allowedIpRanges(),
        draft.passMarkPercent(),
        draft.review() == null ? Review.SCORE : draft.review());
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
              a, attempts.size(), a.attemptsAllowed(accommodation), active, a.isOpenAt(now)));
    }
    return rows;
  }

  /**
   * Sets what a question is worth and, for an essay, its rubric (issue 3, point 5). With a rubric
   * the question is worth the sum of its criteria. Applies to attempts planned from now on.
   *
   * @param assessmentId the assessment
   * @param identifier the question
   * @param points what it is worth, 0..1000 with at most two decimals; ignored with a rubric
   * @param rubric the criteria of an essay's rubric; null or empty for none
   * @return the question as changed
   * @throws DomainException {@code error.assessment.unknown}; {@code error.delivery.itemUnknown}
   *     (identifier); {@code error.assessment.invalid} (reason) for points out of range, a rubric
   *     on a question that is not an essay, or a criterion without name or points
   */
  public AssessmentItem setPoints(
      long assessmentId,
      String identifier,
      BigDecimal points,
      List<GradingService.Criterion> rubric) {
    require(assessmentId);
    AssessmentItem stored =
        items(assessmentId).stream()
            .filter(i -> i.getIdentifier().equals(identifier))
            .findFirst()
            .orElseThrow(
                () ->
                    new DomainException(
                        "error.delivery.itemUnknown",
                        "assessment " + assessmentId + " has no question " + identifier,
                        identifier));
    if (rubric != null && !rubric.isEmpty()) {
      if (ItemSources.parse(stored.getSourceFormat(), stored.getSource(), assessmentId).type()
          != ItemType.ESSAY) {
        throw invalid("only an essay has a rubric");
      }
      String json;
      try {
        json = GradingService.rubricJson(rubric);
      } catch (IllegalArgumentException e) {
        throw invalid(e.getMessage());
      }
      BigDecimal sum =
          rubric.stream()
              .map(GradingService.Criterion::points)
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.compareTo(BigDecimal.valueOf(1000)) > 0 || sum.stripTrailingZeros().scale() > 2) {
        throw invalid("a rubric is worth at most 1000 points, with at most two decimals");
      }
      stored.setPointsAndRubric(sum, json);
      return stored;
    }
    if (points == null
        || points.signum() < 0
        || points.compareTo(BigDecimal.valueOf(1000)) > 0
        || points.stripTrailingZeros().scale() > 2) {
      throw invalid("a question is worth 0..1000 points with at most two decimals");
    }
    stored.setPointsAndRubric(points, null);
    return stored;
  }

  /**
   * The accommodations granted for an assessment.
   *
   * @param assessmentId the assessment
   * @return by learner id
   */
  public List<Accommodation> accommodations(long assessmentId) {
    return em.createQuery(
            "SELECT a FROM Accommodation a WHERE a.key.assessmentId = :a ORDER BY a.key.learnerId",
            Accommodation.class)
        .setParameter("a", assessmentId)
        .getResultList();
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

  private static List<Item> parse(List<QuestionSource> questions) {
    Set<String> identifiers = new HashSet<>();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      QuestionSource q = questions.get(i);
      Item item;
      try {
        item =
            ItemSources.parse(
                q == null ? AssessmentItem.GIFT : q.format(),
                q == null || q.source() == null ? "" : q.source(),
                0);
      } catch (GiftSyntaxException | IllegalArgumentException e) {
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
