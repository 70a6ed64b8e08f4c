package be.edusprong.lms.assessment.gift;

import java.util.Objects;

/**
 * A defect found while importing GIFT text, pointing at where it was found.
 *
 * @param fileName the name given to the parser, used only in messages
 * @param line 1-based line
 * @param column 1-based column, counting UTF-16 code units (a tab counts as one)
 * @param message what is wrong and how to fix it, in English, e.g. {@code "unclosed answer block
 *     '{' opened at 12:5 ..."}
 */
public record GiftProblem(String fileName, int line, int column, String message) {

  /**
   * Validates the problem.
   *
   * @throws IllegalArgumentException when line or column is below 1
   */
  public GiftProblem {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based");
    }
  }

  /**
   * The compiler-style form, which editors and CI logs turn into links.
   *
   * @return {@code fileName:line:column: message}
   */
  @Override
  public String toString() {
    return fileName + ":" + line + ":" + column + ": " + message;
  }
}
