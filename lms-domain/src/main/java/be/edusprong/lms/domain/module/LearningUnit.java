package be.edusprong.lms.domain.module;

import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A learning unit (leereenheid): one ordered piece of a module with its text (sanitized HTML) and
 * its practice questions. A unit is completed when all its practice questions are answered.
 */
@Entity
@Table(name = "learning_unit")
public class LearningUnit {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "module_id")
  private CourseModule module;

  @Column(nullable = false, length = 80)
  private String code;

  @Column(nullable = false)
  private int position;

  @Column(name = "title_nl", nullable = false)
  private String titleNl;

  @Column(name = "title_en", nullable = false)
  private String titleEn;

  @Lob
  @Column(name = "body_html", nullable = false)
  private String bodyHtml;

  @Column(nullable = false)
  private int minutes;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "unit_competence", joinColumns = @JoinColumn(name = "unit_id"))
  @Column(name = "competence_code", length = 10)
  private Set<String> competenceCodes = new TreeSet<>();

  @OneToMany(mappedBy = "unit", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<PracticeItem> items = new ArrayList<>();

  protected LearningUnit() {}

  LearningUnit(CourseModule module, String code, int position) {
    this.module = module;
    this.code = code;
    this.position = position;
  }

  /**
   * Replaces the unit's content.
   *
   * @param bodyHtml sanitized HTML (the caller sanitizes; the page shows it as it is)
   * @param minutes study time in minutes
   */
  public void describe(
      int position, LocalizedText title, String bodyHtml, int minutes, Set<String> competences) {
    this.position = position;
    this.titleNl = title.nl();
    this.titleEn = title.en();
    this.bodyHtml = bodyHtml;
    this.minutes = minutes;
    this.competenceCodes.clear();
    this.competenceCodes.addAll(competences);
  }

  public Long getId() {
    return id;
  }

  public CourseModule getModule() {
    return module;
  }

  public String getCode() {
    return code;
  }

  public int getPosition() {
    return position;
  }

  public LocalizedText getTitle() {
    return new LocalizedText(titleNl, titleEn);
  }

  public String getBodyHtml() {
    return bodyHtml;
  }

  public int getMinutes() {
    return minutes;
  }

  public Set<String> getCompetenceCodes() {
    return Collections.unmodifiableSet(competenceCodes);
  }

  public List<PracticeItem> getItems() {
    return Collections.unmodifiableList(items);
  }

  /**
   * Adds or updates the practice question with this identifier, keeping its id (and so the answers
   * learners gave) when only its text changed.
   */
  public PracticeItem putItem(
      String identifier, int itemPosition, String itemType, String title, String giftSource) {
    PracticeItem item =
        items.stream().filter(i -> i.getIdentifier().equals(identifier)).findFirst().orElse(null);
    if (item == null) {
      item = new PracticeItem(this, identifier);
      items.add(item);
    }
    item.describe(itemPosition, itemType, title, giftSource);
    return item;
  }

  /** Removes practice questions whose identifier is not in {@code keep}. */
  public void retainItems(Set<String> keep) {
    items.removeIf(i -> !keep.contains(i.getIdentifier()));
  }
}
