package be.edusprong.lms.domain.delivery;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Gap;
import be.edusprong.lms.assessment.item.GapText;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.TextFormat;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The platform's own storage form of a question ({@value #FORMAT}): every component of an {@link
 * Item} as JSON, so that it reads back to an equal item by construction. Used for questions that
 * neither GIFT nor their original QTI 3.0 document can hold exactly (e.g. an ordering item from
 * Moodle XML, a cloze from QTI 1.2); interchange goes through the QTI 3.0 and GIFT exports.
 *
 * <p>Shape: an object with {@code "format": "edusprong-item/1"} and one member per {@link Item}
 * component under the same name; {@code choices}, {@code pairs}, {@code gaps}, {@code gapTexts} are
 * arrays of objects with their record's components; enums by name; numbers (weights, numeric
 * values, tolerances) as JSON numbers read back as {@link BigDecimal} with the same scale; a
 * missing {@code numeric} or {@code gapTextId} is JSON {@code null}.
 */
public final class ItemJson {
  /** The source-format name under which items are stored in this form. */
  public static final String FORMAT = "json";

  /** The version tag inside the document. */
  public static final String VERSION = "edusprong-item/1";

  private ItemJson() {}

  /**
   * Writes an item.
   *
   * @param item the item
   * @return its JSON text
   */
  public static String write(Item item) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("format", VERSION)
            .add("identifier", item.identifier())
            .add("title", item.title())
            .add("type", item.type().name())
            .add("stemFormat", item.stemFormat().name())
            .add("stemText", item.stemText())
            .add("stemHtml", item.stemHtml())
            .add("missingWordIndex", item.missingWordIndex())
            .add("choices", array(item.choices(), ItemJson::choice))
            .add(
                "pairs",
                array(
                    item.pairs(),
                    p ->
                        JSON.createObjectBuilder()
                            .add("id", p.id())
                            .add("premiseText", p.premiseText())
                            .add("premiseFormat", p.premiseFormat().name())
                            .add("premiseHtml", p.premiseHtml())
                            .add("answer", p.answer())))
            .add(
                "gaps",
                array(
                    item.gaps(),
                    g -> {
                      JsonObjectBuilder o =
                          JSON.createObjectBuilder()
                              .add("id", g.id())
                              .add("kind", g.kind().name())
                              .add("answers", array(g.answers(), ItemJson::choice))
                              .add("weight", g.weight());
                      return g.gapTextId() == null
                          ? o.addNull("gapTextId")
                          : o.add("gapTextId", g.gapTextId());
                    }))
            .add(
                "gapTexts",
                array(
                    item.gapTexts(),
                    t ->
                        JSON.createObjectBuilder()
                            .add("id", t.id())
                            .add("text", t.text())
                            .add("format", t.format().name())
                            .add("textHtml", t.textHtml())
                            .add("group", t.group())
                            .add("infinite", t.infinite())))
            .add("generalFeedbackHtml", item.generalFeedbackHtml())
            .add("category", item.category());
    JsonArrayBuilder tags = JSON.createArrayBuilder();
    item.tags().forEach(tags::add);
    return b.add("tags", tags)
        .add("sourceLine", item.sourceLine())
        .add("sourceText", item.sourceText())
        .build()
        .toString();
  }

  /**
   * Reads an item back.
   *
   * @param json text written by {@link #write}
   * @return the item, equal to the one written
   * @throws IllegalArgumentException when the text is not such a document (naming the member at
   *     fault) or the item it describes is not valid
   */
  public static Item read(String json) {
    JsonObject o;
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      o = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("not an item document: " + e.getMessage(), e);
    }
    if (!VERSION.equals(o.getString("format", null))) {
      throw new IllegalArgumentException("not an " + VERSION + " document");
    }
    try {
      return new Item(
          o.getString("identifier"),
          o.getString("title"),
          ItemType.valueOf(o.getString("type")),
          TextFormat.valueOf(o.getString("stemFormat")),
          o.getString("stemText"),
          o.getString("stemHtml"),
          o.getInt("missingWordIndex"),
          list(o.getJsonArray("choices"), ItemJson::choice),
          list(
              o.getJsonArray("pairs"),
              p ->
                  new MatchPair(
                      p.getString("id"),
                      p.getString("premiseText"),
                      TextFormat.valueOf(p.getString("premiseFormat")),
                      p.getString("premiseHtml"),
                      p.getString("answer"))),
          list(
              o.getJsonArray("gaps"),
              g ->
                  new Gap(
                      g.getString("id"),
                      Gap.Kind.valueOf(g.getString("kind")),
                      list(g.getJsonArray("answers"), ItemJson::choice),
                      g.getInt("weight"),
                      g.isNull("gapTextId") ? null : g.getString("gapTextId"))),
          list(
              o.getJsonArray("gapTexts"),
              t ->
                  new GapText(
                      t.getString("id"),
                      t.getString("text"),
                      TextFormat.valueOf(t.getString("format")),
                      t.getString("textHtml"),
                      t.getInt("group"),
                      t.getBoolean("infinite"))),
          o.getString("generalFeedbackHtml"),
          o.getString("category"),
          o.getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class).stream()
              .map(jakarta.json.JsonString::getString)
              .toList(),
          o.getInt("sourceLine"),
          o.getString("sourceText"));
    } catch (NullPointerException | ClassCastException e) {
      throw new IllegalArgumentException("an item document lacks a member: " + e.getMessage(), e);
    }
  }

  private static JsonObjectBuilder choice(Choice c) {
    JsonObjectBuilder b =
        JSON.createObjectBuilder()
            .add("id", c.id())
            .add("text", c.text())
            .add("format", c.format().name())
            .add("textHtml", c.textHtml())
            .add("weightPercent", c.weightPercent())
            .add("feedbackHtml", c.feedbackHtml());
    if (c.numeric() == null) {
      return b.addNull("numeric");
    }
    return b.add(
        "numeric",
        JSON.createObjectBuilder()
            .add("value", c.numeric().value())
            .add("tolerance", c.numeric().tolerance()));
  }

  private static Choice choice(JsonObject c) {
    NumericAnswer numeric =
        c.isNull("numeric")
            ? null
            : new NumericAnswer(
                c.getJsonObject("numeric").getJsonNumber("value").bigDecimalValue(),
                c.getJsonObject("numeric").getJsonNumber("tolerance").bigDecimalValue());
    return new Choice(
        c.getString("id"),
        c.getString("text"),
        TextFormat.valueOf(c.getString("format")),
        c.getString("textHtml"),
        c.getJsonNumber("weightPercent").bigDecimalValue(),
        c.getString("feedbackHtml"),
        numeric);
  }

  private static <T> JsonArrayBuilder array(List<T> values, Function<T, JsonObjectBuilder> f) {
    JsonArrayBuilder a = JSON.createArrayBuilder();
    values.forEach(v -> a.add(f.apply(v)));
    return a;
  }

  private static <T> List<T> list(JsonArray array, Function<JsonObject, T> f) {
    List<T> out = new ArrayList<>();
    for (JsonValue v : array) {
      out.add(f.apply(v.asJsonObject()));
    }
    return out;
  }
}
