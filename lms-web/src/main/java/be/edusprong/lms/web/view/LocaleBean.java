package be.edusprong.lms.web.view;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The UI language of this session: Dutch by default, English on request. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Dutch as spoken in Belgium, the default. */
  public static final Locale DUTCH = Locale.forLanguageTag("nl-BE");

  private Locale locale = DUTCH;

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  public boolean isEnglish() {
    return "en".equals(locale.getLanguage());
  }

  /** Switches between Dutch and English and reloads the current page. */
  public String toggle() {
    locale = isEnglish() ? DUTCH : Locale.ENGLISH;
    FacesContext.getCurrentInstance().getViewRoot().setLocale(locale);
    return FacesContext.getCurrentInstance().getViewRoot().getViewId()
        + "?faces-redirect=true&includeViewParams=true";
  }

  /** Picks the Dutch or English text of a pair. */
  public String pick(be.edusprong.lms.domain.shared.LocalizedText text) {
    return text == null ? "" : text.in(locale);
  }
}
