package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.delivery.Accommodation;
import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.Review;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An assessment's settings (leraar/toets-instellingen.xhtml?id=...; issue 3, point 3): who may
 * start (access code, allowed IP ranges), the pass mark and the review level, and the per-learner
 * accommodations (extra time in percent of the time limit, extra attempts) with their reason.
 * Teachers of the assessment's centre only.
 */
@Named
@ViewScoped
public class AssessmentSettingsPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AssessmentService assessments;
  @Inject transient AccountService accounts;
  @Inject transient CurrentUser currentUser;

  private Long id;
  private String accessCode;
  private String ipRanges;
  private BigDecimal passMark;
  private Review review;
  private Long learner;
  private int extraTimePercent;
  private int extraAttempts;
  private String reason;

  /** Loads the assessment into the form; 404 outside the teacher's centre. */
  public void load() throws IOException {
    Assessment a = assessment();
    if (a == null) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "no such assessment");
      faces.responseComplete();
      return;
    }
    if (!FacesContext.getCurrentInstance().isPostback()) {
      accessCode = a.getAccessCode();
      ipRanges = a.getAllowedIpRanges().map(Object::toString).orElse(null);
      passMark = a.getPassMarkPercent();
      review = a.getReview();
    }
  }

  /** The assessment, or null when it is not one of the teacher's centre. */
  public Assessment assessment() {
    return id == null
        ? null
        : assessments
            .find(id)
            .filter(a -> a.getCentre().getId().equals(currentUser.require().getCentre().getId()))
            .orElse(null);
  }

  /** Saves access, pass mark and review. */
  public String save() {
    try {
      assessments.configureAccess(id, accessCode, ipRanges, passMark, review);
      Messages.info("settings.saved");
      return "/leraar/toets-instellingen?faces-redirect=true&id=" + id;
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    }
  }

  /** Grants, changes or (with zeros) removes the accommodation of the form. */
  public String accommodate() {
    if (learner == null) {
      Messages.error(null, "exemptions.choose");
      return null;
    }
    try {
      assessments.accommodate(id, learner, extraTimePercent, extraAttempts, reason);
      Messages.info("settings.accommodated");
      return "/leraar/toets-instellingen?faces-redirect=true&id=" + id;
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    }
  }

  /** The accommodations granted, with the learner's name. */
  public List<Map.Entry<UserAccount, Accommodation>> getAccommodations() {
    Map<Long, UserAccount> byId =
        getLearners().stream().collect(Collectors.toMap(UserAccount::getId, Function.identity()));
    return assessments.accommodations(id).stream()
        .filter(a -> byId.containsKey(a.getLearnerId()))
        .map(a -> Map.entry(byId.get(a.getLearnerId()), a))
        .toList();
  }

  /** The centre's active learners by name. */
  public List<UserAccount> getLearners() {
    return accounts.activeLearnersOf(currentUser.require().getCentre().getId());
  }

  public Review[] getReviews() {
    return Review.values();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getAccessCode() {
    return accessCode;
  }

  public void setAccessCode(String accessCode) {
    this.accessCode = accessCode;
  }

  public String getIpRanges() {
    return ipRanges;
  }

  public void setIpRanges(String ipRanges) {
    this.ipRanges = ipRanges;
  }

  public BigDecimal getPassMark() {
    return passMark;
  }

  public void setPassMark(BigDecimal passMark) {
    this.passMark = passMark;
  }

  public Review getReview() {
    return review;
  }

  public void setReview(Review review) {
    this.review = review;
  }

  public Long getLearner() {
    return learner;
  }

  public void setLearner(Long learner) {
    this.learner = learner;
  }

  public int getExtraTimePercent() {
    return extraTimePercent;
  }

  public void setExtraTimePercent(int extraTimePercent) {
    this.extraTimePercent = extraTimePercent;
  }

  public int getExtraAttempts() {
    return extraAttempts;
  }

  public void setExtraAttempts(int extraAttempts) {
    this.extraAttempts = extraAttempts;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
