package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.shared.DomainException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Adds translated messages to the page; turns domain exceptions into user-facing text. */
public final class Messages {
  /** The base name of the UI resource bundles (messages_nl, messages_en). */
  public static final String BUNDLE = "be.edusprong.lms.web.i18n.messages";

  private Messages() {}

  /** The translated text of {@code key}, with {@code args} filled in. */
  public static String text(String key, Object... args) {
    return text(FacesContext.getCurrentInstance().getViewRoot().getLocale(), key, args);
  }

  /**
   * The text of {@code key} in a language, with {@code args} filled in (MessageFormat); outside a
   * page too, e.g. for the HTTP API's error bodies.
   *
   * @return the text, or the key itself when the bundle lacks it
   */
  public static String text(java.util.Locale locale, String key, Object... args) {
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale);
    try {
      String pattern = bundle.getString(key);
      return args.length == 0
          ? pattern
          : new MessageFormat(pattern, bundle.getLocale()).format(args);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /** Adds an information message for the whole page. */
  public static void info(String key, Object... args) {
    add(FacesMessage.SEVERITY_INFO, null, text(key, args));
  }

  /** Adds an error message, for a field ({@code clientId}) or the whole page (null). */
  public static void error(String clientId, String key, Object... args) {
    add(FacesMessage.SEVERITY_ERROR, clientId, text(key, args));
  }

  /** Adds the message of a refused business operation. */
  public static void error(DomainException e) {
    add(FacesMessage.SEVERITY_ERROR, null, text(e.messageKey(), e.arguments()));
  }

  private static void add(FacesMessage.Severity severity, String clientId, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(severity, text, null));
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }
}
