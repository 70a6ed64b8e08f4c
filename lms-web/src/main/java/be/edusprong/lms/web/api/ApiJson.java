package be.edusprong.lms.web.api;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.delivery.Receipt;
import be.edusprong.lms.domain.delivery.Attempt;
import be.edusprong.lms.domain.delivery.AttemptEvent;
import be.edusprong.lms.domain.delivery.AttemptReview;
import be.edusprong.lms.domain.delivery.ItemView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JSON shapes of the delivery API, one method per shape, as documented in {@code
 * docs/delivery-api.md}. Times are ISO-8601 in UTC with milliseconds ({@link Instant#toString()});
 * durations are whole milliseconds in members named {@code ...Ms}. Absent values are JSON {@code
 * null}, never left out, so clients can rely on every member being there.
 */
final class ApiJson {
  private ApiJson() {}

  /**
   * An attempt as the learner may see it while taking it.
   *
   * <pre>{@code
   * {"id": "<uuid>", "assessmentId": 7, "status": "ACTIVE" | "SUBMITTED",
   *  "startedAt": "...", "deadline": "..." | null, "serverTime": "...", "timeLeftMs": 1234 | null,
   *  "submittedAt": null | "...", "submittedBy": null | "LEARNER" | "SERVER", "receiptCount": 3}
   * }</pre>
   */
  static JsonObject attempt(Attempt attempt, Instant serverTime, Optional<Duration> timeLeft) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("id", attempt.getId())
            .add("assessmentId", attempt.getAssessmentId())
            .add("status", attempt.getStatus().name())
            .add("startedAt", attempt.getStartedAt().toString());
    time(b, "deadline", attempt.getDeadlineAt());
    b.add("serverTime", serverTime.toString());
    if (timeLeft.isPresent()) {
      b.add("timeLeftMs", timeLeft.get().toMillis());
    } else {
      b.addNull("timeLeftMs");
    }
    time(b, "submittedAt", attempt.getSubmittedAt());
    if (attempt.getSubmittedBy() == null) {
      b.addNull("submittedBy");
    } else {
      b.add("submittedBy", attempt.getSubmittedBy().name());
    }
    return b.add("receiptCount", attempt.getReceiptCount()).build();
  }

  /**
   * A question without its key (see {@link ItemView}).
   *
   * <pre>{@code
   * {"position": 1, "identifier": "q1", "type": "CHOICE_SINGLE", "stemHtml": "...",
   *  "missingWordIndex": -1, "choices": [{"id": "A", "html": "..."}],
   *  "premises": [{"id": "...", "html": "..."}], "answers": ["..."],
   *  "gaps": [{"id": "G1", "kind": "INLINE_CHOICE", "options": [{"id": "A", "html": "..."}]}],
   *  "gapTexts": [{"id": "A", "html": "..."}],
   *  "savedVersion": 0, "savedResponse": null | <the saved response, as JSON>}
   * }</pre>
   */
  static JsonObject item(ItemView view) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("position", view.position())
            .add("identifier", view.identifier())
            .add("type", view.type().name())
            .add("stemHtml", view.stemHtml())
            .add("missingWordIndex", view.missingWordIndex())
            .add("choices", options(view.choices()))
            .add("premises", options(view.premises()));
    JsonArrayBuilder answers = JSON.createArrayBuilder();
    view.answers().forEach(answers::add);
    JsonArrayBuilder gaps = JSON.createArrayBuilder();
    for (ItemView.GapView g : view.gaps()) {
      gaps.add(
          JSON.createObjectBuilder()
              .add("id", g.id())
              .add("kind", g.kind())
              .add("options", options(g.options())));
    }
    b.add("answers", answers)
        .add("gaps", gaps)
        .add("gapTexts", options(view.gapTexts()))
        .add("savedVersion", view.savedVersion());
    if (view.savedPayload() == null) {
      b.addNull("savedResponse");
    } else {
      try (JsonReader reader = JSON.createReader(new StringReader(view.savedPayload()))) {
        b.add("savedResponse", reader.readValue());
      }
    }
    return b.build();
  }

  /**
   * A receipt, as in the receipt list ({@code ReceiptExport}).
   *
   * <pre>{@code
   * {"attemptId": "...", "sequence": 1, "itemIdentifier": "q1", "responseDigest": "<hex>",
   *  "responseVersion": 1, "serverTime": "...", "previousHash": "<hex>", "hash": "<hex>",
   *  "signature": "<base64>"}
   * }</pre>
   */
  static JsonObject receipt(Receipt r) {
    return JSON.createObjectBuilder()
        .add("attemptId", r.attemptId())
        .add("sequence", r.sequence())
        .add("itemIdentifier", r.itemIdentifier())
        .add("responseDigest", r.responseDigest())
        .add("responseVersion", r.responseVersion())
        .add("serverTime", r.serverTime().toString())
        .add("previousHash", r.previousHash())
        .add("hash", r.hash())
        .add("signature", r.signature())
        .build();
  }

  /**
   * One entry of the integrity log.
   *
   * <pre>{@code
   * {"kind": "TAKEOVER", "at": "...", "ip": "10.0.0.5" | null, "detail": "..." | null}
   * }</pre>
   */
  static JsonObject event(AttemptEvent e) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder().add("kind", e.getKind().name()).add("at", e.getAt().toString());
    nullable(b, "ip", e.getIp());
    nullable(b, "detail", e.getDetail());
    return b.build();
  }

  /**
   * The review of a submitted attempt (see {@code AttemptReview}).
   *
   * <pre>{@code
   * {"attemptId": ..., "review": "NONE" | "SCORE" | "RESPONSES" | "FULL", "submittedAt": ...,
   *  "graded": true, "scoreRaw": 7.5 | null, "scoreMax": 10 | null, "passed": true | null,
   *  "items": [{"position": 1, "identifier": "q1", "stemHtml": "...", "response": {...} | null,
   *             "score": 1 | null, "points": 1, "graderComment": null,
   *             "correctResponse": {...} | null, "feedbackHtml": ["..."]}]}
   * }</pre>
   */
  static JsonObject review(AttemptReview r) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("attemptId", r.attemptId())
            .add("review", r.review().name())
            .add("submittedAt", r.submittedAt().toString())
            .add("graded", r.graded());
    number(b, "scoreRaw", r.scoreRaw());
    number(b, "scoreMax", r.scoreMax());
    if (r.passed() == null) {
      b.addNull("passed");
    } else {
      b.add("passed", r.passed());
    }
    JsonArrayBuilder items = JSON.createArrayBuilder();
    for (AttemptReview.ItemReview i : r.items()) {
      JsonObjectBuilder ib =
          JSON.createObjectBuilder()
              .add("position", i.position())
              .add("identifier", i.identifier())
              .add("stemHtml", i.stemHtml());
      jsonText(ib, "response", i.response());
      number(ib, "score", i.score());
      number(ib, "points", i.points());
      nullable(ib, "graderComment", i.graderComment());
      jsonText(ib, "correctResponse", i.correctResponse());
      JsonArrayBuilder feedback = JSON.createArrayBuilder();
      i.feedbackHtml().forEach(feedback::add);
      items.add(ib.add("feedbackHtml", feedback));
    }
    return b.add("items", items).build();
  }

  private static void number(JsonObjectBuilder b, String name, java.math.BigDecimal value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value.stripTrailingZeros());
    }
  }

  private static void jsonText(JsonObjectBuilder b, String name, String json) {
    if (json == null) {
      b.addNull(name);
      return;
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      b.add(name, reader.readValue());
    }
  }

  static JsonArrayBuilder array(List<JsonObject> values) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }

  private static JsonArrayBuilder options(List<ItemView.Option> options) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    for (ItemView.Option o : options) {
      a.add(JSON.createObjectBuilder().add("id", o.id()).add("html", o.html()));
    }
    return a;
  }

  private static void time(JsonObjectBuilder b, String name, Instant value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value.toString());
    }
  }

  static void nullable(JsonObjectBuilder b, String name, String value) {
    if (value == null) {
      b.addNull(name);
    } else {
      b.add(name, value);
    }
  }
}
