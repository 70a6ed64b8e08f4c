package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.bank.CategoryCount;
import be.edusprong.lms.domain.bank.ItemBankService;
import be.edusprong.lms.domain.delivery.Assessment;
import be.edusprong.lms.domain.delivery.AssessmentService;
import be.edusprong.lms.domain.delivery.AssessmentService.QuestionSource;
import be.edusprong.lms.domain.delivery.AssessmentService.SectionSpec;
import be.edusprong.lms.domain.delivery.Review;
import be.edusprong.lms.domain.shared.DomainException;
import be.edusprong.lms.web.security.CurrentUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The assessment editor (leraar/toets-nieuw.xhtml; issue 3, points 3 and 8): a teacher builds an
 * assessment from the centre's item bank. Each section takes the questions of one bank category:
 * all of them in order, or a pool from which every attempt draws a number (shuffled or not). The
 * settings are the time limit, the window (in Brussels time), the number of attempts, the pass
 * mark, the review level, shuffled options, an access code and allowed IP ranges. It is made in one
 * transaction ({@link AssessmentService#create(AssessmentService.Draft)}): a refused setting leaves
 * no half-made assessment.
 */
@Named
@ViewScoped
public class AssessmentEditorPage implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Most sections on the form. */
  public static final int MAX_SECTIONS = 10;

  @Inject transient AssessmentService assessments;
  @Inject transient ItemBankService bank;
  @Inject transient CurrentUser currentUser;

  /** One section row of the form. */
  public static class SectionRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String title;
    private String category;
    private Integer draw;
    private boolean shuffle;

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    /** The bank category its questions come from. */
    public String getCategory() {
      return category;
    }

    public void setCategory(String category) {
      this.category = category;
    }

    /** How many each attempt draws; null for all of them, in order. */
    public Integer getDraw() {
      return draw;
    }

    public void setDraw(Integer draw) {
      this.draw = draw;
    }

    public boolean isShuffle() {
      return shuffle;
    }

    public void setShuffle(boolean shuffle) {
      this.shuffle = shuffle;
    }
  }

  private String title;
  private Integer timeLimitMinutes;
  private String opensAt;
  private String closesAt;
  private int maxAttempts = 1;
  private BigDecimal passMark;
  private Review review = Review.SCORE;
  private boolean shuffleOptions;
  private String accessCode;
  private String ipRanges;
  private final List<SectionRow> sections = new ArrayList<>(List.of(new SectionRow()));
  private transient List<CategoryCount> categories;

  /** The bank's categories with their number of questions. */
  public List<CategoryCount> getCategories() {
    if (categories == null) {
      categories = bank.categories(currentUser.require().getId());
    }
    return categories;
  }

  /** The review levels, for the select. */
  public Review[] getReviews() {
    return Review.values();
  }

  /** Adds an empty section row (up to {@value #MAX_SECTIONS}). */
  public void addSection() {
    if (sections.size() < MAX_SECTIONS) {
      sections.add(new SectionRow());
    }
  }

  /**
   * Creates the assessment with its sections from the bank and its settings.
   *
   * @return the teacher's assessments page, or null to show what is wrong
   */
  public String save() {
    long teacher = currentUser.require().getId();
    try {
      List<SectionSpec> specs = new ArrayList<>();
      for (SectionRow row : sections) {
        if (row.getCategory() == null) {
          continue;
        }
        List<QuestionSource> questions =
            bank.items(teacher, row.getCategory()).stream()
                .map(b -> new QuestionSource(b.getSourceFormat(), b.getSource()))
                .toList();
        int draw = row.getDraw() == null ? questions.size() : row.getDraw();
        specs.add(new SectionSpec(row.getTitle(), questions, draw, row.isShuffle()));
      }
      if (specs.isEmpty()) {
        Messages.error(null, "editor.noSection");
        return null;
      }
      Assessment created =
          assessments.create(
              new AssessmentService.Draft(
                  teacher,
                  title,
                  timeLimitMinutes == null ? null : Duration.ofMinutes(timeLimitMinutes),
                  instant(opensAt, "editor.opensAt"),
                  instant(closesAt, "editor.closesAt"),
                  maxAttempts,
                  shuffleOptions,
                  specs,
                  accessCode,
                  ipRanges,
                  passMark,
                  review));
      Messages.info("editor.created", created.getTitle());
      return "/leraar/toetsen?faces-redirect=true";
    } catch (DomainException e) {
      Messages.error(e);
      return null;
    }
  }

  // A datetime-local value ("2026-12-02T18:30") in Brussels time.
  private static Instant instant(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(CaseloadPage.BRUSSELS).toInstant();
    } catch (DateTimeParseException e) {
      throw new DomainException(
          "error.assessment.invalid", field + ": not a date and time: " + value, value);
    }
  }

  public List<SectionRow> getSections() {
    return sections;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Integer getTimeLimitMinutes() {
    return timeLimitMinutes;
  }

  public void setTimeLimitMinutes(Integer timeLimitMinutes) {
    this.timeLimitMinutes = timeLimitMinutes;
  }

  public String getOpensAt() {
    return opensAt;
  }

  public void setOpensAt(String opensAt) {
    this.opensAt = opensAt;
  }

  public String getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(String closesAt) {
    this.closesAt = closesAt;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
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

  public boolean isShuffleOptions() {
    return shuffleOptions;
  }

  public void setShuffleOptions(boolean shuffleOptions) {
    this.shuffleOptions = shuffleOptions;
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
}
