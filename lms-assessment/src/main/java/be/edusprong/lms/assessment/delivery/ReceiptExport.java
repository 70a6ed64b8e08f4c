package be.edusprong.lms.assessment.delivery;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The receipt list a learner downloads at the end of an attempt, as JSON, and its parser, so that
 * the list can later be checked by a verify command or endpoint (issue 3, point 4: "At the end the
 * learner can download the receipt list; a documented verify command/endpoint checks it").
 *
 * <p>Shape (UTF-8 JSON; unknown members are ignored, so later versions may add some):
 *
 * <pre>{@code
 * {
 *   "format": "edusprong-receipts/1",
 *   "attemptId": "att-42",
 *   "receipts": [
 *     {
 *       "attemptId": "att-42",
 *       "sequence": 1,
 *       "itemIdentifier": "q1",
 *       "responseDigest": "<64 lower-case hex: SHA-256 of the canonical response>",
 *       "responseVersion": 1,
 *       "serverTime": "2025-03-01T10:00:00.123Z",
 *       "previousHash": "0000000000000000000000000000000000000000000000000000000000000000",
 *       "hash": "<64 lower-case hex>",
 *       "signature": "<base64 Ed25519 signature over the 32 hash bytes>"
 *     }
 *   ]
 * }
 * }</pre>
 *
 * {@code sequence} and {@code responseVersion} are JSON integers; {@code serverTime} is ISO-8601 in
 * UTC ({@link Instant#toString()}; whole milliseconds). The top-level {@code attemptId} names the
 * attempt the list claims to be; a verifier passes it as the expected attempt to {@link
 * ReceiptChain#verify(List, java.security.PublicKey, String)}. The public key is deliberately not
 * in the file: a verifier must use the platform's published key, never one the file brings along.
 *
 * @param attemptId the attempt the list claims to be, not empty
 * @param receipts the receipts in sequence order; may be empty
 */
public record ReceiptExport(String attemptId, List<Receipt> receipts) {

  /** The value of the {@code format} member. */
  public static final String FORMAT = "edusprong-receipts/1";

  /**
   * Copies the list.
   *
   * @throws IllegalArgumentException when the attempt id is empty
   */
  public ReceiptExport {
    if (Objects.requireNonNull(attemptId, "attemptId").isEmpty()) {
      throw new IllegalArgumentException("attemptId must not be empty");
    }
    receipts = List.copyOf(receipts);
  }

  /**
   * Writes the documented JSON, two-space indented, ending with a newline.
   *
   * @return the JSON text
   */
  public String toJson() {
    StringBuilder out = new StringBuilder(256 + receipts.size() * 512);
    out.append("{\n  \"format\": ");
    string(out, FORMAT);
    out.append(",\n  \"attemptId\": ");
    string(out, attemptId);
    out.append(",\n  \"receipts\": [");
    for (int i = 0; i < receipts.size(); i++) {
      Receipt r = receipts.get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {\n");
      member(out, "attemptId", r.attemptId(), false);
      out.append("      \"sequence\": ").append(r.sequence()).append(",\n");
      member(out, "itemIdentifier", r.itemIdentifier(), false);
      member(out, "responseDigest", r.responseDigest(), false);
      out.append("      \"responseVersion\": ").append(r.responseVersion()).append(",\n");
      member(out, "serverTime", r.serverTime().toString(), false);
      member(out, "previousHash", r.previousHash(), false);
      member(out, "hash", r.hash(), false);
      member(out, "signature", r.signature(), true);
      out.append("    }");
    }
    out.append(receipts.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  private static void member(StringBuilder out, String name, String value, boolean last) {
    out.append("      \"").append(name).append("\": ");
    string(out, value);
    out.append(last ? "\n" : ",\n");
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Parses the documented JSON back. Only the shape is checked here; whether the receipts are
   * genuine is {@link ReceiptChain#verify}'s job, so a tampered but well-formed file parses.
   *
   * @param json the text, as written by {@link #toJson()} or any JSON writer
   * @return the attempt id and the receipts, in file order
   * @throws IllegalArgumentException when the text is not JSON (message with the character offset),
   *     the format is not {@value #FORMAT}, a member is missing or of the wrong type, or a receipt
   *     field is malformed (see {@link Receipt})
   */
  public static ReceiptExport parse(String json) {
    Object root = new JsonReader(json).document();
    Map<String, Object> top = object(root, "the document");
    String format = text(top, "format", "the document");
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(
          "not a receipt list: format is \"" + format + "\", expected \"" + FORMAT + "\"");
    }
    String attemptId = text(top, "attemptId", "the document");
    Object list = top.get("receipts");
    if (!(list instanceof List<?> items)) {
      throw new IllegalArgumentException("the document needs a \"receipts\" array");
    }
    List<Receipt> receipts = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String where = "receipt " + (i + 1);
      Map<String, Object> o = object(items.get(i), where);
      Instant time;
      try {
        time = Instant.parse(text(o, "serverTime", where));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(where + ": serverTime is not ISO-8601: " + e, e);
      }
      try {
        receipts.add(
            new Receipt(
                text(o, "attemptId", where),
                integer(o, "sequence", where),
                text(o, "itemIdentifier", where),
                text(o, "responseDigest", where),
                integer(o, "responseVersion", where),
                time,
                text(o, "previousHash", where),
                text(o, "hash", where),
                text(o, "signature", where)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new ReceiptExport(attemptId, receipts);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(where + " must be a JSON object");
  }

  private static String text(Map<String, Object> o, String name, String where) {
    if (o.get(name) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException(where + " needs a string member \"" + name + "\"");
  }

  private static long integer(Map<String, Object> o, String name, String where) {
    if (o.get(name) instanceof Long l) {
      return l;
    }
    throw new IllegalArgumentException(where + " needs an integer member \"" + name + "\"");
  }

  /**
   * A strict RFC 8259 reader into maps, lists, strings, longs, doubles, booleans and null; just
   * enough for this format, so that the module needs no JSON library at run time.
   */
  private static final class JsonReader {
    private static final int MAX_DEPTH = 32;
    private final String s;
    private int pos;

    JsonReader(String s) {
      this.s = Objects.requireNonNull(s, "json");
    }

    Object document() {
      if (s.startsWith("\uFEFF")) {
        pos = 1;
      }
      Object v = value(0);
      space();
      if (pos != s.length()) {
        throw error("text after the end of the JSON value");
      }
      return v;
    }

    private Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nested deeper than " + MAX_DEPTH);
      }
      space();
      if (pos >= s.length()) {
        throw error("unexpected end of text");
      }
      char c = s.charAt(pos);
      return switch (c) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield number();
          }
          throw error("unexpected character '" + c + "'");
        }
      };
    }

    private Map<String, Object> object(int depth) {
      pos++;
      Map<String, Object> map = new LinkedHashMap<>();
      space();
      if (peek('}')) {
        pos++;
        return map;
      }
      while (true) {
        space();
        if (!peek('"')) {
          throw error("expected a member name");
        }
        String name = string();
        space();
        expect(':');
        if (map.put(name, value(depth + 1)) != null) {
          throw error("duplicate member \"" + name + "\"");
        }
        space();
        if (peek(',')) {
          pos++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array(int depth) {
      pos++;
      List<Object> list = new ArrayList<>();
      space();
      if (peek(']')) {
        pos++;
        return list;
      }
      while (true) {
        list.add(value(depth + 1));
        space();
        if (peek(',')) {
          pos++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      pos++;
      StringBuilder b = new StringBuilder();
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return b.toString();
        }
        if (c < 0x20) {
          throw error("control character in a string");
        }
        if (c != '\\') {
          b.append(c);
          continue;
        }
        if (pos >= s.length()) {
          throw error("unterminated escape");
        }
        char e = s.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> b.append(e);
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'n' -> b.append('\n');
          case 'r' -> b.append('\r');
          case 't' -> b.append('\t');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw error("short \\u escape");
            }
            try {
              b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
          }
          default -> throw error("bad escape \\" + e);
        }
      }
    }

    private Object number() {
      int start = pos;
      if (peek('-')) {
        pos++;
      }
      int digits = digits();
      if (digits == 0 || (digits > 1 && s.charAt(pos - digits) == '0')) {
        throw error("malformed number");
      }
      boolean integral = true;
      if (peek('.')) {
        pos++;
        integral = false;
        if (digits() == 0) {
          throw error("malformed number");
        }
      }
      if (peek('e') || peek('E')) {
        pos++;
        integral = false;
        if (peek('+') || peek('-')) {
          pos++;
        }
        if (digits() == 0) {
          throw error("malformed number");
        }
      }
      String text = s.substring(start, pos);
      if (integral) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw error("integer out of range");
        }
      }
      return Double.parseDouble(text);
    }

    private int digits() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      return pos - start;
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, pos)) {
        throw error("unexpected word");
      }
      pos += word.length();
      return value;
    }

    private void space() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        pos++;
      }
    }

    private boolean peek(char c) {
      return pos < s.length() && s.charAt(pos) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private IllegalArgumentException error(String why) {
      return new IllegalArgumentException(
          "receipt list is not valid JSON at offset " + pos + ": " + why);
    }
  }
}
