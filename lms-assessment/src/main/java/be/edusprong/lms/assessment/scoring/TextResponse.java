package be.edusprong.lms.assessment.scoring;

import java.util.Objects;

/**
 * Text a learner typed (QTI base type {@code string}; for numerical items parsed as {@code float}).
 *
 * @param text what was typed, untrimmed; {@code ""} when left empty
 */
public record TextResponse(String text) implements Response {

  /** Rejects null. */
  public TextResponse {
    Objects.requireNonNull(text, "text");
  }
}
