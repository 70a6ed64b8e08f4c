package be.edusprong.lms.domain.delivery;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.delivery.AttemptTimer;
import be.edusprong.lms.assessment.delivery.Receipt;
import be.edusprong.lms.assessment.delivery.ReceiptChain;
import be.edusprong.lms.assessment.delivery.ResponseVersions;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Delivering an exam (issue 3, point 4): start, the questions without their key, versioned saves
 * with signed receipts, the server's time left, submit, the server's submit at the deadline, and
 * the receipt list.
 *
 * <p>Every method that changes an attempt first locks its row ({@code SELECT ... FOR UPDATE}), so
 * saves of one attempt are serialized across all instances, and writes the response and its receipt
 * in the same transaction: there is never a receipt without its response nor a stored response
 * without its receipt. The server's clock is the injected {@link Clock}.
 *
 * <p>A learner only reaches their own attempts. Someone else's attempt is refused exactly like an
 * unknown one ({@code error.attempt.unknown}), so ids cannot be probed.
 */
@ApplicationScoped
@Transactional
public class DeliveryService {
  /** Largest response payload accepted, in UTF-8 bytes (an essay of some 10,000 words). */
  public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

  @Inject EntityManager em;
  @Inject Clock clock;
  @Inject SigningKeys keys;
  @Inject ItemSources sources;
  @Inject AttemptPlans plans;
  @Inject GradingService grading;

  /**
   * Starts an attempt, or returns the learner's running one (a second start, e.g. from another tab
   * or after a crash, resumes it without asking for the access code again). The deadline is fixed
   * now from {@link AttemptTimer}: the time limit plus the learner's {@link Accommodation} extra
   * time, capped at the window close. Logs {@link IntegrityEventKind#START}.
   *
   * @param assessmentId the assessment
   * @param learnerId the learner's account
   * @param accessCode the code the learner typed, or null; checked only when the assessment asks
   *     one
   * @param ip the client's address ({@code ServletRequest.getRemoteAddr()}), or null when unknown
   *     (then an assessment with allowed IP ranges refuses)
   * @return the active attempt
   * @throws DomainException {@code error.assessment.unknown} when there is no such assessment in
   *     the learner's centre; {@code error.delivery.notLearner} when the account is no learner;
   *     {@code error.delivery.notOpen} before the window opens; {@code error.delivery.closed} from
   *     the window close on; {@code error.delivery.noAttemptsLeft} (the maximum) when every allowed
   *     attempt was used (the assessment's number plus the accommodation's extra attempts); {@code
   *     error.delivery.accessCode} for a missing or wrong access code; {@code
   *     error.delivery.ipNotAllowed} (the address) from outside the allowed ranges
   */
  public Attempt start(long assessmentId, long learnerId, String accessCode, String ip) {
    // Locking the learner's row serializes their starts on every instance (two tabs starting at
    // once get one attempt); the unique key on active attempts backs this up.
    UserAccount learner = em.find(UserAccount.class, learnerId, LockModeType.PESSIMISTIC_WRITE);
    if (learner == null || !learner.isActive() || !learner.hasRole(Role.LEARNER)) {
      throw new DomainException(
          "error.delivery.notLearner", "account " + learnerId + " is no active learner");
    }
    Assessment assessment = em.find(Assessment.class, assessmentId);
    if (assessment == null || !assessment.getCentre().getId().equals(learner.getCentre().getId())) {
      throw new DomainException(
          "error.assessment.unknown", "no assessment " + assessmentId + " for " + learnerId);
    }
    List<Attempt> attempts =
        em.createQuery(
                "SELECT a FROM Attempt a WHERE a.assessmentId = :a AND a.learnerId = :l",
                Attempt.class)
            .setParameter("a", assessmentId)
            .setParameter("l", learnerId)
            .getResultList();
    Optional<Attempt> running = attempts.stream().filter(Attempt::isActive).findFirst();
    if (running.isPresent()) {
      return running.get();
    }
    Optional<Attempt> prepared =
        attempts.stream().filter(a -> a.getStatus() == AttemptStatus.PREPARED).findFirst();
    long used = attempts.stream().filter(a -> a.getStatus() != AttemptStatus.PREPARED).count();
    Instant now = now();
    if (assessment.getOpensAt() != null && now.isBefore(assessment.getOpensAt())) {
      throw new DomainException(
          "error.delivery.notOpen", "assessment " + assessmentId + " is not open yet");
    }
    if (!assessment.isOpenAt(now)) {
      throw new DomainException(
          "error.delivery.closed", "assessment " + assessmentId + " has closed");
    }
    Accommodation accommodation =
        em.find(Accommodation.class, new Accommodation.Key(assessmentId, learnerId));
    int allowed = assessment.attemptsAllowed(accommodation);
    if (used >= allowed) {
      throw new DomainException(
          "error.delivery.noAttemptsLeft",
          "learner " + learnerId + " used all " + allowed + " attempts",
          allowed);
    }
    if (assessment.getAccessCode() != null
        && (accessCode == null
            || !MessageDigest.isEqual(
                assessment.getAccessCode().getBytes(StandardCharsets.UTF_8),
                accessCode.strip().getBytes(StandardCharsets.UTF_8)))) {
      throw new DomainException(
          "error.delivery.accessCode", "wrong or missing access code for " + assessmentId);
    }
    requireAllowedAddress(assessment, ip);
    AttemptTimer timer =
        AttemptTimer.start(
            now,
            assessment.getTimeLimit(),
            accommodation == null ? 0 : accommodation.getExtraTimePercent(),
            assessment.getClosesAt());
    Attempt attempt;
    if (prepared.isPresent()) {
      attempt = prepared.get();
    } else {
      attempt = plans.create(assessment, learnerId);
    }
    attempt.begin(timer);
    log(
        attempt,
        IntegrityEventKind.START,
        now,
        ip,
        "attempt "
            + (used + 1)
            + " of "
            + allowed
            + (accommodation == null
                ? ""
                : "; accommodation +" + accommodation.getExtraTimePercent() + "% time")
            + (prepared.isPresent() ? "; prepared in advance" : ""));
    return attempt;
  }

  /**
   * Opens a delivery of an attempt: the one tab on one device that may save (issue 3, point 4). The
   * first delivery gets the attempt at once; a reload that sends its token back keeps it ({@link
   * DeliveryOpening.Status#RESUMED}, logged as {@link IntegrityEventKind#RESUME}); any other
   * delivery gets {@link DeliveryOpening.Status#IN_USE} until the learner confirms the takeover,
   * after which it holds the attempt and the earlier one is locked out ({@link
   * IntegrityEventKind#TAKEOVER}). The token lives in the attempt row, so every instance sees it.
   *
   * @param attemptId the attempt
   * @param learnerId the learner, who must own it
   * @param token the token this tab held before (from a reload), or null
   * @param takeover true when the learner confirmed taking the attempt over from another delivery
   * @param ip the client's address, or null
   * @return the decision and, unless refused, the token to send with every save
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's;
   *     {@code error.delivery.ipNotAllowed} (the address) from outside the allowed ranges
   */
  public DeliveryOpening open(
      String attemptId, long learnerId, String token, boolean takeover, String ip) {
    Attempt attempt = owned(attemptId, learnerId, LockModeType.PESSIMISTIC_WRITE);
    if (!attempt.isActive()) {
      return new DeliveryOpening(DeliveryOpening.Status.SUBMITTED, null, null);
    }
    Assessment assessment = em.find(Assessment.class, attempt.getAssessmentId());
    requireAllowedAddress(assessment, ip);
    Instant now = now();
    String current = attempt.getDeliveryToken();
    if (current == null) {
      String fresh = UUID.randomUUID().toString();
      attempt.openDelivery(fresh, now, ip);
      return new DeliveryOpening(DeliveryOpening.Status.OPENED, fresh, now);
    }
    if (current.equals(token)) {
      noteAddress(attempt, now, ip);
      log(attempt, IntegrityEventKind.RESUME, now, ip, "same delivery reopened");
      return new DeliveryOpening(
          DeliveryOpening.Status.RESUMED, current, attempt.getDeliveryOpenedAt());
    }
    if (!takeover) {
      return new DeliveryOpening(
          DeliveryOpening.Status.IN_USE, null, attempt.getDeliveryOpenedAt());
    }
    String previousIp = attempt.getDeliveryIp();
    Instant previousOpened = attempt.getDeliveryOpenedAt();
    String fresh = UUID.randomUUID().toString();
    attempt.openDelivery(fresh, now, ip);
    log(
        attempt,
        IntegrityEventKind.TAKEOVER,
        now,
        ip,
        "took over the delivery opened at " + previousOpened + " from " + previousIp);
    return new DeliveryOpening(DeliveryOpening.Status.TAKEN_OVER, fresh, now);
  }

  /**
   * Records an event the exam page reports itself ({@link IntegrityEventKind#clientReported()}:
   * focus lost or regained) in the integrity log.
   *
   * @param attemptId the attempt
   * @param learnerId the learner, who must own it
   * @param token the delivery's token
   * @param kind a client-reported kind
   * @param detail a short note from the page, cut to {@value AttemptEvent#MAX_DETAIL} characters;
   *     may be null
   * @param ip the client's address, or null
   * @return true when recorded; false when the delivery does not hold the attempt (locked out, or
   *     the attempt was submitted)
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's;
   *     {@code error.delivery.badEvent} for a kind the page may not report
   */
  public boolean report(
      String attemptId,
      long learnerId,
      String token,
      IntegrityEventKind kind,
      String detail,
      String ip) {
    if (kind == null || !kind.clientReported()) {
      throw new DomainException(
          "error.delivery.badEvent", "the exam page cannot report " + kind, String.valueOf(kind));
    }
    Attempt attempt = owned(attemptId, learnerId, LockModeType.PESSIMISTIC_WRITE);
    if (!attempt.isActive() || token == null || !token.equals(attempt.getDeliveryToken())) {
      return false;
    }
    Instant now = now();
    noteAddress(attempt, now, ip);
    log(attempt, kind, now, ip, detail);
    return true;
  }

  /**
   * The integrity log of an attempt for a teacher of its centre (issue 3, point 4).
   *
   * @param attemptId the attempt
   * @param teacherId a teacher of the assessment's centre
   * @return the events, oldest first
   * @throws DomainException {@code error.attempt.unknown} when there is no such attempt or the
   *     account is no teacher of its centre
   */
  public List<AttemptEvent> integrityLog(String attemptId, long teacherId) {
    Attempt attempt = attemptId == null ? null : em.find(Attempt.class, attemptId);
    UserAccount teacher = em.find(UserAccount.class, teacherId);
    if (attempt == null
        || teacher == null
        || !teacher.hasRole(Role.TEACHER)
        || !em.find(Assessment.class, attempt.getAssessmentId())
            .getCentre()
            .getId()
            .equals(teacher.getCentre().getId())) {
      throw new DomainException(
          "error.attempt.unknown", "no attempt " + attemptId + " for teacher " + teacherId);
    }
    return em.createQuery(
            "SELECT e FROM AttemptEvent e WHERE e.attemptId = :a ORDER BY e.id", AttemptEvent.class)
        .setParameter("a", attemptId)
        .getResultList();
  }

  /**
   * The questions of an attempt as the exam page may see them, with the learner's saved responses:
   * no correct answers, weights or feedback (see {@link ItemView}).
   *
   * @return the questions in assessment order
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's
   */
  public List<ItemView> items(String attemptId, long learnerId) {
    Attempt attempt = owned(attemptId, learnerId, LockModeType.NONE);
    if (attempt.getStatus() == AttemptStatus.PREPARED) {
      // Prepared before the sitting: its questions stay hidden until the learner starts it.
      throw new DomainException(
          "error.attempt.unknown", "attempt " + attemptId + " has not been started");
    }
    Map<String, AttemptResponse> saved =
        em.createQuery(
                "SELECT r FROM AttemptResponse r WHERE r.attemptId = :a", AttemptResponse.class)
            .setParameter("a", attemptId)
            .getResultStream()
            .collect(Collectors.toMap(AttemptResponse::getItemIdentifier, Function.identity()));
    Map<String, AssessmentItem> questions =
        items(attempt.getAssessmentId()).stream()
            .collect(Collectors.toMap(AssessmentItem::getIdentifier, Function.identity()));
    List<ItemView> views = new ArrayList<>();
    for (AttemptItem planned : plans.planOf(attemptId)) {
      Item item = sources.item(questions.get(planned.getItemIdentifier()));
      AttemptResponse response = saved.get(planned.getItemIdentifier());
      views.add(
          view(
              planned.getPosition(),
              item,
              planned.getOptionOrder(),
              response == null ? 0 : response.getVersion(),
              response == null ? null : response.getPayload()));
    }
    return views;
  }

  /**
   * Saves the learner's response to one question, as decided by {@link ResponseVersions}; an
   * accepted save gets the next receipt of the attempt's chain ({@link ReceiptChain}), signed with
   * the platform key, stored in the same transaction as the response.
   *
   * <p>The payload's UTF-8 bytes are the canonical bytes of the response: their SHA-256 is the
   * receipt's digest and decides whether a same-version save is a {@code DUPLICATE} or a {@code
   * CONFLICT}, so a retry must send the same text.
   *
   * <p>Only the delivery that holds the attempt may save ({@link #open}); a save with another token
   * is {@code LOCKED} and logged as {@link IntegrityEventKind#LOCKED_OUT}. A save from another
   * address than the delivery's last one is logged as {@link IntegrityEventKind#IP_CHANGE} (and
   * refused outside the allowed ranges); a stale save as {@link IntegrityEventKind#STALE_SAVE}.
   *
   * @param attemptId the attempt
   * @param learnerId the learner, who must own it
   * @param token the delivery's token
   * @param itemIdentifier a question of the attempt's assessment
   * @param version the save's response version, {@code >= 1}
   * @param payloadJson the response as JSON, at most {@value #MAX_PAYLOAD_BYTES} bytes of UTF-8
   * @param ip the client's address, or null
   * @return the outcome: {@code ACCEPTED} with the new receipt, {@code DUPLICATE} with the original
   *     one, {@code CONFLICT} or {@code STALE} with the stored version (nothing written), {@code
   *     EXPIRED} from the deadline on, {@code SUBMITTED} after submission, {@code LOCKED} from a
   *     delivery that does not hold the attempt (nothing written)
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's;
   *     {@code error.delivery.itemUnknown} (identifier) for a question not in the assessment;
   *     {@code error.delivery.badResponse} for a version below 1 or a payload that is not a JSON
   *     object or too large; {@code error.delivery.ipNotAllowed} (the address) from outside the
   *     allowed ranges
   */
  public SaveResult save(
      String attemptId,
      long learnerId,
      String token,
      String itemIdentifier,
      long version,
      String payloadJson,
      String ip) {
    Attempt attempt = owned(attemptId, learnerId, LockModeType.PESSIMISTIC_WRITE);
    AttemptResponse stored =
        em.find(AttemptResponse.class, new AttemptResponse.Key(attemptId, itemIdentifier));
    long storedVersion = stored == null ? 0 : stored.getVersion();
    if (!attempt.isActive()) {
      return new SaveResult(SaveResult.Outcome.SUBMITTED, null, storedVersion);
    }
    Instant now = now();
    if (token == null || !token.equals(attempt.getDeliveryToken())) {
      log(attempt, IntegrityEventKind.LOCKED_OUT, now, ip, "save of " + itemIdentifier);
      return new SaveResult(SaveResult.Outcome.LOCKED, null, storedVersion);
    }
    if (ip != null && !ip.equals(attempt.getDeliveryIp())) {
      requireAllowedAddress(em.find(Assessment.class, attempt.getAssessmentId()), ip);
      noteAddress(attempt, now, ip);
    }
    Assessment assessment = em.find(Assessment.class, attempt.getAssessmentId());
    if (attempt.timer(assessment).expired(now)) {
      return new SaveResult(SaveResult.Outcome.EXPIRED, null, storedVersion);
    }
    if (stored == null && !plans.inPlan(attemptId, itemIdentifier)) {
      throw new DomainException(
          "error.delivery.itemUnknown",
          "attempt " + attemptId + " has no question " + itemIdentifier,
          itemIdentifier);
    }
    byte[] bytes = requireJson(payloadJson, version);
    String digest = Receipt.digestOf(bytes);
    ResponseVersions.Decision decision =
        ResponseVersions.decide(stored == null ? null : stored.stored(), version, digest);
    switch (decision) {
      case ACCEPT -> {
        ReceiptChain chain =
            attempt.getReceiptCount() == 0
                ? ReceiptChain.start(attemptId, keys.privateKey())
                : ReceiptChain.resume(lastReceipt(attempt), keys.privateKey());
        Receipt receipt = chain.append(itemIdentifier, bytes, version, now);
        if (stored == null) {
          stored = new AttemptResponse(attemptId, itemIdentifier);
          stored.replace(version, digest, payloadJson, receipt.serverTime());
          em.persist(stored);
        } else {
          stored.replace(version, digest, payloadJson, receipt.serverTime());
        }
        em.persist(new AttemptReceipt(receipt));
        attempt.advance(receipt);
        return new SaveResult(SaveResult.Outcome.ACCEPTED, receipt, version);
      }
      case DUPLICATE -> {
        Receipt original =
            em.createQuery(
                    "SELECT r FROM AttemptReceipt r WHERE r.attemptId = :a"
                        + " AND r.itemIdentifier = :i AND r.responseVersion = :v",
                    AttemptReceipt.class)
                .setParameter("a", attemptId)
                .setParameter("i", itemIdentifier)
                .setParameter("v", version)
                .getSingleResult()
                .toReceipt();
        return new SaveResult(SaveResult.Outcome.DUPLICATE, original, storedVersion);
      }
      case CONFLICT -> {
        return new SaveResult(SaveResult.Outcome.CONFLICT, null, storedVersion);
      }
      default -> {
        log(
            attempt,
            IntegrityEventKind.STALE_SAVE,
            now,
            ip,
            itemIdentifier + ": version " + version + " after " + storedVersion);
        return new SaveResult(SaveResult.Outcome.STALE, null, storedVersion);
      }
    }
  }

  /**
   * The time the learner has left, by the server's clock.
   *
   * @return the time to the deadline, never negative; zero once submitted; empty when the attempt
   *     has no deadline
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's
   */
  public Optional<Duration> timeLeft(String attemptId, long learnerId) {
    Attempt attempt = owned(attemptId, learnerId, LockModeType.NONE);
    if (!attempt.isActive()) {
      return Optional.of(Duration.ZERO);
    }
    Assessment assessment = em.find(Assessment.class, attempt.getAssessmentId());
    return attempt.timer(assessment).timeLeft(now());
  }

  /**
   * Hands the attempt in; submitting again changes nothing. An attempt whose deadline has passed
   * counts as submitted by the server at its deadline, whoever asks first. Logged as {@link
   * IntegrityEventKind#SUBMIT} or {@link IntegrityEventKind#AUTO_SUBMIT}.
   *
   * @param attemptId the attempt
   * @param learnerId the learner, who must own it
   * @param token the token of the delivery that holds the attempt
   * @param ip the client's address, or null
   * @return the submitted attempt
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's;
   *     {@code error.delivery.locked} when an active attempt is held by another delivery
   */
  // The refusal of a locked-out delivery keeps its LOCKED_OUT entry in the integrity log.
  @Transactional(dontRollbackOn = DomainException.class)
  public Attempt submit(String attemptId, long learnerId, String token, String ip) {
    Attempt attempt = owned(attemptId, learnerId, LockModeType.PESSIMISTIC_WRITE);
    if (attempt.isActive()) {
      Instant now = now();
      AttemptTimer timer = attempt.timer(em.find(Assessment.class, attempt.getAssessmentId()));
      if (timer.expired(now)) {
        Instant at = timer.deadline().orElse(now);
        attempt.submit(at, SubmittedBy.SERVER);
        log(attempt, IntegrityEventKind.AUTO_SUBMIT, now, null, "deadline " + at);
        grading.scoreSubmitted(attempt);
      } else {
        if (token == null || !token.equals(attempt.getDeliveryToken())) {
          log(attempt, IntegrityEventKind.LOCKED_OUT, now, ip, "submit");
          throw new DomainException(
              "error.delivery.locked", "attempt " + attemptId + " is held by another delivery");
        }
        attempt.submit(now, SubmittedBy.LEARNER);
        log(attempt, IntegrityEventKind.SUBMIT, now, ip, null);
        grading.scoreSubmitted(attempt);
      }
    }
    return attempt;
  }

  /**
   * Submits, as the server, every active attempt whose deadline has passed: the browser may be gone
   * (issue 3, point 4). Meant for a scheduler on any instance; each attempt is locked and checked
   * again, so instances running it at once never submit one twice.
   *
   * @param now the server's time
   * @return the ids of the attempts submitted now
   */
  public List<String> submitExpired(Instant now) {
    List<?> candidates =
        em.createNativeQuery(
                "SELECT id FROM attempt WHERE status = ? AND deadline_at <= ? ORDER BY deadline_at")
            .setParameter(1, AttemptStatus.ACTIVE.name())
            .setParameter(2, Timestamp.from(now))
            .getResultList();
    List<String> submitted = new ArrayList<>();
    for (Object row : candidates) {
      String id = row.toString();
      Attempt attempt = em.find(Attempt.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (attempt == null || !attempt.isActive()) {
        continue;
      }
      AttemptTimer timer = attempt.timer(em.find(Assessment.class, attempt.getAssessmentId()));
      if (timer.expired(now)) {
        Instant at = timer.deadline().orElse(now);
        attempt.submit(at, SubmittedBy.SERVER);
        log(attempt, IntegrityEventKind.AUTO_SUBMIT, now, null, "deadline " + at);
        grading.scoreSubmitted(attempt);
        submitted.add(id);
      }
    }
    return submitted;
  }

  /**
   * The attempt's receipts, for the learner to download and verify with {@link ReceiptChain#verify}
   * and {@link SigningKeys#publicKey()}.
   *
   * @return every receipt, in sequence order
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's
   */
  public List<Receipt> receipts(String attemptId, long learnerId) {
    owned(attemptId, learnerId, LockModeType.NONE);
    return em.createQuery(
            "SELECT r FROM AttemptReceipt r WHERE r.attemptId = :a ORDER BY r.sequence",
            AttemptReceipt.class)
        .setParameter("a", attemptId)
        .getResultStream()
        .map(AttemptReceipt::toReceipt)
        .toList();
  }

  /**
   * An attempt of the learner.
   *
   * @return the attempt
   * @throws DomainException {@code error.attempt.unknown} when the attempt is not the learner's
   */
  public Attempt attempt(String attemptId, long learnerId) {
    return owned(attemptId, learnerId, LockModeType.NONE);
  }

  // Whole milliseconds, as DATETIME(3) stores them, so what a caller holds equals what is read
  // back.
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private Attempt owned(String attemptId, long learnerId, LockModeType lock) {
    Attempt attempt = attemptId == null ? null : em.find(Attempt.class, attemptId, lock);
    if (attempt == null || attempt.getLearnerId() != learnerId) {
      throw new DomainException(
          "error.attempt.unknown", "no attempt " + attemptId + " of learner " + learnerId);
    }
    return attempt;
  }

  private void log(Attempt attempt, IntegrityEventKind kind, Instant at, String ip, String detail) {
    em.persist(new AttemptEvent(attempt.getId(), kind, at, ip, detail));
  }

  // An address change of the delivery that holds the attempt is logged once, then remembered.
  private void noteAddress(Attempt attempt, Instant now, String ip) {
    if (ip != null && !ip.equals(attempt.getDeliveryIp())) {
      log(
          attempt,
          IntegrityEventKind.IP_CHANGE,
          now,
          ip,
          "from " + attempt.getDeliveryIp() + " to " + ip);
      attempt.moveDelivery(ip);
    }
  }

  private static void requireAllowedAddress(Assessment assessment, String ip) {
    Optional<IpRanges> ranges = assessment.getAllowedIpRanges();
    if (ranges.isPresent() && !ranges.get().allows(ip)) {
      throw new DomainException(
          "error.delivery.ipNotAllowed",
          "address " + ip + " is outside " + ranges.get() + " of assessment " + assessment.getId(),
          String.valueOf(ip));
    }
  }

  private Receipt lastReceipt(Attempt attempt) {
    AttemptReceipt last =
        em.find(
            AttemptReceipt.class,
            new AttemptReceipt.Key(attempt.getId(), attempt.getReceiptCount()));
    if (last == null) {
      throw new IllegalStateException(
          "attempt " + attempt.getId() + " lacks receipt #" + attempt.getReceiptCount());
    }
    return last.toReceipt();
  }

  private List<AssessmentItem> items(long assessmentId) {
    return em.createQuery(
            "SELECT i FROM AssessmentItem i WHERE i.assessmentId = :a ORDER BY i.position",
            AssessmentItem.class)
        .setParameter("a", assessmentId)
        .getResultList();
  }

  private static byte[] requireJson(String payloadJson, long version) {
    if (version < 1) {
      throw new DomainException(
          "error.delivery.badResponse", "a response version is >= 1, was " + version);
    }
    if (payloadJson == null) {
      throw new DomainException("error.delivery.badResponse", "a response is required");
    }
    byte[] bytes = payloadJson.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_PAYLOAD_BYTES) {
      throw new DomainException(
          "error.delivery.badResponse",
          "a response is at most " + MAX_PAYLOAD_BYTES + " bytes, was " + bytes.length);
    }
    try (JsonReader reader = JSON.createReader(new StringReader(payloadJson))) {
      if (reader.readValue().getValueType() != jakarta.json.JsonValue.ValueType.OBJECT) {
        throw new DomainException(
            "error.delivery.badResponse", "a response is a JSON object (docs/delivery-api.md)");
      }
    } catch (JsonException | IllegalStateException e) {
      throw new DomainException("error.delivery.badResponse", "a response is JSON: " + e);
    }
    return bytes;
  }

  /**
   * A question as the exam page may see it (see {@link ItemView}).
   *
   * @param position its place in the attempt
   * @param item the question
   * @param optionOrder the option ids in the attempt's order; empty for the stored order
   * @param savedVersion the saved response's version, 0 for none
   * @param savedPayload the saved response, or null
   */
  static ItemView view(
      int position, Item item, List<String> optionOrder, long savedVersion, String savedPayload) {
    boolean choosing =
        item.type() == ItemType.CHOICE_SINGLE
            || item.type() == ItemType.CHOICE_MULTIPLE
            || item.type() == ItemType.TRUE_FALSE
            || item.type() == ItemType.ORDERING;
    List<ItemView.Option> choices = List.of();
    if (choosing) {
      Map<String, Choice> byId =
          item.choices().stream().collect(Collectors.toMap(Choice::id, Function.identity()));
      List<String> order =
          optionOrder.isEmpty() ? item.choices().stream().map(Choice::id).toList() : optionOrder;
      choices =
          order.stream()
              .map(byId::get)
              .map(c -> new ItemView.Option(c.id(), c.textHtml()))
              .toList();
    }
    List<ItemView.Option> premises =
        item.pairs().stream()
            .filter(p -> !p.distractor())
            .map(p -> new ItemView.Option(p.id(), p.premiseHtml()))
            .toList();
    List<String> answers =
        item.pairs().stream().map(MatchPair::answer).distinct().sorted().toList();
    List<ItemView.GapView> gaps =
        item.gaps().stream()
            .map(
                g ->
                    new ItemView.GapView(
                        g.id(),
                        g.kind().name(),
                        g.kind() == Gap.Kind.INLINE_CHOICE || g.kind() == Gap.Kind.MULTIPLE_RESPONSE
                            ? g.answers().stream()
                                .map(c -> new ItemView.Option(c.id(), c.textHtml()))
                                .toList()
                            : List.of()))
            .toList();
    List<ItemView.Option> gapTexts =
        item.gapTexts().stream()
            .map(t -> new ItemView.Option(t.id(), t.textHtml()))
            .sorted(
                java.util.Comparator.comparing(o -> o.html().toLowerCase(java.util.Locale.ROOT)))
            .toList();
    return new ItemView(
        position,
        item.identifier(),
        item.type(),
        item.stemHtml(),
        item.missingWordIndex(),
        choices,
        premises,
        answers,
        gaps,
        gapTexts,
        savedVersion,
        savedPayload);
  }
}
