package be.edusprong.lms.domain.progress;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.module.LearningUnit;
import be.edusprong.lms.domain.module.PracticeItem;
import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Builds xAPI 1.0.3 statements (JSON) for what learners do. Activity ids are IRIs under {@link
 * #PLATFORM_IRI}; actors are identified by an account on the platform (xAPI 1.0.3 Part Two section
 * 2.4.2.4), never by e-mail address, so that no personal data leaves in the identifier.
 */
public final class Statements {
  /** The platform's IRI: account home page and root of activity ids. */
  public static final String PLATFORM_IRI = "https://edusprong.be/lms";

  private Statements() {}

  /** The activity id of a module. */
  public static String moduleActivity(CourseModule module) {
    return PLATFORM_IRI + "/activities/modules/" + module.getCode();
  }

  /** The activity id of a unit. */
  public static String unitActivity(LearningUnit unit) {
    return moduleActivity(unit.getModule()) + "/units/" + unit.getCode();
  }

  /** The activity id of a practice question. */
  public static String itemActivity(PracticeItem item) {
    return unitActivity(item.getUnit()) + "/items/" + item.getIdentifier();
  }

  /**
   * A statement.
   *
   * @param id statement id (UUID)
   * @param actor who did it
   * @param verb what was done
   * @param objectId the activity IRI
   * @param objectType the ADL activity type IRI
   * @param objectName the activity's name
   * @param result the result object or null
   * @param parent the parent activity IRI or null
   * @param grouping the grouping activity IRI (the module) or null
   * @param timestamp when it happened
   * @param stored when the platform stored it
   * @return the statement JSON
   */
  public static JsonObject statement(
      UUID id,
      UserAccount actor,
      Verb verb,
      String objectId,
      String objectType,
      LocalizedText objectName,
      JsonObject result,
      String parent,
      String grouping,
      Instant timestamp,
      Instant stored) {
    JsonObjectBuilder context =
        JSON.createObjectBuilder().add("platform", "Edusprong LMS").add("language", "nl-BE");
    JsonObjectBuilder activities = JSON.createObjectBuilder();
    if (parent != null) {
      activities.add("parent", JSON.createArrayBuilder().add(activity(parent)));
    }
    if (grouping != null) {
      activities.add("grouping", JSON.createArrayBuilder().add(activity(grouping)));
    }
    context.add("contextActivities", activities);
    JsonObjectBuilder statement =
        JSON.createObjectBuilder()
            .add("id", id.toString())
            .add(
                "actor",
                JSON.createObjectBuilder()
                    .add("objectType", "Agent")
                    .add("name", actor.getDisplayName())
                    .add(
                        "account",
                        JSON.createObjectBuilder()
                            .add("homePage", PLATFORM_IRI)
                            .add("name", actor.getUsername())))
            .add(
                "verb",
                JSON.createObjectBuilder()
                    .add("id", verb.iri())
                    .add(
                        "display",
                        JSON.createObjectBuilder()
                            .add("en-US", verb.english())
                            .add("nl-BE", verb.dutch())))
            .add(
                "object",
                JSON.createObjectBuilder()
                    .add("objectType", "Activity")
                    .add("id", objectId)
                    .add(
                        "definition",
                        JSON.createObjectBuilder()
                            .add("type", objectType)
                            .add(
                                "name",
                                JSON.createObjectBuilder()
                                    .add("nl-BE", objectName.nl())
                                    .add("en-US", objectName.en()))));
    if (result != null) {
      statement.add("result", result);
    }
    return statement
        .add("context", context)
        .add("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp))
        .add("stored", DateTimeFormatter.ISO_INSTANT.format(stored))
        .add("version", "1.0.3")
        .build();
  }

  /**
   * The result of an answered question (xAPI 1.0.3 Part Two section 2.4.5).
   *
   * @param scaled score in [0,1]
   * @param raw points earned
   * @param max maximum points
   * @param success full marks
   * @param response the learner's response, in the interaction's response pattern
   */
  public static JsonObject answerResult(
      BigDecimal scaled, BigDecimal raw, BigDecimal max, boolean success, String response) {
    return JSON.createObjectBuilder()
        .add(
            "score",
            JSON.createObjectBuilder()
                .add("scaled", scaled)
                .add("raw", raw)
                .add("min", 0)
                .add("max", max))
        .add("success", success)
        .add("completion", true)
        .add("response", response == null ? "" : response)
        .build();
  }

  /** The result of a completed unit or module. */
  public static JsonObject completionResult() {
    return JSON.createObjectBuilder().add("completion", true).build();
  }

  private static JsonObject activity(String id) {
    return JSON.createObjectBuilder().add("objectType", "Activity").add("id", id).build();
  }

  /** ADL activity type of a module. */
  public static final String TYPE_COURSE = "http://adlnet.gov/expapi/activities/course";

  /** ADL activity type of a unit. */
  public static final String TYPE_MODULE = "http://adlnet.gov/expapi/activities/module";

  /** ADL activity type of a question. */
  public static final String TYPE_INTERACTION =
      "http://adlnet.gov/expapi/activities/cmi.interaction";
}
