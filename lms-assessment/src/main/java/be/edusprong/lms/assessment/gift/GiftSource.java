package be.edusprong.lms.assessment.gift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One GIFT file split into lines, able to turn an offset into a line and column. */
final class GiftSource {

  /**
   * The characters GIFT lets an author escape with a backslash (docs.moodle.org/en/GIFT_format).
   */
  static final String ESCAPABLE = ":#={}~n\\";

  final String text;
  final String fileName;
  private final int[] starts;
  private final int[] ends;

  GiftSource(String text, String fileName) {
    this.text = text;
    this.fileName = fileName;
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(new int[] {start, i});
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    lines.add(new int[] {start, text.length()});
    starts = lines.stream().mapToInt(l -> l[0]).toArray();
    ends = lines.stream().mapToInt(l -> l[1]).toArray();
  }

  int lineCount() {
    return starts.length;
  }

  int start(int line) {
    return starts[line];
  }

  int end(int line) {
    return ends[line];
  }

  String line(int line) {
    return text.substring(starts[line], ends[line]);
  }

  boolean blank(int line) {
    return line(line).isBlank();
  }

  /** Moodle drops every line whose first non-blank characters are {@code //}, wherever it is. */
  boolean comment(int line) {
    return line(line).strip().startsWith("//");
  }

  /** 0-based line index holding an offset. */
  int lineOf(int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }

  GiftProblem problem(int offset, String message) {
    int line = lineOf(Math.max(0, Math.min(offset, text.length())));
    return new GiftProblem(fileName, line + 1, offset - starts[line] + 1, message);
  }

  /** {@code line:column}, 1-based, for use inside messages. */
  String position(int offset) {
    int line = lineOf(offset);
    return (line + 1) + ":" + (offset - starts[line] + 1);
  }
}
