package be.edusprong.lms.web.view;

import be.edusprong.lms.assessment.item.Choice;
import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.assessment.item.ItemType;
import be.edusprong.lms.assessment.scoring.ChoiceResponse;
import be.edusprong.lms.assessment.scoring.MatchResponse;
import be.edusprong.lms.assessment.scoring.Response;
import be.edusprong.lms.assessment.scoring.TextResponse;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.domain.module.LearningUnit;
import be.edusprong.lms.domain.module.PracticeItem;
import be.edusprong.lms.domain.module.PracticeItems;
import be.edusprong.lms.domain.progress.ModuleProgress;
import be.edusprong.lms.domain.progress.PracticeFeedback;
import be.edusprong.lms.domain.progress.ProgressService;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.domain.shared.LocalizedText;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit page (cursist/unit.xhtml?module=...&amp;unit=...): the unit's text and its practice
 * questions, answered inline with immediate feedback. Viewing the page records an xAPI {@code
 * experienced} statement; each answer an {@code answered} statement.
 */
@Named
@ViewScoped
public class UnitPage implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient CatalogueService catalogue;
  @Inject transient ProgressService progress;
  @Inject transient PracticeItems practiceItems;
  @Inject transient CurrentUser currentUser;

  private String module;
  private String unit;

  private LocalizedText moduleTitle;
  private LocalizedText title;
  private String bodyHtml;
  private int position;
  private int unitCount;
  private String previousUnit;
  private String nextUnit;
  private List<Question> questions = List.of();
  private ModuleProgress moduleProgress;
  private boolean completed;

  /** One practice question as the page shows it. */
  public static final class Question implements Serializable {
    private static final long serialVersionUID = 1L;
    private final long id;
    private final String title;
    private final String type;
    private final String stemHtml;
    private final List<Option> options;
    private final List<Option> premises;
    private final List<String> matchAnswers;
    private String single;
    private List<String> multiple = new ArrayList<>();
    private String text;
    private final Map<String, String> matches = new HashMap<>();
    private boolean answered;
    private Boolean correct;
    private List<String> feedback = List.of();

    /**
     * @param seed fixes the order of choices and of matching answers for one learner and question
     *     (authors often write the right answer first; Moodle shuffles answers by default too)
     */
    Question(long id, Item item, boolean answered, long seed) {
      this.id = id;
      this.title = item.displayTitle();
      this.type = item.type().name();
      this.stemHtml = item.stemHtml();
      List<Option> choices =
          item.type() == ItemType.CHOICE_SINGLE
                  || item.type() == ItemType.CHOICE_MULTIPLE
                  || item.type() == ItemType.TRUE_FALSE
              ? item.choices().stream().map(c -> new Option(c.id(), label(item, c))).toList()
              : List.of();
      this.options = item.type() == ItemType.TRUE_FALSE ? choices : shuffled(choices, seed);
      this.premises =
          item.pairs().stream()
              .filter(p -> !p.distractor())
              .map(p -> new Option(p.id(), p.premiseHtml()))
              .toList();
      this.matchAnswers = shuffled(item.matchAnswers(), seed);
      this.answered = answered;
    }

    private static <T> List<T> shuffled(List<T> list, long seed) {
      List<T> copy = new ArrayList<>(list);
      java.util.Collections.shuffle(copy, new java.util.Random(seed));
      return List.copyOf(copy);
    }

    private static String label(Item item, Choice c) {
      if (item.type() == ItemType.TRUE_FALSE) {
        return c.id();
      }
      return c.textHtml();
    }

    public long getId() {
      return id;
    }

    public String getTitle() {
      return title;
    }

    public String getType() {
      return type;
    }

    public String getStemHtml() {
      return stemHtml;
    }

    public List<Option> getOptions() {
      return options;
    }

    public List<Option> getPremises() {
      return premises;
    }

    public List<String> getMatchAnswers() {
      return matchAnswers;
    }

    public String getSingle() {
      return single;
    }

    public void setSingle(String single) {
      this.single = single;
    }

    public List<String> getMultiple() {
      return multiple;
    }

    public void setMultiple(List<String> multiple) {
      this.multiple = multiple == null ? new ArrayList<>() : new ArrayList<>(multiple);
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public Map<String, String> getMatches() {
      return matches;
    }

    public boolean isAnswered() {
      return answered;
    }

    public Boolean getCorrect() {
      return correct;
    }

    public List<String> getFeedback() {
      return feedback;
    }

    Response response() {
      return switch (ItemType.valueOf(type)) {
        case CHOICE_SINGLE, TRUE_FALSE ->
            new ChoiceResponse(single == null ? Set.of() : Set.of(single));
        case CHOICE_MULTIPLE -> new ChoiceResponse(new LinkedHashSet<>(multiple));
        case MATCHING -> {
          Map<String, String> given = new HashMap<>();
          matches.forEach(
              (k, v) -> {
                if (v != null && !v.isBlank()) {
                  given.put(k, v);
                }
              });
          yield new MatchResponse(given);
        }
        default -> new TextResponse(text == null ? "" : text);
      };
    }

    boolean hasAnswer() {
      return switch (ItemType.valueOf(type)) {
        case CHOICE_SINGLE, TRUE_FALSE -> single != null && !single.isBlank();
        case CHOICE_MULTIPLE -> !multiple.isEmpty();
        case MATCHING -> matches.values().stream().anyMatch(v -> v != null && !v.isBlank());
        default -> text != null && !text.isBlank();
      };
    }
  }

  /** A choice or premise: its wire id and its safe HTML. */
  public record Option(String id, String html) implements Serializable {}

  /** Loads the unit, records the view; an unknown unit gives the 404 page. */
  public void load() throws IOException {
    LearningUnit found;
    try {
      found = catalogue.requireUnit(module, unit);
    } catch (DomainException e) {
      FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no unit");
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    long learner = currentUser.require().getId();
    try {
      progress.recordUnitView(learner, found.getId());
    } catch (DomainException e) {
      // Not enrolled: back to the module page, which offers enrolment.
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(
              FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                  + "/module.xhtml?code="
                  + module);
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    var units = found.getModule().getUnits();
    moduleTitle = found.getModule().getTitle();
    title = found.getTitle();
    bodyHtml = found.getBodyHtml();
    position = found.getPosition();
    unitCount = units.size();
    int index = units.indexOf(found);
    previousUnit = index > 0 ? units.get(index - 1).getCode() : null;
    nextUnit = index + 1 < units.size() ? units.get(index + 1).getCode() : null;
    Set<Long> answered = progress.answeredItems(learner, found.getId());
    List<Question> list = new ArrayList<>();
    for (PracticeItem p : found.getItems()) {
      list.add(
          new Question(
              p.getId(),
              practiceItems.toItem(p),
              answered.contains(p.getId()),
              learner * 31 + p.getId()));
    }
    questions = list;
    completed = progress.isUnitCompleted(learner, found.getId());
    moduleProgress = progress.progress(learner, found.getModule());
  }

  /** Scores one question and shows its feedback. */
  public void answer(Question question) {
    if (!question.hasAnswer()) {
      Messages.error(null, "unit.answer.empty");
      return;
    }
    try {
      PracticeFeedback feedback =
          progress.answer(currentUser.require().getId(), question.id, question.response());
      question.answered = true;
      question.correct = feedback.correct();
      question.feedback = feedback.feedbackHtml();
      moduleProgress = feedback.progress();
      if (feedback.unitCompleted()) {
        completed = true;
      }
    } catch (DomainException e) {
      Messages.error(e);
    }
  }

  public String getModule() {
    return module;
  }

  public void setModule(String module) {
    this.module = module;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public LocalizedText getModuleTitle() {
    return moduleTitle;
  }

  public LocalizedText getTitle() {
    return title;
  }

  public String getBodyHtml() {
    return bodyHtml;
  }

  public int getPosition() {
    return position;
  }

  public int getUnitCount() {
    return unitCount;
  }

  public String getPreviousUnit() {
    return previousUnit;
  }

  public String getNextUnit() {
    return nextUnit;
  }

  public List<Question> getQuestions() {
    return questions;
  }

  public ModuleProgress getModuleProgress() {
    return moduleProgress;
  }

  public boolean isCompleted() {
    return completed;
  }

  /** How many questions of this unit are answered. */
  public long getAnsweredCount() {
    return questions.stream().filter(Question::isAnswered).count();
  }
}
