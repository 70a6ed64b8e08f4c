package be.edusprong.lms.domain.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Dutch (the default) and English, as content and the DigComp framework give it.
 *
 * @param nl the Dutch text, never blank
 * @param en the English text, never blank
 */
public record LocalizedText(String nl, String en) {
  public LocalizedText {
    Objects.requireNonNull(nl, "nl");
    Objects.requireNonNull(en, "en");
  }

  /** The text for a locale: English for {@code en}, Dutch for everything else. */
  public String in(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? en : nl;
  }
}
