package be.edusprong.lms.domain.coaching;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.UserAccount;
import be.edusprong.lms.domain.enrolment.EnrolmentService;
import be.edusprong.lms.domain.progress.ModuleProgress;
import be.edusprong.lms.domain.progress.ProgressService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What a trajectbegeleider sees of their caseload: each cursist's last activity and progress, so
 * they can follow up persistently (aanklampende begeleiding, Speerpunt 4 of the policy text).
 */
@ApplicationScoped
@Transactional
public class CoachingService {
  @Inject AccountService accounts;
  @Inject EnrolmentService enrolments;
  @Inject ProgressService progress;

  /** The coach's caseload, by learner name. */
  public List<LearnerOverview> caseload(long coachId) {
    return accounts.caseloadOf(coachId).stream().map(this::overview).toList();
  }

  private LearnerOverview overview(UserAccount learner) {
    List<ModuleProgress> modules =
        enrolments.enrolmentsOf(learner.getId()).stream()
            .map(e -> progress.progress(learner.getId(), e.getModule()))
            .toList();
    return new LearnerOverview(
        learner.getId(),
        learner.getDisplayName(),
        learner.getUsername(),
        progress.lastActivity(learner.getId()).orElse(null),
        modules);
  }
}
