package be.edusprong.lms.web.api;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.view.Messages;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The error body of every refused API call (docs/delivery-api.md, "Errors"):
 *
 * <pre>{@code
 * {"error": "error.delivery.closed", "message": "Deze toets is gesloten.",
 *  "detail": "assessment 7 has closed", "arguments": []}
 * }</pre>
 *
 * {@code error} is a stable key, {@code message} the text for the learner in the request's language
 * (Dutch unless {@code Accept-Language} prefers English), {@code detail} an English explanation for
 * logs and developers.
 */
final class ApiError {
  /** HTTP statuses by message key; every other domain refusal is 400. */
  private static final Map<String, Integer> STATUS =
      Map.ofEntries(
          Map.entry("error.attempt.unknown", 404),
          Map.entry("error.assessment.unknown", 404),
          Map.entry("error.delivery.itemUnknown", 404),
          Map.entry("error.delivery.notLearner", 403),
          Map.entry("error.delivery.accessCode", 403),
          Map.entry("error.delivery.ipNotAllowed", 403),
          Map.entry("error.delivery.notOpen", 409),
          Map.entry("error.delivery.closed", 409),
          Map.entry("error.delivery.noAttemptsLeft", 409),
          Map.entry("error.delivery.locked", 423),
          Map.entry("error.api.unauthenticated", 401),
          Map.entry("error.api.throttled", 429));

  private ApiError() {}

  /** The response for a refused business operation. */
  static Response of(DomainException e, List<Locale> languages) {
    return of(
        STATUS.getOrDefault(e.messageKey(), 400),
        e.messageKey(),
        e.getMessage(),
        languages,
        e.arguments());
  }

  /** A response with an error body. */
  static Response of(
      int status, String key, String detail, List<Locale> languages, Object... arguments) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(body(key, detail, languages, arguments))
        .build();
  }

  static JsonObject body(String key, String detail, List<Locale> languages, Object... arguments) {
    JsonArrayBuilder args = JSON.createArrayBuilder();
    for (Object argument : arguments) {
      args.add(String.valueOf(argument));
    }
    JsonObjectBuilder body =
        JSON.createObjectBuilder()
            .add("error", key)
            .add("message", message(key, language(languages), arguments))
            .add("detail", detail == null ? "" : detail)
            .add("arguments", args);
    return body.build();
  }

  /** Dutch unless the client prefers English. */
  static Locale language(List<Locale> languages) {
    for (Locale l : languages) {
      if (l.getLanguage().equals("en")) {
        return Locale.ENGLISH;
      }
      if (l.getLanguage().equals("nl")) {
        return Locale.forLanguageTag("nl");
      }
    }
    return Locale.forLanguageTag("nl");
  }

  private static String message(String key, Locale locale, Object... arguments) {
    return Messages.text(locale, key, arguments);
  }
}
