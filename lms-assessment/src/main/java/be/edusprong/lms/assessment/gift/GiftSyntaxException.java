package be.edusprong.lms.assessment.gift;

import java.util.List;

/**
 * Thrown by {@link GiftParser#parseStrict(String, String)} when GIFT text has a defect. Unchecked:
 * it is the application exception of a strict import, for callers that cannot go on with a partial
 * file (e.g. the content build, which must fail with {@code file:line: reason}).
 */
public class GiftSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<GiftProblem> problems;

  /**
   * Creates the exception for the problems of one parse.
   *
   * @param problems all problems found, at least one; the first becomes the message
   */
  public GiftSyntaxException(List<GiftProblem> problems) {
    super(problems.get(0).toString());
    this.problems = List.copyOf(problems);
  }

  /**
   * The first problem, the one in the message.
   *
   * @return the first problem
   */
  public GiftProblem problem() {
    return problems.get(0);
  }

  /**
   * Every problem of the parse, so a caller can report them all at once.
   *
   * @return the problems in source order; never empty
   */
  public List<GiftProblem> problems() {
    return problems;
  }
}
