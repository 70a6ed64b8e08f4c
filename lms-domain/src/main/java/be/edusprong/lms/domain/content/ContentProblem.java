package be.edusprong.lms.domain.content;

/**
 * One thing wrong in a content package.
 *
 * @param file path of the file, relative to the content root (e.g. {@code
 *     modules/veilig-online/module.yaml})
 * @param line 1-based line, or 0 when the problem is about the file as a whole
 * @param message what is wrong, in English
 */
public record ContentProblem(String file, int line, String message) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
