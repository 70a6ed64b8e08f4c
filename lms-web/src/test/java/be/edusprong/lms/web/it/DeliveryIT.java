package be.edusprong.lms.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.delivery.AttemptPlan;
import be.edusprong.lms.assessment.delivery.Receipt;
import be.edusprong.lms.assessment.delivery.ReceiptChain;
import be.edusprong.lms.assessment.delivery.ReceiptKeys;
import be.edusprong.lms.assessment.delivery.VerificationResult;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.Attempt;
import be.edusprong.lms.domain.delivery.AttemptEvent;
import be.edusprong.lms.domain.delivery.AttemptGraded;
import be.edusprong.lms.domain.delivery.AttemptPlans;
import be.edusprong.lms.domain.delivery.AttemptStatus;
import be.edusprong.lms.domain.delivery.DeliveryOpening;
import be.edusprong.lms.domain.delivery.DeliveryService;
import be.edusprong.lms.domain.delivery.GradingService;
import be.edusprong.lms.domain.delivery.IntegrityEventKind;
import be.edusprong.lms.domain.delivery.ItemView;
import be.edusprong.lms.domain.delivery.Review;
import be.edusprong.lms.domain.delivery.SaveResult;
import be.edusprong.lms.domain.delivery.SaveResult.Outcome;
import be.edusprong.lms.domain.delivery.SigningKeys;
import be.edusprong.lms.domain.delivery.SubmittedBy;
import be.edusprong.lms.domain.exemption.Exemption;
import be.edusprong.lms.domain.exemption.ExemptionService;
import be.edusprong.lms.domain.exemption.ExemptionSource;
import be.edusprong.lms.domain.exemption.ExemptionStatus;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Exam delivery against MariaDB (issue 3, point 4): versioned saves that a stale tab cannot
 * overwrite, receipts that verify with the key in {@code signing_key}, questions without their key,
 * the deadline enforced and the attempt submitted by the server, attempts kept to their learner.
 */
@ExtendWith({MariaDbExtension.class, ArquillianExtension.class})
class DeliveryIT {
  // Markers that must never reach the exam page: feedback and the accepted answers.
  private static final List<String> QUESTIONS =
      List.of(
          "// [id:hoofdstad]\n::Hoofdstad::Wat is de hoofdstad van België?"
              + " {=Brussel#FEEDBACK-JUIST ~Antwerpen#FEEDBACK-FOUT ~Gent"
              + " ####ALGEMENE-FEEDBACK}",
          "// [id:priem]\nWelke getallen zijn priemgetallen? {~%50%twee ~%50%drie ~%-100%vier}",
          "// [id:lucht]\nWelke kleur heeft de lucht overdag? {=hemelsblauw#FEEDBACK-KORT}",
          "// [id:rekenen]\nHoeveel is zes keer zeven? {#4242:0}",
          "// [id:koppel]\nKoppel land en hoofdstad. {=België -> Brussel =Frankrijk -> Parijs"
              + " = -> Berlijn}");

  @Deployment
  static WebArchive deployment() {
    return Deployments.lmsWar(DeliveryIT.class);
  }

  private static final String IP = "192.0.2.10";

  private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

  @Inject AccountService accounts;
  @Inject AssessmentService assessments;
  @Inject DeliveryService delivery;
  @Inject AttemptPlans plans;
  @Inject GradingService grading;
  @Inject ExemptionService exemptions;
  @Inject be.edusprong.lms.domain.module.CatalogueService catalogue;
  @Inject SigningKeys keys;
  @Resource ManagedExecutorService executor;

  @Test
  void savesAreVersionedAndEveryAcknowledgedSaveHasAChainedReceipt() {
    UserAccount learner = learner();
    Attempt attempt = delivery.start(assessment(null, 1).getId(), learner.getId(), null, IP);
    String id = attempt.getId();
    long me = learner.getId();

    SaveResult v1 = delivery.save(id, me, token(id), "hoofdstad", 1, "{\"choice\":\"B\"}", IP);
    SaveResult v2 = delivery.save(id, me, token(id), "hoofdstad", 2, "{\"choice\":\"A\"}", IP);
    assertEquals(Outcome.ACCEPTED, v1.outcome());
    assertEquals(Outcome.ACCEPTED, v2.outcome());
    assertEquals(1, v1.receipt().sequence());
    assertEquals(2, v2.receipt().sequence());
    assertEquals(v1.receipt().hash(), v2.receipt().previousHash());
    assertEquals(2, v2.receipt().responseVersion());

    // A stale tab sends version 1 again: refused, the stored answer stays version 2.
    SaveResult stale = delivery.save(id, me, token(id), "hoofdstad", 1, "{\"choice\":\"B\"}", IP);
    assertEquals(Outcome.STALE, stale.outcome());
    assertEquals(2, stale.storedVersion());
    assertNull(stale.receipt());
    assertEquals(2, stored(id, "hoofdstad", "version"));
    assertEquals(
        "{\"choice\":\"A\"}",
        Sql.text(
            "SELECT payload FROM attempt_response WHERE attempt_id = ? AND item_identifier = ?",
            id,
            "hoofdstad"));

    // A retry of the last save gets its original receipt; nothing is written.
    SaveResult retry = delivery.save(id, me, token(id), "hoofdstad", 2, "{\"choice\":\"A\"}", IP);
    assertEquals(Outcome.DUPLICATE, retry.outcome());
    assertEquals(v2.receipt(), retry.receipt());

    // Another answer under the same version (a second tab): refused.
    SaveResult conflict =
        delivery.save(id, me, token(id), "hoofdstad", 2, "{\"choice\":\"C\"}", IP);
    assertEquals(Outcome.CONFLICT, conflict.outcome());
    assertEquals(2, conflict.storedVersion());
    assertEquals(
        "{\"choice\":\"A\"}",
        Sql.text(
            "SELECT payload FROM attempt_response WHERE attempt_id = ? AND item_identifier = ?",
            id,
            "hoofdstad"));

    SaveResult other = delivery.save(id, me, token(id), "lucht", 1, "{\"text\":\"grijs\"}", IP);
    assertEquals(Outcome.ACCEPTED, other.outcome());
    assertEquals(3, other.receipt().sequence());

    assertEquals(3, Sql.number("SELECT COUNT(*) FROM attempt_receipt WHERE attempt_id = ?", id));
    assertEquals(3, Sql.number("SELECT receipt_count FROM attempt WHERE id = ?", id));
    assertEquals(
        other.receipt().hash(), Sql.text("SELECT last_hash FROM attempt WHERE id = ?", id));

    // The list verifies with the public key as stored in the database.
    List<Receipt> receipts = delivery.receipts(id, me);
    assertEquals(List.of(v1.receipt(), v2.receipt(), other.receipt()), receipts);
    PublicKey stored =
        ReceiptKeys.decodePublic(
            Sql.text("SELECT public_key FROM signing_key WHERE active ORDER BY id DESC LIMIT 1"));
    assertEquals(1, Sql.number("SELECT COUNT(*) FROM signing_key WHERE active"));
    assertEquals(stored, keys.publicKey());
    VerificationResult verified = ReceiptChain.verify(receipts, stored, id);
    assertTrue(verified.ok(), verified.detail());
    assertEquals(3, verified.receiptCount());
    assertEquals(
        Receipt.digestOf("{\"choice\":\"A\"}".getBytes()), receipts.get(1).responseDigest());

    Map<String, ItemView> views = byIdentifier(delivery.items(id, me));
    assertEquals(2, views.get("hoofdstad").savedVersion());
    assertEquals("{\"choice\":\"A\"}", views.get("hoofdstad").savedPayload());
    assertEquals(0, views.get("priem").savedVersion());
  }

  @Test
  void concurrentSavesOfOneAttemptGetOneUnbrokenChain() throws Exception {
    UserAccount learner = learner();
    long me = learner.getId();
    String id = delivery.start(assessment(null, 1).getId(), me, null, IP).getId();
    List<String> items = List.of("hoofdstad", "priem", "lucht", "rekenen", "koppel");

    // Every item saved three times, all at once: the attempt's row lock puts them in one order.
    List<Future<SaveResult>> saves = new ArrayList<>();
    for (String item : items) {
      for (int version = 1; version <= 3; version++) {
        long v = version;
        saves.add(
            executor.submit(
                () ->
                    delivery.save(
                        id,
                        me,
                        token(id),
                        item,
                        v,
                        "{\"v\":" + v + ",\"i\":\"" + item + "\"}",
                        IP)));
      }
    }
    int acknowledged = 0;
    for (Future<SaveResult> save : saves) {
      SaveResult result = save.get(60, TimeUnit.SECONDS);
      assertTrue(
          result.outcome() == Outcome.ACCEPTED || result.outcome() == Outcome.STALE,
          result.toString());
      acknowledged += result.outcome() == Outcome.ACCEPTED ? 1 : 0;
    }

    List<Receipt> receipts = delivery.receipts(id, me);
    assertEquals(acknowledged, receipts.size());
    VerificationResult verified = ReceiptChain.verify(receipts, keys.publicKey(), id);
    assertTrue(verified.ok(), verified.detail());
    for (String item : items) {
      assertEquals(3, stored(id, item, "version"), item);
    }
  }

  @Test
  void theQuestionsReachThePageWithoutTheirKey() {
    UserAccount learner = learner();
    Attempt attempt = delivery.start(assessment(null, 1).getId(), learner.getId(), null, IP);

    List<ItemView> items = delivery.items(attempt.getId(), learner.getId());

    assertEquals(
        List.of("hoofdstad", "priem", "lucht", "rekenen", "koppel"),
        items.stream().map(ItemView::identifier).toList());
    for (Class<?> type : List.of(ItemView.class, ItemView.Option.class)) {
      for (RecordComponent c : type.getRecordComponents()) {
        String name = c.getName().toLowerCase(Locale.ROOT);
        for (String banned : List.of("weight", "feedback", "correct", "score", "key", "pair")) {
          assertFalse(name.contains(banned), type.getSimpleName() + "." + c.getName());
        }
      }
    }
    String all = items.toString();
    for (String secret : List.of("FEEDBACK", "hemelsblauw", "4242", "%", "100", "50", "->")) {
      assertFalse(all.contains(secret), secret + " leaked in " + all);
    }
    Map<String, ItemView> views = byIdentifier(items);
    ItemView single = views.get("hoofdstad");
    assertEquals(ItemType.CHOICE_SINGLE, single.type());
    assertEquals(
        List.of("A", "B", "C"), single.choices().stream().map(ItemView.Option::id).toList());
    assertTrue(single.stemHtml().contains("hoofdstad van België"), single.stemHtml());
    assertEquals(3, views.get("priem").choices().size());
    assertEquals(ItemType.SHORT_ANSWER, views.get("lucht").type());
    assertTrue(views.get("lucht").choices().isEmpty());
    assertTrue(views.get("rekenen").choices().isEmpty());
    ItemView matching = views.get("koppel");
    assertEquals(ItemType.MATCHING, matching.type());
    assertEquals(2, matching.premises().size());
    assertEquals(List.of("Berlijn", "Brussel", "Parijs"), matching.answers());
  }

  @Test
  void startingAgainResumesAndSubmittingIsFinal() {
    UserAccount learner = learner();
    Assessment assessment = assessment(null, 1);
    long me = learner.getId();

    Attempt first = delivery.start(assessment.getId(), me, null, IP);
    Attempt again = delivery.start(assessment.getId(), me, null, IP);
    assertEquals(first.getId(), again.getId());
    assertEquals(
        1, Sql.number("SELECT COUNT(*) FROM attempt WHERE learner_id = ?", learner.getId()));
    assertTrue(delivery.timeLeft(first.getId(), me).isEmpty(), "no limit, no deadline");

    delivery.save(
        first.getId(), me, token(first.getId()), "priem", 1, "{\"choices\":[\"A\",\"B\"]}", IP);
    Attempt submitted = delivery.submit(first.getId(), me, token(first.getId()), IP);
    assertEquals(AttemptStatus.SUBMITTED, submitted.getStatus());
    assertEquals(SubmittedBy.LEARNER, submitted.getSubmittedBy());
    Instant at = submitted.getSubmittedAt();
    Attempt twice = delivery.submit(first.getId(), me, token(first.getId()), IP);
    assertEquals(at, twice.getSubmittedAt());
    assertEquals(SubmittedBy.LEARNER, twice.getSubmittedBy());

    SaveResult late =
        delivery.save(
            first.getId(), me, token(first.getId()), "priem", 2, "{\"choices\":[\"A\"]}", IP);
    assertEquals(Outcome.SUBMITTED, late.outcome());
    assertEquals(1, late.storedVersion());
    assertEquals(Duration.ZERO, delivery.timeLeft(first.getId(), me).orElseThrow());

    DomainException noMore =
        assertThrows(DomainException.class, () -> delivery.start(assessment.getId(), me, null, IP));
    assertEquals("error.delivery.noAttemptsLeft", noMore.messageKey());
  }

  @Test
  void pastTheDeadlineASaveIsRefusedAndTheServerSubmits() throws InterruptedException {
    UserAccount learner = learner();
    long me = learner.getId();
    Attempt attempt = delivery.start(assessment(Duration.ofSeconds(1), 1).getId(), me, null, IP);
    String id = attempt.getId();
    assertEquals(attempt.getStartedAt().plusSeconds(1), attempt.getDeadlineAt());
    Duration left = delivery.timeLeft(id, me).orElseThrow();
    assertTrue(!left.isNegative() && left.compareTo(Duration.ofSeconds(1)) <= 0, left.toString());
    SaveResult inTime = delivery.save(id, me, token(id), "lucht", 1, "{\"text\":\"blauw\"}", IP);
    assertEquals(Outcome.ACCEPTED, inTime.outcome());

    Thread.sleep(Duration.between(Instant.now(), attempt.getDeadlineAt()).toMillis() + 200);

    assertEquals(Duration.ZERO, delivery.timeLeft(id, me).orElseThrow());
    SaveResult late = delivery.save(id, me, token(id), "lucht", 2, "{\"text\":\"grijs\"}", IP);
    assertEquals(Outcome.EXPIRED, late.outcome());
    assertEquals(1, stored(id, "lucht", "version"));
    assertEquals("ACTIVE", Sql.text("SELECT status FROM attempt WHERE id = ?", id));

    List<String> submitted = delivery.submitExpired(Instant.now());
    assertTrue(submitted.contains(id), submitted.toString());
    assertEquals("SUBMITTED", Sql.text("SELECT status FROM attempt WHERE id = ?", id));
    assertEquals("SERVER", Sql.text("SELECT submitted_by FROM attempt WHERE id = ?", id));
    Attempt after = delivery.attempt(id, me);
    assertEquals(SubmittedBy.SERVER, after.getSubmittedBy());
    assertEquals(attempt.getDeadlineAt(), after.getSubmittedAt());
    assertFalse(delivery.submitExpired(Instant.now()).contains(id), "submitted once");
    // What was saved in time is kept, with its receipt.
    assertTrue(ReceiptChain.verify(delivery.receipts(id, me), keys.publicKey()).ok());
  }

  @Test
  void anotherLearnerCannotReachTheAttempt() {
    UserAccount owner = learner();
    UserAccount other = learner();
    Attempt attempt = delivery.start(assessment(null, 1).getId(), owner.getId(), null, IP);
    String id = attempt.getId();
    long them = other.getId();

    List<Runnable> calls =
        List.of(
            () -> delivery.save(id, them, token(id), "hoofdstad", 1, "{\"choice\":\"A\"}", IP),
            () -> delivery.items(id, them),
            () -> delivery.receipts(id, them),
            () -> delivery.timeLeft(id, them),
            () -> delivery.submit(id, them, token(id), IP));
    for (Runnable call : calls) {
      DomainException refused = assertThrows(DomainException.class, call::run);
      assertEquals("error.attempt.unknown", refused.messageKey());
    }
    assertEquals(0, Sql.number("SELECT COUNT(*) FROM attempt_response WHERE attempt_id = ?", id));
    assertEquals(0, Sql.number("SELECT COUNT(*) FROM attempt_receipt WHERE attempt_id = ?", id));
    assertEquals("ACTIVE", Sql.text("SELECT status FROM attempt WHERE id = ?", id));
  }

  @Test
  void theWindowAndTheQuestionsAreChecked() {
    UserAccount learner = learner();
    Instant now = Instant.now();
    Assessment closed =
        assessments.create(
            Centres.DEFAULT_CENTRE_CODE,
            "Gesloten",
            null,
            now.minusSeconds(7200),
            now.minusSeconds(3600),
            1,
            QUESTIONS);
    Assessment later =
        assessments.create(
            Centres.DEFAULT_CENTRE_CODE, "Later", null, now.plusSeconds(3600), null, 1, QUESTIONS);
    assertEquals(
        "error.delivery.closed",
        assertThrows(
                DomainException.class,
                () -> delivery.start(closed.getId(), learner.getId(), null, IP))
            .messageKey());
    assertEquals(
        "error.delivery.notOpen",
        assertThrows(
                DomainException.class,
                () -> delivery.start(later.getId(), learner.getId(), null, IP))
            .messageKey());

    Attempt attempt = delivery.start(assessment(null, 1).getId(), learner.getId(), null, IP);
    DomainException unknownItem =
        assertThrows(
            DomainException.class,
            () ->
                delivery.save(
                    attempt.getId(),
                    learner.getId(),
                    token(attempt.getId()),
                    "bestaat-niet",
                    1,
                    "{}",
                    IP));
    assertEquals("error.delivery.itemUnknown", unknownItem.messageKey());
    DomainException notJson =
        assertThrows(
            DomainException.class,
            () ->
                delivery.save(
                    attempt.getId(),
                    learner.getId(),
                    token(attempt.getId()),
                    "lucht",
                    1,
                    "{kapot",
                    IP));
    assertEquals("error.delivery.badResponse", notJson.messageKey());
    // A bare JSON value is JSON but no response: refused, never receipted.
    for (String notAnObject : List.of("\"21\"", "[\"A\"]", "42")) {
      assertEquals(
          "error.delivery.badResponse",
          assertThrows(
                  DomainException.class,
                  () ->
                      delivery.save(
                          attempt.getId(),
                          learner.getId(),
                          token(attempt.getId()),
                          "lucht",
                          1,
                          notAnObject,
                          IP))
              .messageKey());
    }
    assertEquals(
        0,
        Sql.number("SELECT COUNT(*) FROM attempt_receipt WHERE attempt_id = ?", attempt.getId()));

    long before = Sql.count("assessment");
    DomainException badGift =
        assertThrows(
            DomainException.class,
            () ->
                assessments.create(
                    Centres.DEFAULT_CENTRE_CODE,
                    "Kapot",
                    null,
                    null,
                    null,
                    1,
                    List.of(QUESTIONS.get(0), "Een open accolade {=a ~b")));
    assertEquals("error.assessment.gift", badGift.messageKey());
    assertEquals(2, badGift.arguments()[0]);
    assertEquals(before, Sql.count("assessment"));
    assertNotEquals(
        "error.assessment.gift",
        assertThrows(
                DomainException.class,
                () ->
                    assessments.create(
                        Centres.DEFAULT_CENTRE_CODE, " ", null, null, null, 1, QUESTIONS))
            .messageKey());
    assertEquals(
        "error.assessment.duplicateItem",
        assertThrows(
                DomainException.class,
                () ->
                    assessments.create(
                        Centres.DEFAULT_CENTRE_CODE,
                        "Dubbel",
                        null,
                        null,
                        null,
                        1,
                        List.of(QUESTIONS.get(0), QUESTIONS.get(0))))
            .messageKey());
  }

  @Test
  void aSecondTabTakesOverOnlyWhenConfirmedAndTheFirstIsLockedOut() {
    UserAccount learner = learner();
    long me = learner.getId();
    String id = delivery.start(assessment(null, 1).getId(), me, null, IP).getId();

    DeliveryOpening first = delivery.open(id, me, null, false, IP);
    assertEquals(DeliveryOpening.Status.OPENED, first.status());
    assertEquals(
        Outcome.ACCEPTED,
        delivery.save(id, me, first.token(), "lucht", 1, "{\"text\":\"blauw\"}", IP).outcome());

    // The same tab reloads: it keeps the attempt.
    DeliveryOpening reload = delivery.open(id, me, first.token(), false, IP);
    assertEquals(DeliveryOpening.Status.RESUMED, reload.status());
    assertEquals(first.token(), reload.token());

    // A second tab (on a phone) asks without confirming: nothing changes.
    DeliveryOpening asked = delivery.open(id, me, null, false, "198.51.100.7");
    assertEquals(DeliveryOpening.Status.IN_USE, asked.status());
    assertNull(asked.token());
    assertEquals(first.token(), Sql.text("SELECT delivery_token FROM attempt WHERE id = ?", id));

    // It confirms: it holds the attempt now and the first tab can no longer save or submit.
    DeliveryOpening second = delivery.open(id, me, null, true, "198.51.100.7");
    assertEquals(DeliveryOpening.Status.TAKEN_OVER, second.status());
    assertNotEquals(first.token(), second.token());
    SaveResult locked =
        delivery.save(id, me, first.token(), "lucht", 2, "{\"text\":\"grijs\"}", IP);
    assertEquals(Outcome.LOCKED, locked.outcome());
    assertEquals(1, locked.storedVersion());
    assertEquals(1, stored(id, "lucht", "version"));
    DomainException refused =
        assertThrows(DomainException.class, () -> delivery.submit(id, me, first.token(), IP));
    assertEquals("error.delivery.locked", refused.messageKey());
    assertEquals("ACTIVE", Sql.text("SELECT status FROM attempt WHERE id = ?", id));

    SaveResult fromPhone =
        delivery.save(id, me, second.token(), "lucht", 2, "{\"text\":\"grijs\"}", "198.51.100.7");
    assertEquals(Outcome.ACCEPTED, fromPhone.outcome());
    assertEquals(
        SubmittedBy.LEARNER,
        delivery.submit(id, me, second.token(), "198.51.100.7").getSubmittedBy());

    // Both sides of the takeover are in the log the teacher sees, in order.
    List<IntegrityEventKind> kinds =
        delivery.integrityLog(id, teacher().getId()).stream().map(AttemptEvent::getKind).toList();
    assertEquals(
        List.of(
            IntegrityEventKind.START,
            IntegrityEventKind.RESUME,
            IntegrityEventKind.TAKEOVER,
            IntegrityEventKind.LOCKED_OUT,
            IntegrityEventKind.LOCKED_OUT,
            IntegrityEventKind.SUBMIT),
        kinds);
    AttemptEvent takeover =
        delivery.integrityLog(id, teacher().getId()).stream()
            .filter(e -> e.getKind() == IntegrityEventKind.TAKEOVER)
            .findFirst()
            .orElseThrow();
    assertEquals("198.51.100.7", takeover.getIp());
    assertTrue(takeover.getDetail().contains(IP), takeover.getDetail());
  }

  @Test
  void focusAndAddressChangesAreLoggedAndOnlyTeachersOfTheCentreReadTheLog() {
    UserAccount learner = learner();
    long me = learner.getId();
    String id = delivery.start(assessment(null, 1).getId(), me, null, IP).getId();
    String token = delivery.open(id, me, null, false, IP).token();

    assertTrue(delivery.report(id, me, token, IntegrityEventKind.FOCUS_LOST, "tab hidden", IP));
    assertTrue(delivery.report(id, me, token, IntegrityEventKind.FOCUS_REGAINED, null, IP));
    assertFalse(delivery.report(id, me, "not-the-token", IntegrityEventKind.FOCUS_LOST, null, IP));
    DomainException notClient =
        assertThrows(
            DomainException.class,
            () -> delivery.report(id, me, token, IntegrityEventKind.SUBMIT, null, IP));
    assertEquals("error.delivery.badEvent", notClient.messageKey());

    // The learner's phone switches from wifi to 4G mid-exam.
    delivery.save(id, me, token, "lucht", 1, "{\"text\":\"blauw\"}", "203.0.113.9");

    List<AttemptEvent> log = delivery.integrityLog(id, teacher().getId());
    assertEquals(
        List.of(
            IntegrityEventKind.START,
            IntegrityEventKind.FOCUS_LOST,
            IntegrityEventKind.FOCUS_REGAINED,
            IntegrityEventKind.IP_CHANGE),
        log.stream().map(AttemptEvent::getKind).toList());
    assertEquals("tab hidden", log.get(1).getDetail());
    assertEquals("from " + IP + " to 203.0.113.9", log.get(3).getDetail());

    for (long outsider : List.of(me, learner().getId())) {
      assertEquals(
          "error.attempt.unknown",
          assertThrows(DomainException.class, () -> delivery.integrityLog(id, outsider))
              .messageKey());
    }
  }

  @Test
  void accessCodeAndAllowedAddressesAreCheckedAtStartAndOnTheWay() {
    Assessment assessment = assessment(null, 1);
    assessments.configureAccess(
        assessment.getId(), "K3Y-2026", "192.0.2.0/24, 2001:db8::/32", null, Review.SCORE);
    long me = learner().getId();
    long id = assessment.getId();

    assertEquals(
        "error.delivery.accessCode",
        assertThrows(DomainException.class, () -> delivery.start(id, me, null, IP)).messageKey());
    assertEquals(
        "error.delivery.accessCode",
        assertThrows(DomainException.class, () -> delivery.start(id, me, "k3y-2026", IP))
            .messageKey());
    DomainException outside =
        assertThrows(DomainException.class, () -> delivery.start(id, me, "K3Y-2026", "10.1.1.1"));
    assertEquals("error.delivery.ipNotAllowed", outside.messageKey());
    assertEquals(0, Sql.number("SELECT COUNT(*) FROM attempt WHERE learner_id = ?", me));

    // IPv6 inside the range, and an IPv4-mapped address of the IPv4 range, both pass.
    String attempt = delivery.start(id, me, " K3Y-2026 ", "2001:db8::42").getId();
    String token = delivery.open(attempt, me, null, false, "::ffff:192.0.2.77").token();
    assertEquals(
        "error.delivery.ipNotAllowed",
        assertThrows(
                DomainException.class,
                () -> delivery.save(attempt, me, token, "lucht", 1, "{\"text\":\"x\"}", "10.9.9.9"))
            .messageKey());
    assertEquals(
        0, Sql.number("SELECT COUNT(*) FROM attempt_response WHERE attempt_id = ?", attempt));

    for (String bad : List.of("192.0.2.0/33", "hallo", "10.0.0.0/8 en meer")) {
      DomainException invalid =
          assertThrows(
              DomainException.class,
              () -> assessments.configureAccess(id, null, bad, null, Review.SCORE));
      assertEquals("error.assessment.invalid", invalid.messageKey());
    }
    assertEquals(
        "error.assessment.invalid",
        assertThrows(
                DomainException.class,
                () -> assessments.configureAccess(id, "a b c d", null, null, Review.SCORE))
            .messageKey());
  }

  @Test
  void anAccommodationGivesExtraTimeAndAnExtraAttempt() {
    Assessment assessment = assessment(Duration.ofMinutes(30), 1);
    long me = learner().getId();
    long other = learner().getId();
    assessments.accommodate(assessment.getId(), me, 50, 1, "dyslexie");

    Attempt mine = delivery.start(assessment.getId(), me, null, IP);
    Attempt theirs = delivery.start(assessment.getId(), other, null, IP);
    assertEquals(
        Duration.ofMinutes(45), Duration.between(mine.getStartedAt(), mine.getDeadlineAt()));
    assertEquals(
        Duration.ofMinutes(30), Duration.between(theirs.getStartedAt(), theirs.getDeadlineAt()));

    delivery.submit(mine.getId(), me, token(mine.getId()), IP);
    delivery.submit(theirs.getId(), other, token(theirs.getId()), IP);
    Attempt second = delivery.start(assessment.getId(), me, null, IP);
    assertNotEquals(mine.getId(), second.getId());
    assertEquals(
        "error.delivery.noAttemptsLeft",
        assertThrows(
                DomainException.class, () -> delivery.start(assessment.getId(), other, null, IP))
            .messageKey());

    assertEquals(
        "error.assessment.invalid",
        assertThrows(
                DomainException.class,
                () -> assessments.accommodate(assessment.getId(), me, 201, 0, null))
            .messageKey());
    assertTrue(assessments.accommodate(assessment.getId(), me, 0, 0, null).isEmpty());
    assertEquals(
        0,
        Sql.number(
            "SELECT COUNT(*) FROM assessment_accommodation WHERE assessment_id = ?",
            assessment.getId()));
  }

  @Test
  void poolsAreDrawnFromTheStoredSeedAndPreparedAttemptsOnlyStartTheClock() {
    List<AssessmentService.QuestionSource> fixed =
        QUESTIONS.subList(0, 2).stream().map(AssessmentService.QuestionSource::gift).toList();
    List<AssessmentService.QuestionSource> pool =
        List.of(
                "// [id:p1]\nPool een? {=ja ~nee ~misschien}",
                "// [id:p2]\nPool twee? {=ja ~nee ~misschien}",
                "// [id:p3]\nPool drie? {=ja ~nee ~misschien}",
                "// [id:p4]\nPool vier? {=ja ~nee ~misschien}")
            .stream()
            .map(AssessmentService.QuestionSource::gift)
            .toList();
    Assessment assessment =
        assessments.createSectioned(
            Centres.DEFAULT_CENTRE_CODE,
            "Toets met pool " + UUID.randomUUID().toString().substring(0, 8),
            Duration.ofMinutes(30),
            null,
            null,
            1,
            true,
            List.of(
                new AssessmentService.SectionSpec("Vast", fixed, 2, false),
                new AssessmentService.SectionSpec("Pool", pool, 2, true)));
    List<Long> learners = List.of(learner().getId(), learner().getId(), learner().getId());
    long teacher = teacher().getId();

    assertEquals(3, plans.prepare(assessment.getId(), teacher, learners));
    assertEquals(0, plans.prepare(assessment.getId(), teacher, learners), "prepared once");
    String prepared =
        Sql.text(
            "SELECT id FROM attempt WHERE learner_id = ? AND status = 'PREPARED'", learners.get(0));

    // Until it is started, a prepared attempt shows nothing, even to its own learner.
    String waiting =
        Sql.text(
            "SELECT id FROM attempt WHERE learner_id = ? AND status = 'PREPARED'", learners.get(1));
    assertEquals(
        "error.attempt.unknown",
        assertThrows(DomainException.class, () -> delivery.items(waiting, learners.get(1)))
            .messageKey());

    Attempt started = delivery.start(assessment.getId(), learners.get(0), null, IP);
    assertEquals(prepared, started.getId(), "the start takes the prepared attempt");
    assertEquals(AttemptStatus.ACTIVE, started.getStatus());
    assertEquals(
        Duration.ofMinutes(30), Duration.between(started.getStartedAt(), started.getDeadlineAt()));

    List<ItemView> items = delivery.items(started.getId(), learners.get(0));
    assertEquals(4, items.size());
    assertEquals(
        List.of("hoofdstad", "priem"),
        items.subList(0, 2).stream().map(ItemView::identifier).toList());
    assertTrue(items.subList(2, 4).stream().allMatch(i -> i.identifier().startsWith("p")));
    // The stored plan is what the seed gives: it can always be generated again.
    List<AttemptPlan.Planned> again =
        plans.plan(assessments.find(assessment.getId()).orElseThrow(), started.getSeed());
    assertEquals(
        again.stream().map(AttemptPlan.Planned::identifier).toList(),
        items.stream().map(ItemView::identifier).toList());
    for (int i = 0; i < 4; i++) {
      assertEquals(
          again.get(i).optionOrder(),
          items.get(i).choices().stream().map(ItemView.Option::id).toList());
    }
    // A pool question this attempt did not draw cannot be answered.
    String notDrawn =
        List.of("p1", "p2", "p3", "p4").stream()
            .filter(id -> items.stream().noneMatch(v -> v.identifier().equals(id)))
            .findFirst()
            .orElseThrow();
    String token = token(started.getId());
    assertEquals(
        "error.delivery.itemUnknown",
        assertThrows(
                DomainException.class,
                () ->
                    delivery.save(
                        started.getId(),
                        learners.get(0),
                        token,
                        notDrawn,
                        1,
                        "{\"choice\":\"A\"}",
                        IP))
            .messageKey());
    // Three attempts, and across them the pool gave different draws or orders.
    long distinct =
        Sql.number(
            "SELECT COUNT(DISTINCT seed) FROM attempt WHERE assessment_id = ?", assessment.getId());
    assertEquals(3, distinct);
  }

  @Test
  void submittingScoresObjectiveQuestionsAndEssaysWaitForATeachersRubric() {
    List<AssessmentService.QuestionSource> questions =
        new ArrayList<>(QUESTIONS.stream().map(AssessmentService.QuestionSource::gift).toList());
    questions.add(
        AssessmentService.QuestionSource.gift("// [id:opstel]\nWaarom is BCC nuttig? {}"));
    Assessment assessment =
        assessments.createSectioned(
            Centres.DEFAULT_CENTRE_CODE,
            "Toets met opstel " + UUID.randomUUID().toString().substring(0, 8),
            null,
            null,
            null,
            1,
            false,
            List.of(new AssessmentService.SectionSpec(null, questions, 6, false)));
    assessments.configureAccess(
        assessment.getId(), null, null, new java.math.BigDecimal("60"), Review.FULL);
    assessments.setPoints(
        assessment.getId(),
        "opstel",
        null,
        List.of(
            new GradingService.Criterion("Privacy uitgelegd", new java.math.BigDecimal("2")),
            new GradingService.Criterion("Duidelijke zinnen", new java.math.BigDecimal("2"))));
    assessments.setPoints(assessment.getId(), "rekenen", new java.math.BigDecimal("2"), null);
    long me = learner().getId();
    String id = delivery.start(assessment.getId(), me, null, IP).getId();
    String token = token(id);
    Map<String, String> answers =
        Map.of(
            "hoofdstad", "{\"choice\":\"A\"}",
            "priem", "{\"choices\":[\"A\",\"C\"]}",
            "lucht", "{\"text\":\"  Hemelsblauw \"}",
            "rekenen", "{\"text\":\"4242\"}",
            "koppel", "{\"pairs\":{\"A\":\"Brussel\",\"B\":\"Berlijn\"}}",
            "opstel", "{\"text\":\"Dan ziet niemand de andere adressen.\"}");
    answers.forEach((item, payload) -> delivery.save(id, me, token, item, 1, payload, IP));
    events.clear();

    Attempt submitted = delivery.submit(id, me, token, IP);
    assertNull(submitted.getScoreRaw(), "the essay still waits");
    assertNull(submitted.getPassed());
    assertTrue(events.isEmpty(), "no final score yet");
    // hoofdstad 1, priem 50% + 0 -> clamped 0.5 - 1.0 = 0 (negative weight), lucht 1, rekenen 2,
    // koppel 1 of 2 premises = 0.5.
    assertEquals(
        List.of("1.0000", "0.0000", "1.0000", "2.0000", "0.5000"),
        Sql.rows(
                "SELECT score FROM attempt_item WHERE attempt_id = ? AND needs_grading = FALSE"
                    + " ORDER BY position",
                id)
            .stream()
            .map(r -> r.get(0).toString())
            .toList());

    long teacher = teacher().getId();
    GradingService.GradingTask task =
        grading.queue(teacher).stream()
            .filter(t -> t.attemptId().equals(id))
            .findFirst()
            .orElseThrow();
    assertEquals("opstel", task.itemIdentifier());
    assertEquals("Dan ziet niemand de andere adressen.", task.answer());
    assertEquals(2, task.rubric().size());
    assertEquals(0, new java.math.BigDecimal("4").compareTo(task.points()));
    assertEquals(
        "error.grading.points",
        assertThrows(
                DomainException.class,
                () ->
                    grading.grade(
                        id,
                        "opstel",
                        teacher,
                        List.of(java.math.BigDecimal.valueOf(3), java.math.BigDecimal.ONE),
                        null))
            .messageKey());

    Attempt graded =
        grading.grade(
            id,
            "opstel",
            teacher,
            List.of(java.math.BigDecimal.valueOf(2), java.math.BigDecimal.ONE),
            "Goed, maar let op je zinsbouw.");
    // 1 + 0 + 1 + 2 + 0.5 + 3 = 7.5 of 1 + 1 + 1 + 2 + 1 + 4 = 10: 75% >= 60%.
    assertEquals(0, new java.math.BigDecimal("7.5").compareTo(graded.getScoreRaw()));
    assertEquals(0, new java.math.BigDecimal("10").compareTo(graded.getScoreMax()));
    assertEquals(Boolean.TRUE, graded.getPassed());
    assertTrue(grading.queue(teacher).stream().noneMatch(t -> t.attemptId().equals(id)));
    assertEquals(1, events.size());
    assertEquals(Boolean.TRUE, events.get(0).passed());
    assertEquals(false, events.get(0).regrade());
  }

  @Test
  void aCorrectedQuestionRegradesEveryAttemptAndWhatFollowedFromIt() {
    Assessment assessment = assessment(null, 1);
    assessments.configureAccess(
        assessment.getId(), null, null, new java.math.BigDecimal("50"), Review.SCORE);
    long right = learner().getId();
    long wrong = learner().getId();
    // "wrong" answers Antwerpen, which the corrected key will accept as well.
    for (long[] learner : new long[][] {{right, 0}, {wrong, 1}}) {
      String id = delivery.start(assessment.getId(), learner[0], null, IP).getId();
      String choice = learner[1] == 0 ? "A" : "B";
      delivery.save(
          id, learner[0], token(id), "hoofdstad", 1, "{\"choice\":\"" + choice + "\"}", IP);
      delivery.save(id, learner[0], token(id), "lucht", 1, "{\"text\":\"hemelsblauw\"}", IP);
      delivery.save(id, learner[0], token(id), "rekenen", 1, "{\"text\":\"4242\"}", IP);
      delivery.submit(id, learner[0], token(id), IP);
    }
    String wrongAttempt = Sql.text("SELECT id FROM attempt WHERE learner_id = ?", wrong);
    // 3 of 5 for "right" (hoofdstad, lucht, rekenen), 2 of 5 for "wrong": 60% and 40%.
    assertEquals(
        "0", Sql.text("SELECT CAST(passed AS CHAR) FROM attempt WHERE id = ?", wrongAttempt));
    events.clear();
    long teacher = teacher().getId();

    int changed =
        grading.regrade(
            assessment.getId(),
            "hoofdstad",
            "// [id:hoofdstad]\n::Hoofdstad::Wat is de hoofdstad van België?"
                + " {=Brussel =Antwerpen ~Gent}",
            teacher);
    assertEquals(1, changed, "only the attempt that answered Antwerpen changes");
    assertEquals(
        "1", Sql.text("SELECT CAST(passed AS CHAR) FROM attempt WHERE id = ?", wrongAttempt));
    assertEquals(
        "3.0000",
        Sql.text("SELECT CAST(score_raw AS CHAR) FROM attempt WHERE id = ?", wrongAttempt));
    assertEquals(1, events.size());
    AttemptGraded event = events.get(0);
    assertTrue(event.regrade());
    assertEquals(Boolean.FALSE, event.previousPassed());
    assertEquals(Boolean.TRUE, event.passed());

    DomainException changedType =
        assertThrows(
            DomainException.class,
            () ->
                grading.regrade(
                    assessment.getId(), "hoofdstad", "// [id:hoofdstad]\nWaar? {T}", teacher));
    assertEquals("error.grading.changedQuestion", changedType.messageKey());
  }

  @Test
  void passingAnExemptionTestProposesAnExemptionThatARegradeCanTakeBack() {
    String module = catalogue.published(null, null).get(0).getCode();
    long moduleId = catalogue.require(module).getId();
    Assessment test = assessment(null, 1);
    assessments.configureAccess(
        test.getId(), null, null, new java.math.BigDecimal("60"), Review.SCORE);
    long teacher = teacher().getId();
    long coach =
        accounts
            .create(
                Centres.DEFAULT_CENTRE_CODE,
                "it-coach-" + UUID.randomUUID().toString().substring(0, 8),
                "Test coach",
                "een-lang-wachtwoord",
                EnumSet.of(Role.COACH))
            .getId();
    exemptions.setExemptionTest(module, test.getId(), false, teacher);
    long learner = learner().getId();

    // 3 of 5 = 60%: passes. hoofdstad answered Antwerpen (wrong for now).
    String attempt = delivery.start(test.getId(), learner, null, IP).getId();
    delivery.save(attempt, learner, token(attempt), "hoofdstad", 1, "{\"choice\":\"B\"}", IP);
    delivery.save(attempt, learner, token(attempt), "lucht", 1, "{\"text\":\"hemelsblauw\"}", IP);
    delivery.save(attempt, learner, token(attempt), "rekenen", 1, "{\"text\":\"4242\"}", IP);
    delivery.save(
        attempt,
        learner,
        token(attempt),
        "koppel",
        1,
        "{\"pairs\":{\"A\":\"Brussel\",\"B\":\"Parijs\"}}",
        IP);
    delivery.submit(attempt, learner, token(attempt), IP);

    ExemptionService.ExemptionView proposed =
        exemptions.forLearner(learner).stream().findFirst().orElseThrow();
    assertEquals(ExemptionStatus.PROPOSED, proposed.exemption().getStatus());
    assertEquals(ExemptionSource.TEST, proposed.exemption().getSource());
    assertEquals(attempt, proposed.exemption().getAttemptId());
    assertEquals(0, new java.math.BigDecimal("3").compareTo(proposed.exemption().getScoreRaw()));
    assertFalse(exemptions.isExempted(moduleId, learner), "a proposal is no exemption yet");
    assertTrue(
        exemptions.forCentre(coach, true).stream()
            .anyMatch(v -> v.exemption().getId().equals(proposed.exemption().getId())));

    exemptions.confirm(proposed.exemption().getId(), coach);
    assertTrue(exemptions.isExempted(moduleId, learner));
    assertTrue(
        exemptions.csv(teacher).contains(module + ",CONFIRMED,TEST,3,5"), exemptions.csv(teacher));

    // The key of "lucht" was wrong: corrected, the attempt drops to 2 of 5 and the exemption goes.
    grading.regrade(
        test.getId(),
        "lucht",
        "// [id:lucht]\nWelke kleur heeft de lucht overdag? {=blauw}",
        teacher);
    assertFalse(exemptions.isExempted(moduleId, learner));
    Exemption revoked = exemptions.forLearner(learner).get(0).exemption();
    assertEquals(ExemptionStatus.REVOKED, revoked.getStatus());
    assertEquals(ExemptionService.REGRADE_REASON, revoked.getDecisionReason());

    // Another correction makes it pass again: a new proposal.
    grading.regrade(
        test.getId(),
        "hoofdstad",
        "// [id:hoofdstad]\n::Hoofdstad::Wat is de hoofdstad van België? {=Brussel =Antwerpen ~Gent}",
        teacher);
    assertEquals(
        List.of(ExemptionStatus.PROPOSED, ExemptionStatus.REVOKED),
        exemptions.forLearner(learner).stream().map(v -> v.exemption().getStatus()).toList());
  }

  @Test
  void staffGrantAndRevokeExemptionsWithAReasonAndAModuleCanConfirmByItself() {
    String module = catalogue.published(null, null).get(1).getCode();
    long moduleId = catalogue.require(module).getId();
    long teacher = teacher().getId();
    long learner = learner().getId();
    long other = learner().getId();

    assertEquals(
        "error.exemption.reason",
        assertThrows(DomainException.class, () -> exemptions.grant(module, learner, teacher, " "))
            .messageKey());
    assertEquals(
        "error.exemption.notStaff",
        assertThrows(
                DomainException.class, () -> exemptions.grant(module, learner, other, "attest"))
            .messageKey());
    Exemption granted = exemptions.grant(module, learner, teacher, "ECDL-attest 2024");
    assertEquals(ExemptionStatus.CONFIRMED, granted.getStatus());
    assertTrue(exemptions.isExempted(moduleId, learner));
    assertEquals(
        "error.exemption.exists",
        assertThrows(
                DomainException.class, () -> exemptions.grant(module, learner, teacher, "nogmaals"))
            .messageKey());
    exemptions.revoke(granted.getId(), teacher, "attest bleek vals");
    assertFalse(exemptions.isExempted(moduleId, learner));

    // A module that confirms by itself: passing its test exempts at once.
    Assessment test = assessment(null, 1);
    assessments.configureAccess(
        test.getId(), null, null, new java.math.BigDecimal("20"), Review.SCORE);
    exemptions.setExemptionTest(module, test.getId(), true, teacher);
    String attempt = delivery.start(test.getId(), other, null, IP).getId();
    delivery.save(attempt, other, token(attempt), "hoofdstad", 1, "{\"choice\":\"A\"}", IP);
    delivery.submit(attempt, other, token(attempt), IP);
    assertTrue(exemptions.isExempted(moduleId, other));
    assertEquals(
        ExemptionService.AUTO_REASON,
        exemptions.forLearner(other).get(0).exemption().getDecisionReason());

    Assessment noPassMark = assessment(null, 1);
    assertEquals(
        "error.exemption.noPassMark",
        assertThrows(
                DomainException.class,
                () -> exemptions.setExemptionTest(module, noPassMark.getId(), false, teacher))
            .messageKey());
  }

  @Test
  void theEditorsDraftIsStoredWholeOrNotAtAll() {
    long teacher = teacher().getId();
    String title = "Uit de editor " + UUID.randomUUID().toString().substring(0, 8);
    List<AssessmentService.SectionSpec> sections =
        List.of(
            new AssessmentService.SectionSpec(
                "Pool",
                QUESTIONS.stream().map(AssessmentService.QuestionSource::gift).toList(),
                3,
                true));
    long before = Sql.count("assessment");
    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                assessments.create(
                    new AssessmentService.Draft(
                        teacher,
                        title,
                        Duration.ofMinutes(20),
                        null,
                        null,
                        1,
                        true,
                        sections,
                        "CODE-1",
                        "10.0.0.0/33",
                        null,
                        Review.SCORE)));
    assertEquals("error.assessment.invalid", refused.messageKey());
    assertEquals(before, Sql.count("assessment"), "nothing stored for a refused draft");

    Assessment made =
        assessments.create(
            new AssessmentService.Draft(
                teacher,
                title,
                Duration.ofMinutes(20),
                null,
                null,
                2,
                true,
                sections,
                "CODE-1",
                "10.0.0.0/8",
                new java.math.BigDecimal("50"),
                Review.RESPONSES));
    Assessment stored = assessments.find(made.getId()).orElseThrow();
    assertEquals(teacher, stored.getOwnerId());
    assertEquals("CODE-1", stored.getAccessCode());
    assertEquals("10.0.0.0/8", stored.getAllowedIpRanges().orElseThrow().toString());
    assertEquals(Review.RESPONSES, stored.getReview());
    assertTrue(stored.isShuffleOptions());
    assertEquals(
        3,
        Sql.number(
            "SELECT draw_count FROM assessment_section WHERE assessment_id = ?", made.getId()));
    assertEquals(
        "error.account.unknown",
        assertThrows(
                DomainException.class,
                () ->
                    assessments.create(
                        new AssessmentService.Draft(
                            learner().getId(),
                            title,
                            null,
                            null,
                            null,
                            1,
                            false,
                            sections,
                            null,
                            null,
                            null,
                            Review.SCORE)))
            .messageKey());
  }

  /** Collects AttemptGraded events fired in this deployment. */
  @jakarta.enterprise.context.ApplicationScoped
  public static class GradedEvents {
    void observe(@jakarta.enterprise.event.Observes AttemptGraded event) {
      events.add(event);
    }
  }

  static final List<AttemptGraded> events = new java.util.concurrent.CopyOnWriteArrayList<>();

  // The delivery (tab) each attempt is saved from in these tests: opened once, as its owner.
  private String token(String attemptId) {
    return tokens.computeIfAbsent(
        attemptId,
        id ->
            delivery
                .open(
                    id,
                    Sql.number("SELECT learner_id FROM attempt WHERE id = ?", id),
                    null,
                    true,
                    IP)
                .token());
  }

  private Assessment assessment(Duration limit, int maxAttempts) {
    return assessments.create(
        Centres.DEFAULT_CENTRE_CODE,
        "Toets " + UUID.randomUUID().toString().substring(0, 8),
        limit,
        null,
        null,
        maxAttempts,
        QUESTIONS);
  }

  private UserAccount teacher() {
    return accounts.create(
        Centres.DEFAULT_CENTRE_CODE,
        "it-leraar-" + UUID.randomUUID().toString().substring(0, 8),
        "Test leraar",
        "een-lang-wachtwoord",
        EnumSet.of(Role.TEACHER));
  }

  private UserAccount learner() {
    return accounts.create(
        Centres.DEFAULT_CENTRE_CODE,
        "it-toets-" + UUID.randomUUID().toString().substring(0, 8),
        "Test cursist",
        "een-lang-wachtwoord",
        EnumSet.of(Role.LEARNER));
  }

  private static long stored(String attemptId, String item, String column) {
    return Sql.number(
        "SELECT " + column + " FROM attempt_response WHERE attempt_id = ? AND item_identifier = ?",
        attemptId,
        item);
  }

  private static Map<String, ItemView> byIdentifier(List<ItemView> items) {
    return items.stream().collect(Collectors.toMap(ItemView::identifier, Function.identity()));
  }
}
