package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.coaching.CoachingService;
import be.edusprong.lms.domain.coaching.LearnerOverview;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;

/** The coach's page (coach/cursisten.xhtml): their cursisten, last activity and progress. */
@Named
@RequestScoped
public class CaseloadPage {
  /** Times are shown in Belgian time. */
  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(BRUSSELS);

  @Inject CoachingService coaching;
  @Inject CurrentUser currentUser;

  private List<LearnerOverview> caseload;

  public List<LearnerOverview> getCaseload() {
    if (caseload == null) {
      caseload = coaching.caseload(currentUser.require().getId());
    }
    return caseload;
  }

  /** A time as dd/MM/yyyy HH:mm in Brussels time, or "" when null. */
  public String format(java.time.Instant instant) {
    return instant == null ? "" : FORMAT.format(instant);
  }

  /** For components that want a {@link Date}. */
  public Date toDate(java.time.Instant instant) {
    return instant == null ? null : Date.from(instant);
  }
}
