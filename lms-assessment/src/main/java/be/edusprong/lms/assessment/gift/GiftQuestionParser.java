package be.edusprong.lms.assessment.gift;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.item.MatchPair;
import be.edusprong.lms.assessment.item.NumericAnswer;
import be.edusprong.lms.assessment.item.SafeHtml;
import be.edusprong.lms.assessment.item.TextFormat;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one question chunk, following Moodle's {@code qformat_gift::readquestion} step by step:
 * title, answer block, stem with its format tag, general feedback, type by the block's content,
 * then the answers of that type.
 */
final class GiftQuestionParser {

  /** Escaped characters become private-use code points so that no search mistakes them. */
  private static final char ESCAPED_BASE = '\uE000';

  // Letters and digits only, so Markdown, HTML escaping and the sanitiser all leave it alone.
  private static final String BLANK_MARK = "GiftBlankQ7x3k9w";

  private static final Pattern TAG = Pattern.compile("\\[tag:\\s*([^\\]]+)\\]");
  private static final Pattern ID = Pattern.compile("\\[id:\\s*((?:\\\\]|[^\\]])+)\\]");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A parsed question that still needs its file-unique identifier. */
  record Draft(String explicitId, String contentHash, Item item) {}

  /** A defect in the question: ends its parse, the caller records the problem and goes on. */
  static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient GiftProblem problem;

    Abort(GiftProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  private record Piece(char marker, int from, int to) {}

  private record Parts(BigDecimal weight, int textFrom, int textTo, int feedbackFrom, int to) {}

  private record Formatted(TextFormat format, String text) {
    String html() {
      return SafeHtml.render(text, format);
    }
  }

  private final GiftSource src;
  private final GiftSegmenter.Chunk chunk;
  private final String category;
  private final String p;
  private final int[] map;
  private TextFormat stemFormat = TextFormat.MOODLE;

  GiftQuestionParser(GiftSource src, GiftSegmenter.Chunk chunk, String category) {
    this.src = src;
    this.chunk = chunk;
    this.category = category;
    StringBuilder text = new StringBuilder();
    int[] offsets = new int[64];
    int n = 0;
    for (int line = chunk.content(); line <= chunk.last(); line++) {
      if (src.comment(line)) {
        continue;
      }
      if (text.length() > 0) {
        offsets = room(offsets, n);
        offsets[n++] = src.start(line);
        text.append('\n');
      }
      int end = src.end(line);
      for (int k = src.start(line); k < end; k++) {
        char c = src.text.charAt(k);
        offsets = room(offsets, n);
        offsets[n++] = k;
        int escaped = -1;
        if (c == '\\' && k + 1 < end) {
          escaped = GiftSource.ESCAPABLE.indexOf(src.text.charAt(k + 1));
        }
        if (escaped >= 0) {
          text.append((char) (ESCAPED_BASE + escaped));
          k++;
        } else {
          text.append(c);
        }
      }
    }
    offsets = room(offsets, n);
    offsets[n] = src.end(chunk.last());
    this.p = text.toString();
    this.map = offsets;
  }

  private static int[] room(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  Draft parse() {
    int e = trimEnd(0, p.length());
    int s = skipWs(0, e);
    String title = "";
    if (p.startsWith("::", s)) {
      int close = p.indexOf("::", s + 2);
      if (close < 0 || close + 2 > e) {
        throw fail(s, "unclosed title '::' opened at " + pos(s) + ": end the title with '::'");
      }
      title = unescape(p.substring(s + 2, close)).replaceAll("\\s+", " ").strip();
      s = skipWs(close + 2, e);
    }
    if (s >= e) {
      throw fail(s, "question '" + title + "' has a title but no text");
    }

    int open = find('{', s, e);
    int stray = find('}', s, open < 0 ? e : open);
    if (stray >= 0) {
      throw fail(stray, "'}' without an opening '{' (write a literal brace as '\\}')");
    }
    if (open < 0) {
      Formatted stem = formatted(p.substring(s, e), TextFormat.MOODLE);
      return draft(title, ItemType.DESCRIPTION, stem, false, List.of(), List.of(), "");
    }
    int close = find('}', open + 1, e);
    if (close < 0) {
      throw fail(
          open,
          "unclosed answer block '{' opened at "
              + pos(open)
              + ": close it with '}' (a literal brace is written '\\{')");
    }
    int nested = find('{', open + 1, close);
    if (nested >= 0) {
      throw fail(
          nested,
          "'{' inside the answer block opened at "
              + pos(open)
              + ": close that block with '}' first, or write a literal brace as '\\{'");
    }
    for (int i = close + 1; i < e; i++) {
      char c = p.charAt(i);
      if (c == '{') {
        throw fail(
            i,
            "second answer block in one question (the first opened at "
                + pos(open)
                + "): separate questions with a blank line, or write a literal brace as '\\{'");
      }
      if (c == '}') {
        throw fail(i, "'}' without an opening '{' (write a literal brace as '\\}')");
      }
    }

    boolean missingWord = skipWs(close + 1, e) < e;
    String stemSource =
        missingWord
            ? p.substring(s, open) + BLANK_MARK + p.substring(close + 1, e)
            : p.substring(s, open);
    Formatted stem = formatted(stemSource, TextFormat.MOODLE);
    stemFormat = stem.format();

    int aFrom = open + 1;
    int aTo = close;
    String generalFeedback = "";
    int gf = p.lastIndexOf("####", aTo - 4);
    if (gf >= aFrom) {
      generalFeedback = formatted(p.substring(gf + 4, aTo), stemFormat).html();
      aTo = gf;
    }
    aFrom = skipWs(aFrom, aTo);
    aTo = trimEnd(aFrom, aTo);

    ItemType type;
    List<Choice> choices = List.of();
    List<MatchPair> pairs = List.of();
    if (aFrom >= aTo) {
      type = ItemType.ESSAY;
    } else if (p.charAt(aFrom) == '#') {
      type = ItemType.NUMERICAL;
      choices = numerical(open, aFrom + 1, aTo);
    } else if (find('~', aFrom, aTo) >= 0) {
      boolean single = find('=', aFrom, aTo) >= 0;
      type = single ? ItemType.CHOICE_SINGLE : ItemType.CHOICE_MULTIPLE;
      choices = multipleChoice(open, aFrom, aTo, single);
    } else if (find('=', aFrom, aTo) >= 0
        && p.indexOf("->", aFrom) >= 0
        && p.indexOf("->", aFrom) < aTo) {
      type = ItemType.MATCHING;
      pairs = matching(open, aFrom, aTo);
    } else if (isTrueFalse(aFrom, aTo)) {
      type = ItemType.TRUE_FALSE;
      choices = trueFalse(aFrom, aTo);
    } else {
      type = ItemType.SHORT_ANSWER;
      choices = shortAnswer(aFrom, aTo);
    }
    return draft(title, type, stem, missingWord, choices, pairs, generalFeedback);
  }

  private Draft draft(
      String title,
      ItemType type,
      Formatted stem,
      boolean missingWord,
      List<Choice> choices,
      List<MatchPair> pairs,
      String generalFeedback) {
    String html = stem.html();
    int blank = missingWord ? html.indexOf(BLANK_MARK) : -1;
    html = html.replace(BLANK_MARK, Item.MISSING_WORD_BLANK);
    String comments = comments();
    List<String> tags = new ArrayList<>();
    Matcher m = TAG.matcher(comments);
    while (m.find()) {
      tags.add(m.group(1).strip());
    }
    Matcher id = ID.matcher(comments);
    String explicitId = id.find() ? id.group(1).strip().replace("\\]", "]") : null;
    int firstLine = chunk.first();
    String sourceText =
        src.text.substring(src.start(firstLine), src.end(chunk.last())).stripTrailing();
    Item item =
        new Item(
            explicitId != null ? explicitId : "pending",
            title,
            type,
            stem.format(),
            stem.text().replace(BLANK_MARK, Item.MISSING_WORD_BLANK),
            html,
            blank,
            choices,
            pairs,
            generalFeedback,
            category,
            tags,
            chunk.content() + 1,
            sourceText);
    return new Draft(explicitId, contentHash(), item);
  }

  private String comments() {
    StringBuilder out = new StringBuilder();
    for (int line = chunk.first(); line <= chunk.last(); line++) {
      if (src.comment(line)) {
        out.append(src.line(line)).append('\n');
      }
    }
    return out.toString();
  }

  // Whitespace-insensitive, so re-indenting a question keeps its derived identifier.
  private String contentHash() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(p.replaceAll("\\s+", " ").strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  // ---- answer types -------------------------------------------------------------------------

  private List<Choice> multipleChoice(int open, int from, int to, boolean single) {
    List<Piece> pieces = split(from, to, "=~");
    Piece lead = pieces.get(0);
    if (skipWs(lead.from(), lead.to()) < lead.to()) {
      throw fail(
          skipWs(lead.from(), lead.to()),
          "text before the first answer: start each answer with '=' (right) or '~' (wrong)");
    }
    if (pieces.size() < 3) {
      throw fail(open, "a multiple-choice question needs at least two answers");
    }
    List<Choice> choices = new ArrayList<>();
    boolean earns = false;
    for (Piece piece : pieces.subList(1, pieces.size())) {
      Parts parts = parts(piece);
      BigDecimal weight =
          parts.weight() != null
              ? parts.weight()
              : piece.marker() == '=' ? Choice.FULL_WEIGHT : BigDecimal.ZERO;
      earns |= weight.signum() > 0;
      choices.add(choice(choices.size(), piece, parts, weight));
    }
    if (!single && !earns) {
      throw fail(
          open,
          "no answer earns marks: mark the right answer with '=', or give right answers a weight"
              + " such as '~%50%'");
    }
    return choices;
  }

  private boolean isTrueFalse(int from, int to) {
    int hash = find('#', from, to);
    String key = p.substring(from, hash < 0 ? to : hash).strip();
    return key.equals("T") || key.equals("TRUE") || key.equals("F") || key.equals("FALSE");
  }

  // Moodle: {TRUE#feedback if the learner is wrong#feedback if the learner is right}.
  private List<Choice> trueFalse(int from, int to) {
    int first = find('#', from, to);
    int second = first < 0 ? -1 : find('#', first + 1, to);
    boolean truth = p.substring(from, first < 0 ? to : first).strip().startsWith("T");
    String wrong =
        first < 0
            ? ""
            : formatted(p.substring(first + 1, second < 0 ? to : second), stemFormat).html();
    String right = second < 0 ? "" : formatted(p.substring(second + 1, to), stemFormat).html();
    BigDecimal trueWeight = truth ? Choice.FULL_WEIGHT : BigDecimal.ZERO;
    BigDecimal falseWeight = truth ? BigDecimal.ZERO : Choice.FULL_WEIGHT;
    return List.of(
        new Choice("TRUE", "TRUE", stemFormat, "True", trueWeight, truth ? right : wrong, null),
        new Choice(
            "FALSE", "FALSE", stemFormat, "False", falseWeight, truth ? wrong : right, null));
  }

  private List<Choice> shortAnswer(int from, int to) {
    List<Choice> choices = new ArrayList<>();
    for (Piece piece : answers(split(from, to, "="))) {
      Parts parts = parts(piece);
      BigDecimal weight = parts.weight() != null ? parts.weight() : Choice.FULL_WEIGHT;
      choices.add(choice(choices.size(), piece, parts, weight));
    }
    return choices;
  }

  private List<MatchPair> matching(int open, int from, int to) {
    List<Piece> pieces = split(from, to, "=");
    Piece lead = pieces.get(0);
    if (skipWs(lead.from(), lead.to()) < lead.to()) {
      throw fail(
          skipWs(lead.from(), lead.to()),
          "text before the first pair: write each pair as '=premise -> answer'");
    }
    List<MatchPair> pairs = new ArrayList<>();
    int premises = 0;
    for (Piece piece : pieces.subList(1, pieces.size())) {
      int arrow = p.indexOf("->", piece.from());
      if (arrow < 0 || arrow + 2 > piece.to()) {
        throw fail(piece.from() - 1, "a matching pair is written '=premise -> answer'");
      }
      Formatted premise = formatted(p.substring(piece.from(), arrow), stemFormat);
      String answer = unescape(p.substring(arrow + 2, piece.to())).strip();
      if (answer.isEmpty()) {
        throw fail(arrow, "matching pair without an answer after '->'");
      }
      if (!premise.text().isEmpty()) {
        premises++;
      }
      pairs.add(
          new MatchPair(
              Choice.idFor(pairs.size()),
              premise.text(),
              premise.format(),
              premise.text().isEmpty() ? "" : premise.html(),
              answer));
    }
    if (premises < 2) {
      throw fail(open, "a matching question needs at least two pairs with a premise");
    }
    return pairs;
  }

  private List<Choice> numerical(int open, int from, int to) {
    int rightTo = to;
    String wrongFeedback = null;
    int tilde = find('~', from, to);
    if (tilde >= 0) {
      rightTo = tilde;
      int i = skipWs(tilde + 1, to);
      if (i < to && p.charAt(i) != '#') {
        throw fail(
            tilde,
            "in a numerical question '~' only introduces feedback for any other number:"
                + " write '~#feedback'");
      }
      wrongFeedback = i < to ? formatted(p.substring(i + 1, to), stemFormat).html() : "";
    }
    List<Piece> pieces = answers(split(from, rightTo, "="));
    if (pieces.isEmpty()) {
      throw fail(open, "a numerical question needs an answer, e.g. {#42}, {#3.14:0.01} or {#1..5}");
    }
    List<Choice> choices = new ArrayList<>();
    for (Piece piece : pieces) {
      Parts parts = parts(piece);
      String spec = unescape(p.substring(parts.textFrom(), parts.textTo())).strip();
      NumericAnswer numeric = numericAnswer(spec, parts.textFrom());
      BigDecimal weight = parts.weight() != null ? parts.weight() : Choice.FULL_WEIGHT;
      choices.add(
          new Choice(
              Choice.idFor(choices.size()),
              spec,
              stemFormat,
              SafeHtml.escape(spec),
              weight,
              feedback(parts),
              numeric));
    }
    if (wrongFeedback != null) {
      choices.add(
          new Choice(
              Choice.idFor(choices.size()),
              "*",
              stemFormat,
              "*",
              BigDecimal.ZERO,
              wrongFeedback,
              null));
    }
    return choices;
  }

  private NumericAnswer numericAnswer(String spec, int at) {
    int range = spec.indexOf("..");
    if (range > 0) {
      BigDecimal low = number(spec.substring(0, range), at);
      BigDecimal high = number(spec.substring(range + 2), at);
      if (low.compareTo(high) > 0) {
        throw fail(at, "range " + spec + " runs backwards: write the lowest number first");
      }
      return NumericAnswer.range(low, high);
    }
    int colon = spec.indexOf(':');
    if (colon > 0) {
      BigDecimal tolerance = number(spec.substring(colon + 1), at);
      if (tolerance.signum() < 0) {
        throw fail(at, "tolerance in " + spec + " is negative");
      }
      return new NumericAnswer(number(spec.substring(0, colon), at), tolerance);
    }
    return NumericAnswer.exact(number(spec, at));
  }

  private BigDecimal number(String text, int at) {
    String t = text.strip();
    try {
      return new BigDecimal(t);
    } catch (NumberFormatException e) {
      String hint = t.contains(",") ? " (GIFT numbers use '.' as decimal separator)" : "";
      throw fail(at, "'" + t + "' is not a number" + hint);
    }
  }

  // ---- answer pieces ------------------------------------------------------------------------

  /** Splits at each marker character; piece 0 is what precedes the first marker. */
  private List<Piece> split(int from, int to, String markers) {
    List<Piece> pieces = new ArrayList<>();
    char marker = 0;
    int start = from;
    for (int i = from; i < to; i++) {
      if (markers.indexOf(p.charAt(i)) >= 0) {
        pieces.add(new Piece(marker, start, i));
        marker = p.charAt(i);
        start = i + 1;
      }
    }
    pieces.add(new Piece(marker, start, to));
    return pieces;
  }

  /** Moodle takes text before the first '=' as an answer too (e.g. {@code {One}}). */
  private List<Piece> answers(List<Piece> pieces) {
    Piece lead = pieces.get(0);
    boolean leadCounts = skipWs(lead.from(), lead.to()) < lead.to();
    return leadCounts ? pieces : pieces.subList(1, pieces.size());
  }

  /** Reads {@code [%weight%]text[#feedback]} of one answer. */
  private Parts parts(Piece piece) {
    int i = skipWs(piece.from(), piece.to());
    BigDecimal weight = null;
    if (i < piece.to() && p.charAt(i) == '%') {
      int close = find('%', i + 1, piece.to());
      if (close < 0) {
        throw fail(i, "unclosed weight '%': write a weight as %50% or %-25% before the answer");
      }
      String number = p.substring(i + 1, close).strip();
      try {
        weight = new BigDecimal(number);
      } catch (NumberFormatException e) {
        throw fail(i, "weight '%" + number + "%' is not a number; write it as %50% or %-33.333%");
      }
      if (weight.abs().compareTo(HUNDRED) > 0) {
        throw fail(i, "weight " + number + "% lies outside -100..100");
      }
      i = close + 1;
    }
    int hash = find('#', i, piece.to());
    return new Parts(weight, i, hash < 0 ? piece.to() : hash, hash < 0 ? -1 : hash + 1, piece.to());
  }

  private Choice choice(int index, Piece piece, Parts parts, BigDecimal weight) {
    Formatted text = formatted(p.substring(parts.textFrom(), parts.textTo()), stemFormat);
    if (text.text().isEmpty()) {
      throw fail(Math.max(piece.from() - 1, 0), "answer " + (index + 1) + " has no text");
    }
    return new Choice(
        Choice.idFor(index),
        text.text(),
        text.format(),
        text.html(),
        weight,
        feedback(parts),
        null);
  }

  private String feedback(Parts parts) {
    return parts.feedbackFrom() < 0
        ? ""
        : formatted(p.substring(parts.feedbackFrom(), parts.to()), stemFormat).html();
  }

  // ---- text helpers -------------------------------------------------------------------------

  /** Reads an optional leading format tag, as Moodle's {@code parse_text_with_format} does. */
  private static Formatted formatted(String processed, TextFormat inherited) {
    String t = processed.strip();
    TextFormat format = inherited;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close > 0) {
        Optional<TextFormat> tagged = TextFormat.fromGiftName(t.substring(1, close));
        if (tagged.isPresent()) {
          format = tagged.get();
          t = t.substring(close + 1);
        }
      }
    }
    return new Formatted(format, unescape(t).strip());
  }

  private static String unescape(String processed) {
    StringBuilder out = new StringBuilder(processed.length());
    for (int i = 0; i < processed.length(); i++) {
      char c = processed.charAt(i);
      int escaped = c - ESCAPED_BASE;
      if (escaped >= 0 && escaped < GiftSource.ESCAPABLE.length()) {
        char original = GiftSource.ESCAPABLE.charAt(escaped);
        out.append(original == 'n' ? '\n' : original);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private int find(char c, int from, int to) {
    for (int i = Math.max(from, 0); i < to; i++) {
      if (p.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }

  private int skipWs(int from, int to) {
    int i = from;
    while (i < to && Character.isWhitespace(p.charAt(i))) {
      i++;
    }
    return i;
  }

  private int trimEnd(int from, int to) {
    int i = to;
    while (i > from && Character.isWhitespace(p.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private String pos(int index) {
    return src.position(map[Math.min(index, p.length())]);
  }

  private Abort fail(int index, String message) {
    return new Abort(src.problem(map[Math.max(0, Math.min(index, p.length()))], message));
  }
}
