package be.edusprong.lms.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.analysis.ItemAnalysis;
import be.edusprong.lms.assessment.analysis.ItemAnalysisReport;
import be.edusprong.lms.assessment.analysis.SittingResults;
import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.AssessmentService.QuestionSource;
import be.edusprong.lms.domain.delivery.AssessmentService.SectionSpec;
import be.edusprong.lms.domain.delivery.Attempt;
import be.edusprong.lms.domain.delivery.AttemptItem;
import be.edusprong.lms.domain.delivery.AttemptPlans;
import be.edusprong.lms.domain.delivery.AttemptStatus;
import be.edusprong.lms.domain.delivery.DeliveryService;
import be.edusprong.lms.domain.delivery.GradingService;
import be.edusprong.lms.domain.delivery.IntegrityEventKind;
import be.edusprong.lms.domain.delivery.SittingAnalysis;
import be.edusprong.lms.domain.delivery.SittingMonitor;
import be.edusprong.lms.domain.delivery.SittingMonitor.AssessmentSummary;
import be.edusprong.lms.domain.delivery.SittingMonitor.AttemptRow;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The teacher's view of a sitting against MariaDB (issue 3, points 4 and 6): the monitor's rows and
 * counts from one query each ({@link SittingMonitor}), the learners to prepare attempts for, and
 * the item analysis input built from stored scores and choice responses ({@link SittingAnalysis}),
 * including pool questions that not every attempt drew.
 */
@ExtendWith({MariaDbExtension.class, ArquillianExtension.class})
class SittingMonitorIT {
  private static final String IP = "192.0.2.20";
  private static final List<String> QUESTIONS =
      List.of(
          "// [id:hoofdstad]\nWat is de hoofdstad van België? {=Brussel ~Antwerpen ~Gent}",
          "// [id:rond]\nDe aarde is rond. {T}",
          "// [id:opstel]\nSchrijf twee zinnen over je buurt. {}");

  @Deployment
  static WebArchive deployment() {
    return Deployments.lmsWar(SittingMonitorIT.class);
  }

  @Inject AccountService accounts;
  @Inject AssessmentService assessments;
  @Inject DeliveryService delivery;
  @Inject AttemptPlans plans;
  @Inject GradingService grading;
  @Inject SittingMonitor monitor;
  @Inject SittingAnalysis analysis;

  @Test
  void theMonitorShowsEveryAttemptAndTheAnalysisCountsGradedAttemptsOnly() {
    UserAccount teacher = account("Leraar", Role.TEACHER);
    String tag = UUID.randomUUID().toString().substring(0, 8);
    UserAccount anna = account("A " + tag + " Anna", Role.LEARNER);
    UserAccount bert = account("B " + tag + " Bert", Role.LEARNER);
    UserAccount cleo = account("C " + tag + " Cleo", Role.LEARNER);
    UserAccount dirk = account("D " + tag + " Dirk", Role.LEARNER);
    Assessment exam =
        assessments.create(
            Centres.DEFAULT_CENTRE_CODE,
            "Monitor " + tag,
            Duration.ofMinutes(30),
            null,
            null,
            1,
            QUESTIONS);
    long id = exam.getId();
    long me = teacher.getId();

    // Anna: right answer, leaves the window once, submits; her essay is empty (scored 0).
    Attempt a = delivery.start(id, anna.getId(), null, IP);
    String ta = delivery.open(a.getId(), anna.getId(), null, false, IP).token();
    delivery.save(a.getId(), anna.getId(), ta, "hoofdstad", 1, "{\"choice\":\"A\"}", IP);
    delivery.report(a.getId(), anna.getId(), ta, IntegrityEventKind.FOCUS_LOST, "tab", IP);
    delivery.submit(a.getId(), anna.getId(), ta, IP);
    // Bert: wrong city, true/false answered, an essay that waits for the teacher.
    Attempt b = delivery.start(id, bert.getId(), null, IP);
    String tb = delivery.open(b.getId(), bert.getId(), null, false, IP).token();
    delivery.save(b.getId(), bert.getId(), tb, "hoofdstad", 1, "{\"choice\":\"B\"}", IP);
    delivery.save(b.getId(), bert.getId(), tb, "rond", 1, "{\"choice\":\"TRUE\"}", IP);
    delivery.save(b.getId(), bert.getId(), tb, "opstel", 1, "{\"text\":\"Rustig.\\nGroen.\"}", IP);
    delivery.submit(b.getId(), bert.getId(), tb, IP);
    // Dirk is busy.
    Attempt d = delivery.start(id, dirk.getId(), null, IP);
    String td = delivery.open(d.getId(), dirk.getId(), null, false, IP).token();
    delivery.save(d.getId(), dirk.getId(), td, "rond", 1, "{\"choice\":\"FALSE\"}", IP);

    // Cleo has no attempt yet: she is one to prepare, the others are not.
    List<Long> without = monitor.learnersWithoutAttempt(id, me);
    assertTrue(without.contains(cleo.getId()), without.toString());
    assertFalse(without.contains(anna.getId()) || without.contains(dirk.getId()));
    assertFalse(without.contains(teacher.getId()), "a teacher is no learner");
    assertEquals(1, plans.prepare(id, me, List.of(cleo.getId())));
    assertFalse(monitor.learnersWithoutAttempt(id, me).contains(cleo.getId()));

    Map<String, AttemptRow> rows =
        monitor.attempts(id, me).stream()
            .collect(Collectors.toMap(AttemptRow::learnerName, Function.identity()));
    assertEquals(4, rows.size());
    assertEquals(
        List.of(anna, bert, cleo, dirk).stream().map(UserAccount::getDisplayName).toList(),
        monitor.attempts(id, me).stream().map(AttemptRow::learnerName).toList(),
        "by learner name");

    AttemptRow ra = rows.get(anna.getDisplayName());
    assertEquals(AttemptStatus.SUBMITTED, ra.status());
    assertEquals(1, ra.answered());
    assertEquals(3, ra.questions());
    assertNull(ra.timeLeft(), "no clock once submitted");
    assertNotNull(ra.lastSavedAt());
    assertEquals(
        Sql.number("SELECT COUNT(*) FROM attempt_event WHERE attempt_id = ?", a.getId()),
        ra.events());
    assertTrue(ra.events() >= 3, "start, focus lost, submit: " + ra.events());
    assertEquals(1, ra.notableEvents(), "only the focus loss is notable");
    assertEquals(0, ra.toGrade());
    assertEquals(0, new BigDecimal("1").compareTo(ra.scoreRaw()), "Brussel is right");
    assertEquals(0, new BigDecimal("3").compareTo(ra.scoreMax()));

    AttemptRow rb = rows.get(bert.getDisplayName());
    assertEquals(3, rb.answered());
    assertEquals(1, rb.toGrade(), "the essay waits");
    assertNull(rb.scoreRaw(), "no total while an essay waits");

    AttemptRow rc = rows.get(cleo.getDisplayName());
    assertEquals(AttemptStatus.PREPARED, rc.status());
    assertEquals(0, rc.answered());
    assertEquals(3, rc.questions());
    assertNull(rc.startedAt());
    assertNull(rc.timeLeft());
    assertNull(rc.lastSavedAt());

    AttemptRow rd = rows.get(dirk.getDisplayName());
    assertEquals(AttemptStatus.ACTIVE, rd.status());
    assertEquals(1, rd.answered());
    assertNotNull(rd.timeLeft());
    assertTrue(
        rd.timeLeft().compareTo(Duration.ofMinutes(29)) > 0
            && rd.timeLeft().compareTo(Duration.ofMinutes(30)) <= 0,
        "time left by the server's clock: " + rd.timeLeft());

    AssessmentSummary summary =
        monitor.overview(me).stream().filter(s -> s.assessmentId() == id).findFirst().orElseThrow();
    assertEquals(1, summary.prepared());
    assertEquals(1, summary.running());
    assertEquals(2, summary.submitted());
    assertEquals(1, summary.toGrade());

    // Before Bert's essay is graded only Anna's attempt counts.
    SittingAnalysis.Input before = analysis.input(id, me);
    assertEquals(1, before.attempts());
    assertEquals(1, before.waitingForGrading());
    assertTrue(before.results().isPresent());

    grading.grade(b.getId(), "opstel", me, List.of(new BigDecimal("0.5")), "Goed begin.");
    SittingAnalysis.Input after = analysis.input(id, me);
    assertEquals(2, after.attempts());
    assertEquals(0, after.waitingForGrading());
    assertEquals(List.of(), after.leftOut());
    assertEquals(
        "Wat is de hoofdstad van België?", after.titles().get("hoofdstad"), "display titles");
    SittingResults results = after.results().orElseThrow();
    assertEquals(List.of(a.getId(), b.getId()), results.learners(), "attempts by submission");
    assertEquals(
        List.of("hoofdstad", "rond", "opstel"),
        results.items().stream().map(SittingResults.Item::id).toList());
    assertEquals(List.of("A", "B", "C"), results.items().get(0).choiceIds());
    assertTrue(results.items().get(1).isChoiceItem(), "true/false has options");
    assertFalse(results.items().get(2).isChoiceItem(), "an essay has none");
    assertEquals(Set.of("A"), results.response(a.getId(), "hoofdstad").chosen());
    assertEquals(Set.of("B"), results.response(b.getId(), "hoofdstad").chosen());
    assertEquals(Set.of(), results.response(a.getId(), "rond").chosen(), "no answer");
    assertEquals(Set.of("TRUE"), results.response(b.getId(), "rond").chosen());
    assertEquals(0, new BigDecimal("0.5").compareTo(results.response(b.getId(), "opstel").score()));
    assertEquals(0, BigDecimal.ZERO.compareTo(results.response(b.getId(), "hoofdstad").score()));

    ItemAnalysisReport report = ItemAnalysis.analyse(results);
    assertEquals(2, report.n());
    assertEquals(0.5, report.item("hoofdstad").orElseThrow().facility(), 1e-9);
    assertEquals(1, report.item("hoofdstad").orElseThrow().choiceCounts().get("A"));
    assertEquals(1, report.item("rond").orElseThrow().noAnswer());

    // Only a teacher of the centre sees any of it.
    DomainException refused =
        assertThrows(DomainException.class, () -> monitor.attempts(id, anna.getId()));
    assertEquals("error.assessment.unknown", refused.messageKey());
    assertThrows(DomainException.class, () -> analysis.input(id, anna.getId()));
    assertEquals(List.of(), monitor.overview(anna.getId()));
  }

  @Test
  void poolQuestionsThatNotEveryAttemptDrewAreLeftOutOfTheAnalysis() {
    UserAccount teacher = account("Leraar", Role.TEACHER);
    Assessment exam =
        assessments.createSectioned(
            Centres.DEFAULT_CENTRE_CODE,
            "Pool " + UUID.randomUUID().toString().substring(0, 8),
            null,
            null,
            null,
            1,
            false,
            List.of(
                new SectionSpec(null, List.of(QuestionSource.gift(QUESTIONS.get(0))), 1, false),
                new SectionSpec(
                    null,
                    List.of(
                        QuestionSource.gift("// [id:p1]\nEen plus een? {=twee}"),
                        QuestionSource.gift("// [id:p2]\nTwee plus twee? {=vier}"),
                        QuestionSource.gift("// [id:p3]\nDrie plus drie? {=zes}")),
                    1,
                    false)));
    Set<String> drawn = new HashSet<>();
    Set<String> everywhere = null;
    for (int i = 0; i < 4; i++) {
      UserAccount learner = account("Pool " + i, Role.LEARNER);
      Attempt attempt = delivery.start(exam.getId(), learner.getId(), null, IP);
      String token = delivery.open(attempt.getId(), learner.getId(), null, false, IP).token();
      delivery.submit(attempt.getId(), learner.getId(), token, IP);
      Set<String> plan =
          plans.planOf(attempt.getId()).stream()
              .map(AttemptItem::getItemIdentifier)
              .collect(Collectors.toSet());
      drawn.addAll(plan);
      if (everywhere == null) {
        everywhere = new HashSet<>(plan);
      } else {
        everywhere.retainAll(plan);
      }
    }
    Set<String> expectedLeftOut = new HashSet<>(drawn);
    expectedLeftOut.removeAll(everywhere);

    SittingAnalysis.Input input = analysis.input(exam.getId(), teacher.getId());
    assertEquals(4, input.attempts());
    assertEquals(expectedLeftOut, new HashSet<>(input.leftOut()));
    assertEquals(
        everywhere,
        input.results().orElseThrow().items().stream()
            .map(SittingResults.Item::id)
            .collect(Collectors.toSet()));
    assertTrue(everywhere.contains("hoofdstad"));
  }

  private UserAccount account(String name, Role role) {
    return accounts.create(
        Centres.DEFAULT_CENTRE_CODE,
        "it-monitor-" + UUID.randomUUID().toString().substring(0, 8),
        name,
        "een-lang-wachtwoord",
        EnumSet.of(role));
  }
}
