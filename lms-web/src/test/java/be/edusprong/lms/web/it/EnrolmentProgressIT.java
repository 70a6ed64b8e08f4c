package be.edusprong.lms.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.scoring.ChoiceResponse;
import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.centre.Centres;
import be.edusprong.lms.domain.coaching.CoachingService;
import be.edusprong.lms.domain.coaching.LearnerOverview;
import be.edusprong.lms.domain.enrolment.Enrolment;
import be.edusprong.lms.domain.enrolment.EnrolmentService;
import be.edusprong.lms.domain.enrolment.EnrolmentStatus;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.module.PracticeItems;
import be.edusprong.lms.domain.progress.LearningRecord;
import be.edusprong.lms.domain.progress.ModuleProgress;
import be.edusprong.lms.domain.progress.PracticeFeedback;
import be.edusprong.lms.domain.progress.ProgressService;
import be.edusprong.lms.domain.progress.Statements;
import be.edusprong.lms.domain.progress.Verb;
import be.edusprong.lms.domain.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A learner's way through a module against MariaDB: enrolling, viewing units, answering practice
 * questions (xAPI statements, completion, progress) and what their coach then sees.
 */
@ExtendWith({MariaDbExtension.class, ArquillianExtension.class})
class EnrolmentProgressIT {
  private static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";

  @Deployment
  static WebArchive deployment() {
    return Deployments.lmsWar(EnrolmentProgressIT.class);
  }

  @Inject AccountService accounts;
  @Inject CatalogueService catalogue;
  @Inject EnrolmentService enrolments;
  @Inject ProgressService progress;
  @Inject CoachingService coaching;
  @Inject PracticeItems practiceItems;

  /** A practice question as stored (its id) and as the assessment engine reads it. */
  record Question(long id, Item item) {}

  /** A unit of a module, by id and code. */
  record Unit(long id, String code) {}

  @Test
  void enrollingTwiceGivesTheSameEnrolment() {
    UserAccount learner = learner();
    String module = module(0);

    Enrolment first = enrolments.enrol(learner.getId(), module);
    Enrolment again = enrolments.enrol(learner.getId(), module);

    assertEquals(first.getId(), again.getId());
    assertEquals(EnrolmentStatus.ACTIVE, again.getStatus());
    assertEquals(1, enrolments.enrolmentsOf(learner.getId()).size());
    assertEquals(
        1, Sql.number("SELECT COUNT(*) FROM enrolment WHERE learner_id = ?", learner.getId()));
  }

  @Test
  void viewingAUnitStoresAnExperiencedStatement() {
    UserAccount learner = learner();
    String module = module(0);
    enrolments.enrol(learner.getId(), module);
    Unit unit = units(module).get(0);
    Instant before = Instant.now().minusSeconds(1);

    progress.recordUnitView(learner.getId(), unit.id());

    List<LearningRecord> records = progress.statementsOf(learner.getId(), 10);
    assertEquals(1, records.size());
    LearningRecord record = records.get(0);
    assertEquals(EXPERIENCED, record.getVerbId());
    assertEquals(Long.valueOf(unit.id()), record.getUnitId());

    JsonObject statement = json(record.getStatement());
    assertEquals(
        learner.getUsername(),
        statement.getJsonObject("actor").getJsonObject("account").getString("name"));
    assertEquals(
        Statements.PLATFORM_IRI,
        statement.getJsonObject("actor").getJsonObject("account").getString("homePage"));
    assertEquals(EXPERIENCED, statement.getJsonObject("verb").getString("id"));
    assertEquals(
        Statements.PLATFORM_IRI + "/activities/modules/" + module + "/units/" + unit.code(),
        statement.getJsonObject("object").getString("id"));
    assertEquals(record.getStatementId(), statement.getString("id"));
    Instant timestamp = Instant.parse(statement.getString("timestamp"));
    assertTrue(
        !timestamp.isBefore(before) && !timestamp.isAfter(Instant.now()), "timestamp " + timestamp);
    // The database itself holds valid JSON with the same verb (the column has a JSON_VALID check).
    assertEquals(
        EXPERIENCED,
        Sql.text(
            "SELECT JSON_VALUE(statement, '$.verb.id') FROM learning_record WHERE statement_id = ?",
            record.getStatementId()));
  }

  @Test
  void answeringEveryQuestionOfAUnitCorrectlyCompletesTheUnit() {
    UserAccount learner = learner();
    String module = module(0);
    enrolments.enrol(learner.getId(), module);
    List<Unit> units = units(module);
    Unit unit = units.get(0);
    List<Question> questions = questions(unit);

    PracticeFeedback last = null;
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      last = progress.answer(learner.getId(), q.id(), Responses.correct(q.item()));
      assertTrue(last.correct(), q.item().identifier() + " (" + q.item().type() + ")");
      assertEquals(0, BigDecimal.ONE.compareTo(last.scaled()), q.item().identifier());
      assertEquals(i == questions.size() - 1, last.unitCompleted(), "after question " + (i + 1));
    }

    assertEquals(new ModuleProgress(module, 1, units.size()), last.progress());
    assertTrue(progress.isUnitCompleted(learner.getId(), unit.id()));
    assertEquals(Set.of(unit.id()), progress.completedUnits(learner.getId(), moduleId(module)));
    assertEquals(
        questions.stream().map(Question::id).collect(Collectors.toSet()),
        progress.answeredItems(learner.getId(), unit.id()));
    assertEquals(
        questions.size(),
        Sql.number(
            "SELECT COUNT(*) FROM practice_answer WHERE learner_id = ? AND correct",
            learner.getId()));

    Map<String, Long> verbs = verbCounts(learner);
    assertEquals(questions.size(), verbs.get(Verb.ANSWERED.iri()).intValue());
    assertEquals(1, verbs.get(Verb.COMPLETED.iri()).intValue());
    JsonObject completed =
        progress.statementsOf(learner.getId(), 100).stream()
            .filter(r -> r.getVerbId().equals(Verb.COMPLETED.iri()))
            .map(r -> json(r.getStatement()))
            .findFirst()
            .orElseThrow();
    assertEquals(
        Statements.PLATFORM_IRI + "/activities/modules/" + module + "/units/" + unit.code(),
        completed.getJsonObject("object").getString("id"));
    assertTrue(completed.getJsonObject("result").getBoolean("completion"));
  }

  @Test
  void aWrongAnswerIsScoredWrongWithFeedback() {
    UserAccount learner = learner();
    String module = module(0);
    enrolments.enrol(learner.getId(), module);
    Unit unit = units(module).get(0);
    Question question =
        questions(unit).stream()
            .filter(q -> q.item().type() == ItemType.CHOICE_SINGLE)
            .filter(q -> q.item().choices().stream().anyMatch(c -> c.weightPercent().signum() == 0))
            .findFirst()
            .orElseThrow();
    ChoiceResponse wrong = (ChoiceResponse) Responses.wrong(question.item());
    Choice chosen = question.item().choice(wrong.choiceIds().iterator().next()).orElseThrow();

    PracticeFeedback feedback = progress.answer(learner.getId(), question.id(), wrong);

    assertFalse(feedback.correct());
    assertEquals(0, BigDecimal.ZERO.compareTo(feedback.scaled()));
    assertFalse(feedback.feedbackHtml().isEmpty());
    if (!chosen.feedbackHtml().isBlank()) {
      assertEquals(chosen.feedbackHtml(), feedback.feedbackHtml().get(0));
    }
    assertFalse(feedback.unitCompleted());
    assertEquals(
        1,
        Sql.number(
            "SELECT COUNT(*) FROM practice_answer WHERE learner_id = ? AND item_id = ?"
                + " AND NOT correct AND scaled_score = 0",
            learner.getId(),
            question.id()));
    JsonObject answered = json(progress.statementsOf(learner.getId(), 1).get(0).getStatement());
    assertEquals(Verb.ANSWERED.iri(), answered.getJsonObject("verb").getString("id"));
    assertFalse(answered.getJsonObject("result").getBoolean("success"));
  }

  @Test
  void answeringWithoutAnEnrolmentIsRefusedAndStoresNothing() {
    UserAccount learner = learner();
    enrolments.enrol(learner.getId(), module(0));
    String other = module(1);
    Unit unit = units(other).get(0);
    Question question = questions(unit).get(0);

    DomainException refused =
        assertThrows(
            DomainException.class,
            () ->
                progress.answer(
                    learner.getId(), question.id(), Responses.correct(question.item())));
    assertEquals("error.enrolment.missing", refused.messageKey());
    DomainException viewRefused =
        assertThrows(
            DomainException.class, () -> progress.recordUnitView(learner.getId(), unit.id()));
    assertEquals("error.enrolment.missing", viewRefused.messageKey());

    assertEquals(
        0,
        Sql.number("SELECT COUNT(*) FROM practice_answer WHERE learner_id = ?", learner.getId()));
    assertEquals(
        0, Sql.number("SELECT COUNT(*) FROM learning_record WHERE actor_id = ?", learner.getId()));
  }

  @Test
  void theCoachSeesTheLearnersLastActivityAndProgress() {
    UserAccount learner = learner();
    UserAccount coach = account("it-begeleider", Role.COACH);
    accounts.assignCoach(learner.getId(), coach.getId());
    String module = module(0);
    enrolments.enrol(learner.getId(), module);
    List<Unit> units = units(module);

    List<LearnerOverview> before = coaching.caseload(coach.getId());
    assertEquals(1, before.size());
    assertNull(before.get(0).lastActivity());
    assertEquals(List.of(new ModuleProgress(module, 0, units.size())), before.get(0).modules());

    Instant start = Instant.now().minusSeconds(1);
    progress.recordUnitView(learner.getId(), units.get(0).id());
    answerAllCorrectly(learner, units.get(0));

    List<LearnerOverview> caseload = coaching.caseload(coach.getId());
    assertEquals(1, caseload.size());
    LearnerOverview overview = caseload.get(0);
    assertEquals(learner.getId().longValue(), overview.learnerId());
    assertEquals(learner.getUsername(), overview.username());
    assertEquals(learner.getDisplayName(), overview.displayName());
    assertNotNull(overview.lastActivity());
    assertTrue(
        !overview.lastActivity().isBefore(start) && !overview.lastActivity().isAfter(Instant.now()),
        "last activity " + overview.lastActivity());
    assertEquals(
        progress.statementsOf(learner.getId(), 1).get(0).getOccurredAt(), overview.lastActivity());
    assertEquals(List.of(new ModuleProgress(module, 1, units.size())), overview.modules());
  }

  @Test
  void completingEveryUnitCompletesTheEnrolment() {
    UserAccount learner = learner();
    String module = module(0);
    Enrolment enrolment = enrolments.enrol(learner.getId(), module);
    List<Unit> units = units(module);

    PracticeFeedback last = null;
    for (Unit unit : units) {
      last = answerAllCorrectly(learner, unit);
    }

    assertTrue(last.progress().complete());
    assertEquals(100, last.progress().percent());
    assertEquals(
        "COMPLETED", Sql.text("SELECT status FROM enrolment WHERE id = ?", enrolment.getId()));
    assertNotNull(
        Sql.text(
            "SELECT CAST(completed_at AS CHAR) FROM enrolment WHERE id = ?", enrolment.getId()));
    // One completed statement per unit and one for the module.
    assertEquals(units.size() + 1, verbCounts(learner).get(Verb.COMPLETED.iri()).intValue());
    assertEquals(
        1,
        Sql.number(
            "SELECT COUNT(*) FROM learning_record WHERE actor_id = ? AND verb_id = ?"
                + " AND object_id = ?",
            learner.getId(),
            Verb.COMPLETED.iri(),
            Statements.PLATFORM_IRI + "/activities/modules/" + module));
  }

  private PracticeFeedback answerAllCorrectly(UserAccount learner, Unit unit) {
    PracticeFeedback last = null;
    for (Question q : questions(unit)) {
      last = progress.answer(learner.getId(), q.id(), Responses.correct(q.item()));
      assertTrue(last.correct(), q.item().identifier());
    }
    assertTrue(last.unitCompleted(), unit.code());
    return last;
  }

  private UserAccount learner() {
    return account("it-cursist", Role.LEARNER);
  }

  private UserAccount account(String prefix, Role role) {
    return accounts.create(
        Centres.DEFAULT_CENTRE_CODE,
        prefix + "-" + UUID.randomUUID().toString().substring(0, 8),
        "Test " + prefix,
        "een-lang-wachtwoord",
        EnumSet.of(role));
  }

  // The code of the n-th published module in catalogue order.
  private String module(int index) {
    return catalogue.published(null, null).stream().map(CourseModule::getCode).toList().get(index);
  }

  private long moduleId(String code) {
    return Sql.number("SELECT id FROM course_module WHERE code = ?", code);
  }

  // Read with SQL, not through the entities, so no lazy association is touched outside a
  // transaction.
  private List<Unit> units(String moduleCode) {
    return Sql.rows(
            "SELECT u.id, u.code FROM learning_unit u JOIN course_module m ON m.id = u.module_id"
                + " WHERE m.code = ? ORDER BY u.position",
            moduleCode)
        .stream()
        .map(r -> new Unit(((Number) r.get(0)).longValue(), (String) r.get(1)))
        .toList();
  }

  private List<Question> questions(Unit unit) {
    return Sql.rows("SELECT id FROM practice_item WHERE unit_id = ? ORDER BY position", unit.id())
        .stream()
        .map(r -> ((Number) r.get(0)).longValue())
        .map(id -> new Question(id, practiceItems.toItem(catalogue.item(id).orElseThrow())))
        .toList();
  }

  private Map<String, Long> verbCounts(UserAccount learner) {
    return progress.statementsOf(learner.getId(), 1000).stream()
        .collect(Collectors.groupingBy(LearningRecord::getVerbId, Collectors.counting()));
  }

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
