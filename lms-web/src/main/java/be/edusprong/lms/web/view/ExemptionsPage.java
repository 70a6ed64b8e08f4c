package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.exemption.ExemptionService;
import be.edusprong.lms.domain.exemption.ExemptionService.ExemptionView;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exemptions page for teachers and coaches (staf/vrijstellingen.xhtml; issue 3, point 7):
 * proposals from passed exemption tests to confirm or reject, granting an exemption on other
 * evidence, revoking one, the centre's history, and its CSV export (staf/vrijstellingen.csv). Every
 * decision that takes something away needs a reason.
 */
@Named
@RequestScoped
public class ExemptionsPage {
  @Inject ExemptionService exemptions;
  @Inject AccountService accounts;
  @Inject CatalogueService catalogue;
  @Inject CurrentUser currentUser;
  @Inject LocaleBean locale;

  private List<ExemptionView> proposals;
  private List<ExemptionView> all;
  private final Map<Long, String> reasons = new HashMap<>();
  private Long learner;
  private String module;
  private String grantReason;

  /** Proposals waiting for a decision, newest first. */
  public List<ExemptionView> getProposals() {
    if (proposals == null) {
      proposals = exemptions.forCentre(staff(), true);
    }
    return proposals;
  }

  /** Every exemption of the centre, newest first. */
  public List<ExemptionView> getAll() {
    if (all == null) {
      all = exemptions.forCentre(staff(), false);
    }
    return all;
  }

  /** The centre's active learners, by name, for the grant form. */
  public List<UserAccount> getLearners() {
    return accounts.activeLearnersOf(currentUser.require().getCentre().getId());
  }

  /** The published modules, for the grant form. */
  public List<CourseModule> getModules() {
    return catalogue.published(null, null);
  }

  /** The reason typed for a row (reject or revoke). */
  public Map<Long, String> getReasons() {
    return reasons;
  }

  /** Confirms a proposal. */
  public String confirm(long exemptionId) {
    return act(() -> exemptions.confirm(exemptionId, staff()), "exemptions.confirmed");
  }

  /** Rejects a proposal with the reason typed in its row. */
  public String reject(long exemptionId) {
    return act(
        () -> exemptions.reject(exemptionId, staff(), reasons.get(exemptionId)),
        "exemptions.rejected");
  }

  /** Revokes an exemption with the reason typed in its row. */
  public String revoke(long exemptionId) {
    return act(
        () -> exemptions.revoke(exemptionId, staff(), reasons.get(exemptionId)),
        "exemptions.revoked");
  }

  /** Grants the exemption of the form. */
  public String grant() {
    if (learner == null || module == null || module.isBlank()) {
      Messages.error(null, "exemptions.choose");
      return null;
    }
    return act(() -> exemptions.grant(module, learner, staff(), grantReason), "exemptions.granted");
  }

  /** A module's title in the page's language. */
  public String title(ExemptionView v) {
    return locale.pick(v.moduleTitle());
  }

  /** A score as "3 / 5", or "" without one. */
  public String score(ExemptionView v) {
    var e = v.exemption();
    return e.getScoreRaw() == null
        ? ""
        : e.getScoreRaw().stripTrailingZeros().toPlainString()
            + " / "
            + e.getScoreMax().stripTrailingZeros().toPlainString();
  }

  /** A time in Brussels time. */
  public String format(java.time.Instant instant) {
    return CaseloadPage.minutes(instant);
  }

  public Long getLearner() {
    return learner;
  }

  public void setLearner(Long learner) {
    this.learner = learner;
  }

  public String getModule() {
    return module;
  }

  public void setModule(String module) {
    this.module = module;
  }

  public String getGrantReason() {
    return grantReason;
  }

  public void setGrantReason(String grantReason) {
    this.grantReason = grantReason;
  }

  private String act(Runnable action, String doneKey) {
    try {
      action.run();
      Messages.info(doneKey);
      return "/staf/vrijstellingen?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    }
  }

  private long staff() {
    return currentUser.require().getId();
  }
}
