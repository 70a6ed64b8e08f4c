package be.edusprong.lms.domain.content;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.module.ModuleKind;
import be.edusprong.lms.domain.shared.LocalizedText;
import java.util.List;

/** The parsed, validated content of {@code content/}: see {@code docs/content-format.md}. */
public record ContentPackage(DigComp digComp, List<ModulePackage> modules) {

  /** The DigComp 2.2 framework rows. */
  public record DigComp(List<Area> areas, List<CompetenceRow> competences, List<Level> levels) {}

  /** A competence area. */
  public record Area(String code, LocalizedText name) {}

  /** A competence of an area. */
  public record CompetenceRow(String code, String areaCode, LocalizedText name) {}

  /** A proficiency level 1-8 and its group (FOUNDATION ... HIGHLY_SPECIALISED). */
  public record Level(int level, String group, LocalizedText name) {}

  /**
   * One module folder.
   *
   * @param level DigComp proficiency level 1-8
   * @param estimatedMinutes total study time in minutes
   */
  public record ModulePackage(
      String code,
      int version,
      ModuleKind kind,
      LocalizedText title,
      LocalizedText summary,
      int level,
      int estimatedMinutes,
      List<String> competences,
      List<UnitPackage> units) {}

  /**
   * One unit: its HTML (rendered and sanitized) and its practice questions.
   *
   * @param minutes study time in minutes
   */
  public record UnitPackage(
      String code,
      LocalizedText title,
      String bodyHtml,
      int minutes,
      List<String> competences,
      List<Item> items) {}
}
