package be.edusprong.lms.domain.competence;

import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One of the eight proficiency levels of DigComp 2.2 (1-2 foundation, 3-4 intermediate, 5-6
 * advanced, 7-8 highly specialised).
 */
@Entity
@Table(name = "proficiency_level")
public class ProficiencyLevel {
  /** The lowest level, 1. */
  public static final int MIN = 1;

  /** The highest level, 8. */
  public static final int MAX = 8;

  @Id private int level;

  @Column(name = "level_group", nullable = false, length = 30)
  private String levelGroup;

  @Column(name = "name_nl", nullable = false)
  private String nameNl;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  protected ProficiencyLevel() {}

  public ProficiencyLevel(int level, String levelGroup, LocalizedText name) {
    if (level < MIN || level > MAX) {
      throw new IllegalArgumentException("proficiency level " + level + " outside 1-8");
    }
    this.level = level;
    this.levelGroup = levelGroup;
    rename(name);
  }

  public int getLevel() {
    return level;
  }

  public String getLevelGroup() {
    return levelGroup;
  }

  public LocalizedText getName() {
    return new LocalizedText(nameNl, nameEn);
  }

  void rename(LocalizedText name) {
    this.nameNl = name.nl();
    this.nameEn = name.en();
  }
}
