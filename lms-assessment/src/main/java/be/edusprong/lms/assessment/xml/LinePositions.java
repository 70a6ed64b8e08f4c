package be.edusprong.lms.assessment.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns character offsets in a text into 1-based line and column, for positions in import reports.
 * Line ends are {@code \n}, {@code \r\n} and a lone {@code \r}, as XML 1.0 section 2.11 normalises
 * them.
 */
public final class LinePositions {
  private final int[] lineStarts;

  /** Indexes the line starts of {@code text} once; lookups are then O(log lines). */
  public LinePositions(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The position of a character.
   *
   * @param offset a 0-based character offset into the text
   * @return {@code {line, column}}, both 1-based
   */
  public int[] position(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    int line = i >= 0 ? i : -i - 2;
    return new int[] {line + 1, offset - lineStarts[line] + 1};
  }
}
