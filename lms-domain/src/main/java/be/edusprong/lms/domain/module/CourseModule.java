package be.edusprong.lms.domain.module;

import be.edusprong.lms.domain.centre.Centre;
import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
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
 * A module (DigComp-mapped unit of the offer) of one centre, made of ordered {@link LearningUnit}s.
 * Named CourseModule so it never clashes with {@code java.lang.Module}.
 */
@Entity
@Table(name = "course_module")
public class CourseModule {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "centre_id")
  private Centre centre;

  @Column(nullable = false, length = 80)
  private String code;

  @Column(name = "content_version", nullable = false)
  private int contentVersion;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private ModuleKind kind;

  @Column(name = "title_nl", nullable = false)
  private String titleNl;

  @Column(name = "title_en", nullable = false)
  private String titleEn;

  @Column(name = "summary_nl", nullable = false, length = 1000)
  private String summaryNl;

  @Column(name = "summary_en", nullable = false, length = 1000)
  private String summaryEn;

  @Column(name = "proficiency_level", nullable = false)
  private int proficiencyLevel;

  @Column(name = "estimated_minutes", nullable = false)
  private int estimatedMinutes;

  @Column(nullable = false)
  private boolean published = true;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "module_competence", joinColumns = @JoinColumn(name = "module_id"))
  @Column(name = "competence_code", length = 10)
  private Set<String> competenceCodes = new TreeSet<>();

  @OneToMany(mappedBy = "module", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<LearningUnit> units = new ArrayList<>();

  protected CourseModule() {}

  /** A new module of a centre, with no units yet. */
  public CourseModule(Centre centre, String code) {
    this.centre = centre;
    this.code = code;
  }

  /**
   * Replaces the descriptive data (content loading and, later, authoring).
   *
   * @param level DigComp proficiency level 1-8
   * @param minutes total study time in minutes, positive
   */
  public void describe(
      int contentVersion,
      ModuleKind kind,
      LocalizedText title,
      LocalizedText summary,
      int level,
      int minutes,
      Set<String> competences) {
    this.contentVersion = contentVersion;
    this.kind = kind;
    this.titleNl = title.nl();
    this.titleEn = title.en();
    this.summaryNl = summary.nl();
    this.summaryEn = summary.en();
    this.proficiencyLevel = level;
    this.estimatedMinutes = minutes;
    this.competenceCodes.clear();
    this.competenceCodes.addAll(competences);
  }

  public Long getId() {
    return id;
  }

  public Centre getCentre() {
    return centre;
  }

  public String getCode() {
    return code;
  }

  public int getContentVersion() {
    return contentVersion;
  }

  public ModuleKind getKind() {
    return kind;
  }

  public LocalizedText getTitle() {
    return new LocalizedText(titleNl, titleEn);
  }

  public LocalizedText getSummary() {
    return new LocalizedText(summaryNl, summaryEn);
  }

  public int getProficiencyLevel() {
    return proficiencyLevel;
  }

  public int getEstimatedMinutes() {
    return estimatedMinutes;
  }

  public boolean isPublished() {
    return published;
  }

  /** The DigComp competence codes, sorted. */
  public Set<String> getCompetenceCodes() {
    return Collections.unmodifiableSet(competenceCodes);
  }

  /** The units in order. */
  public List<LearningUnit> getUnits() {
    return Collections.unmodifiableList(units);
  }

  /** The unit with this code, if any. */
  public java.util.Optional<LearningUnit> unit(String unitCode) {
    return units.stream().filter(u -> u.getCode().equals(unitCode)).findFirst();
  }

  /** Adds a unit at the end; used by content loading. */
  public LearningUnit addUnit(String unitCode) {
    LearningUnit unit = new LearningUnit(this, unitCode, units.size() + 1);
    units.add(unit);
    return unit;
  }

  /** Removes units whose code is not in {@code keep}. */
  public void retainUnits(Set<String> keep) {
    units.removeIf(u -> !keep.contains(u.getCode()));
  }
}
