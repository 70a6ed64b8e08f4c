package be.edusprong.lms.assessment.gift;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a GIFT file into questions and category commands.
 *
 * <p>Moodle's rule: a blank line ends a question. Departure: a blank line inside an answer block
 * that is closed later does not (authors space out long answer lists). When such a block is never
 * closed, the question is cut at that first blank line instead, so one missing {@code }} costs one
 * question and not the rest of the file. A {@code $CATEGORY:} line outside an answer block always
 * stands on its own, with or without blank lines around it.
 */
final class GiftSegmenter {

  /** What a file is made of, in source order. */
  sealed interface Part permits Chunk, Category {}

  /**
   * A question: lines {@code first..last} (0-based, inclusive); {@code content} is its first
   * non-comment line.
   */
  record Chunk(int first, int content, int last) implements Part {}

  /** A {@code $CATEGORY:} command on line {@code line}. */
  record Category(int line, String name) implements Part {}

  private final GiftSource src;
  private final List<Part> parts = new ArrayList<>();

  GiftSegmenter(GiftSource src) {
    this.src = src;
  }

  List<Part> segment() {
    int n = src.lineCount();
    int i = 0;
    while (i < n) {
      if (src.blank(i)) {
        i++;
        continue;
      }
      i = readChunk(i);
    }
    return parts;
  }

  /** Reads one chunk starting at non-blank line {@code first}; returns the line to go on from. */
  private int readChunk(int first) {
    int n = src.lineCount();
    int content = -1;
    int last = first;
    boolean inBlock = false;
    int blankInBlock = -1;
    int j = first;
    for (; j < n; j++) {
      if (src.blank(j)) {
        if (!inBlock) {
          break;
        }
        if (blankInBlock < 0) {
          blankInBlock = j;
        }
        continue;
      }
      if (src.comment(j)) {
        last = j;
        continue;
      }
      String stripped = src.line(j).strip();
      if (stripped.startsWith("$CATEGORY:") && !inBlock) {
        if (content >= 0) {
          // Moodle needs a blank line before it; ending the question here is kinder than
          // reading the command as question text.
          parts.add(new Chunk(first, content, last));
          return j;
        }
        parts.add(new Category(j, stripped.substring("$CATEGORY:".length()).strip()));
        return j + 1;
      }
      if (content < 0) {
        content = j;
      }
      String line = src.line(j);
      for (int k = 0; k < line.length(); k++) {
        char c = line.charAt(k);
        if (c == '\\') {
          if (k + 1 < line.length() && GiftSource.ESCAPABLE.indexOf(line.charAt(k + 1)) >= 0) {
            k++;
          }
        } else if (c == '{') {
          if (inBlock && blankInBlock >= 0) {
            return cut(first, content, blankInBlock);
          }
          inBlock = true;
          blankInBlock = -1;
        } else if (c == '}') {
          inBlock = false;
        }
      }
      last = j;
    }
    if (inBlock && blankInBlock >= 0) {
      return cut(first, content, blankInBlock);
    }
    if (content >= 0) {
      parts.add(new Chunk(first, content, last));
    }
    return j;
  }

  private int cut(int first, int content, int blank) {
    int last = blank - 1;
    while (last > first && src.blank(last)) {
      last--;
    }
    parts.add(new Chunk(first, content, last));
    return blank + 1;
  }
}
