package be.edusprong.lms.web.view;

import be.edusprong.lms.assessment.analysis.ItemAnalysis;
import be.edusprong.lms.assessment.analysis.ItemAnalysisReport;
import be.edusprong.lms.assessment.analysis.ItemStatistics;
import be.edusprong.lms.assessment.analysis.Statistic;
import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.delivery.AssessmentItem;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.GradingService;
import be.edusprong.lms.domain.delivery.ItemSources;
import be.edusprong.lms.domain.delivery.SittingAnalysis;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The item analysis of a sitting (leraar/toets-analyse.xhtml?id=..., issue 3 point 6): facility,
 * discrimination and distractor counts per question and Cronbach's alpha ({@link ItemAnalysis}) of
 * the fully graded attempts ({@link SittingAnalysis}), a bar per question for the facility (with
 * its value in text), a CSV download ({@link ItemAnalysisCsvServlet}) and, with {@code
 * &vraag=<id>}, the form to correct a question and regrade every attempt ({@link
 * GradingService#regrade}, point 5).
 */
@Named
@RequestScoped
public class AnalysisPage {
  @Inject SittingAnalysis analysis;
  @Inject AssessmentService assessments;
  @Inject GradingService grading;
  @Inject ItemSources sources;
  @Inject CurrentUser currentUser;

  private Long id;
  private String question;
  private String correctedSource;
  private SittingAnalysis.Input input;
  private ItemAnalysisReport report;
  private List<Row> rows;

  /**
   * One analysed question for the table.
   *
   * @param stats its statistics
   * @param title its display title
   * @param distractors per option "id – text" and its count, in stored order
   */
  public record Row(ItemStatistics stats, String title, List<Distractor> distractors) {}

  /**
   * One option of a choice question and how many attempts chose it.
   *
   * @param id the option id (A, B, ... or TRUE/FALSE)
   * @param text the option's text, plain
   * @param count attempts that chose it
   */
  public record Distractor(String id, String text, int count) {}

  /** Builds the analysis; 404 for an assessment outside the teacher's centre. */
  public void load() throws IOException {
    try {
      if (id == null) {
        throw new DomainException("error.assessment.unknown", "no id");
      }
      input = analysis.input(id, currentUser.require().getId());
    } catch (DomainException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.getExternalContext().responseSendError(404, "no such assessment");
      faces.responseComplete();
      return;
    }
    report = input.results().map(ItemAnalysis::analyse).orElse(null);
    if (question != null && correctedSource == null) {
      correctedSource =
          assessments.items(id).stream()
              .filter(i -> i.getIdentifier().equals(question))
              .map(AssessmentItem::getSource)
              .findFirst()
              .orElse(null);
      if (correctedSource == null) {
        question = null;
      }
    }
  }

  /** The analysis input (counts, questions left out); null before {@link #load}. */
  public SittingAnalysis.Input getInput() {
    return input;
  }

  /** The analysis, or null when no attempt is fully graded yet. */
  public ItemAnalysisReport getReport() {
    return report;
  }

  /** The analysed questions with titles and named distractors. */
  public List<Row> getRows() {
    if (rows == null) {
      rows = new ArrayList<>();
      if (report != null) {
        Map<String, Item> items = new java.util.HashMap<>();
        for (AssessmentItem stored : assessments.items(id)) {
          items.put(stored.getIdentifier(), sources.item(stored));
        }
        for (ItemStatistics s : report.items()) {
          Item item = items.get(s.itemId());
          List<Distractor> distractors = new ArrayList<>();
          s.choiceCounts()
              .forEach(
                  (choice, count) ->
                      distractors.add(
                          new Distractor(
                              choice,
                              item.choice(choice).map(Choice::text).orElse(choice),
                              count)));
          rows.add(new Row(s, input.titles().getOrDefault(s.itemId(), s.itemId()), distractors));
        }
      }
    }
    return rows;
  }

  // The engine's reasons (ItemAnalysis, in English) that the page says in the UI's language.
  private static final List<Map.Entry<java.util.regex.Pattern, String>> REASONS =
      List.of(
          Map.entry(
              java.util.regex.Pattern.compile("needs at least 2 learners.*\\(n = (\\d+)\\)"),
              "analysis.reason.twoLearners"),
          Map.entry(
              java.util.regex.Pattern.compile(".*needs at least 2 items.*"),
              "analysis.reason.twoItems"),
          Map.entry(
              java.util.regex.Pattern.compile("every learner scored (\\S+) points on this item.*"),
              "analysis.reason.sameItemScore"),
          Map.entry(
              java.util.regex.Pattern.compile(
                  "every learner has the same rest score \\(total minus this item: (\\S+) .*"),
              "analysis.reason.sameRestScore"),
          Map.entry(
              java.util.regex.Pattern.compile(
                  "every learner has the same total score \\((\\S+) points\\).*"),
              "analysis.reason.sameTotal"));

  /**
   * Why a statistic cannot be computed, in the UI's language when the reason is one the engine
   * gives ({@link ItemAnalysis}); otherwise the engine's own (English) text.
   *
   * @param statistic an undefined statistic
   * @return the reason; "" for a defined statistic
   */
  public String reason(Statistic statistic) {
    String reason = statistic.reason().orElse("");
    for (Map.Entry<java.util.regex.Pattern, String> r : REASONS) {
      java.util.regex.Matcher m = r.getKey().matcher(reason);
      if (m.matches()) {
        return m.groupCount() == 0
            ? Messages.text(r.getValue())
            : Messages.text(r.getValue(), m.group(1));
      }
    }
    return reason;
  }

  /** The questions of the assessment (identifier and title), for the regrade links. */
  public List<Map.Entry<String, String>> getQuestions() {
    return input == null ? List.of() : new ArrayList<>(input.titles().entrySet());
  }

  /**
   * Corrects the question {@code vraag} with the source typed and regrades every submitted attempt.
   *
   * @return back to the analysis (without the form) with the number of attempts whose total
   *     changed; null (stay, with the error) when the correction is refused
   */
  public String regrade() {
    try {
      int changed = grading.regrade(id, question, correctedSource, currentUser.require().getId());
      Messages.info("analysis.regraded", question, changed);
      return "/leraar/toets-analyse?faces-redirect=true&id=" + id;
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    }
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The question being corrected (view parameter {@code vraag}), or null. */
  public String getQuestion() {
    return question;
  }

  public void setQuestion(String question) {
    this.question = question;
  }

  /** The corrected source, prefilled with the stored one. */
  public String getCorrectedSource() {
    return correctedSource;
  }

  public void setCorrectedSource(String correctedSource) {
    this.correctedSource = correctedSource;
  }
}
