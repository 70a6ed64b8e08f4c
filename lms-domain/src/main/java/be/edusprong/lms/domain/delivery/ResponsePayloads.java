package be.edusprong.lms.domain.delivery;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.scoring.ChoiceResponse;
import be.edusprong.lms.assessment.scoring.GapResponse;
import be.edusprong.lms.assessment.scoring.MatchResponse;
import be.edusprong.lms.assessment.scoring.OrderResponse;
import be.edusprong.lms.assessment.scoring.Response;
import be.edusprong.lms.assessment.scoring.TextResponse;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the response JSON the exam page saves (docs/delivery-api.md, "An item") into the scoring
 * engine's {@link Response}, by item type:
 *
 * <ul>
 *   <li>{@code CHOICE_SINGLE}, {@code TRUE_FALSE}: {@code {"choice": "B"}} (TRUE/FALSE for
 *       true/false);
 *   <li>{@code CHOICE_MULTIPLE}: {@code {"choices": ["A", "C"]}};
 *   <li>{@code SHORT_ANSWER}, {@code NUMERICAL}, {@code ESSAY}: {@code {"text": "..."}};
 *   <li>{@code MATCHING}: {@code {"pairs": {"<premise id>": "<answer text>"}}};
 *   <li>{@code ORDERING}: {@code {"order": ["C", "A", "B"]}};
 *   <li>{@code CLOZE}, {@code GAP_MATCH}: {@code {"gaps": {"G1": "<value>"}}} (see {@link
 *       GapResponse} for the value per gap kind).
 * </ul>
 *
 * A member that is missing reads as "nothing given" (no choice, empty text, no pairs), so a cleared
 * answer scores 0 rather than failing.
 */
public final class ResponsePayloads {
  private ResponsePayloads() {}

  /**
   * The response a payload holds.
   *
   * @param type the item's type
   * @param payload the saved JSON, or null when the question was never answered
   * @return the response ({@link TextResponse} for descriptions)
   * @throws IllegalArgumentException when the payload is not a JSON object or a member has the
   *     wrong JSON type, naming the member
   */
  public static Response read(ItemType type, String payload) {
    JsonObject json = payload == null ? JsonValue.EMPTY_JSON_OBJECT : object(payload);
    return switch (type) {
      case CHOICE_SINGLE, TRUE_FALSE -> {
        String choice = string(json, "choice");
        yield choice == null ? new ChoiceResponse(Set.of()) : ChoiceResponse.of(choice);
      }
      case CHOICE_MULTIPLE -> new ChoiceResponse(new LinkedHashSet<>(strings(json, "choices")));
      case SHORT_ANSWER, NUMERICAL, ESSAY, DESCRIPTION -> {
        String text = string(json, "text");
        yield new TextResponse(text == null ? "" : text);
      }
      case MATCHING -> new MatchResponse(map(json, "pairs"));
      case ORDERING -> new OrderResponse(strings(json, "order"));
      case CLOZE, GAP_MATCH -> new GapResponse(map(json, "gaps"));
    };
  }

  /**
   * Whether a payload gives an answer at all (a chosen option, a non-blank text, a pair, ...).
   *
   * @param payload the saved JSON, or null
   * @return false for null, {@code {}}, empty lists and blank texts
   */
  public static boolean answered(String payload) {
    if (payload == null) {
      return false;
    }
    JsonObject json;
    try {
      json = object(payload);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (JsonValue v : json.values()) {
      if (v instanceof JsonString s && !s.getString().isBlank()
          || v instanceof JsonArray a && !a.isEmpty()
          || v instanceof JsonObject o && !o.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject object(String payload) {
    try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject o)) {
        throw new IllegalArgumentException(
            "a response is a JSON object, was " + value.getValueType());
      }
      return o;
    } catch (JsonException e) {
      throw new IllegalArgumentException("a response is JSON: " + e.getMessage(), e);
    }
  }

  private static String string(JsonObject json, String member) {
    JsonValue v = json.get(member);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw new IllegalArgumentException("'" + member + "' must be a string");
  }

  private static List<String> strings(JsonObject json, String member) {
    JsonValue v = json.get(member);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw new IllegalArgumentException("'" + member + "' must be an array of strings");
    }
    return a.stream()
        .map(
            e -> {
              if (e instanceof JsonString s) {
                return s.getString();
              }
              throw new IllegalArgumentException("'" + member + "' must be an array of strings");
            })
        .toList();
  }

  private static Map<String, String> map(JsonObject json, String member) {
    JsonValue v = json.get(member);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Map.of();
    }
    if (!(v instanceof JsonObject o)) {
      throw new IllegalArgumentException("'" + member + "' must be an object of strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    o.forEach(
        (k, e) -> {
          if (!(e instanceof JsonString s)) {
            throw new IllegalArgumentException("'" + member + "." + k + "' must be a string");
          }
          if (!s.getString().isEmpty()) {
            out.put(k, s.getString());
          }
        });
    return out;
  }
}
