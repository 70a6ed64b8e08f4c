package be.edusprong.lms.domain.content;

import java.util.List;
import java.util.stream.Collectors;

/** The content packages are malformed; nothing of them was loaded. Lists every problem found. */
public class ContentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ContentProblem> problems;

  public ContentException(List<ContentProblem> problems) {
    super(
        problems.size()
            + " problem(s) in content:\n"
            + problems.stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in the order found. */
  public List<ContentProblem> problems() {
    return problems;
  }
}
