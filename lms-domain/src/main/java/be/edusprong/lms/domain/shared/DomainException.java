package be.edusprong.lms.domain.shared;

import jakarta.ejb.ApplicationException;

/**
 * An expected business failure (unknown module, duplicate username, ...). It carries a message key
 * for the UI's resource bundle and arguments, so the web edge can show it in the user's language;
 * {@link #getMessage()} is the English text for logs.
 *
 * <p>Marked as an application exception that rolls the transaction back, so no half-written state
 * survives a refused operation.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] arguments;

  /**
   * @param messageKey key in {@code messages*.properties}, e.g. {@code error.module.unknown}
   * @param englishMessage the message for the log, in English
   * @param arguments values for the placeholders of the message, in order
   */
  public DomainException(String messageKey, String englishMessage, Object... arguments) {
    super(englishMessage);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  /** The resource-bundle key of the user-facing message. */
  public String messageKey() {
    return messageKey;
  }

  /** The placeholder values of the user-facing message. */
  public Object[] arguments() {
    return arguments.clone();
  }
}
