package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.coaching.CoachingService;
import be.edusprong.lms.domain.coaching.LearnerOverview;
import be.edusprong.lms.domain.exemption.ExemptionService;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The coach's page (coach/cursisten.xhtml): their cursisten, last activity and progress. */
@Named
@RequestScoped
public class CaseloadPage {
  /** Times are shown in Belgian time. */
  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(BRUSSELS);

  @Inject CoachingService coaching;
  @Inject CatalogueService catalogue;
  @Inject LocaleBean locale;
  @Inject CurrentUser currentUser;
  @Inject ExemptionService exemptions;

  private List<LearnerOverview> caseload;
  private final Map<String, String> titles = new HashMap<>();

  public List<LearnerOverview> getCaseload() {
    if (caseload == null) {
      caseload = coaching.caseload(currentUser.require().getId());
    }
    return caseload;
  }

  /** A learner's live exemptions (proposed or confirmed), for the learner's row. */
  public List<ExemptionService.ExemptionView> exemptions(long learnerId) {
    return exemptions.forLearner(learnerId).stream()
        .filter(v -> v.exemption().getStatus().live())
        .toList();
  }

  /** The title of a module in the page's language, or its code when it is no longer published. */
  public String moduleTitle(String code) {
    return titles.computeIfAbsent(
        code, c -> catalogue.byCode(c).map(m -> locale.pick(m.getTitle())).orElse(c));
  }

  /** A time as dd/MM/yyyy HH:mm in Brussels time, or "" when null. */
  public String format(java.time.Instant instant) {
    return minutes(instant);
  }

  /**
   * A time as dd/MM/yyyy HH:mm in Brussels time, or "" when null; for every page that shows one.
   */
  static String minutes(java.time.Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }

  /** For components that want a {@link Date}. */
  public Date toDate(java.time.Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
