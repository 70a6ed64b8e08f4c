package be.edusprong.lms.web.view;

import be.edusprong.lms.domain.competence.CompetenceArea;
import be.edusprong.lms.domain.competence.CompetenceFramework;
import be.edusprong.lms.domain.competence.ProficiencyLevel;
import be.edusprong.lms.domain.module.CatalogueService;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The public catalogue (index.xhtml): published modules, filtered by DigComp area and proficiency
 * level through GET parameters {@code area} (1-5) and {@code level} (1-8), so a filtered view can
 * be bookmarked and shared.
 */
@Named
@RequestScoped
public class CataloguePage {
  @Inject CatalogueService catalogue;
  @Inject CompetenceFramework framework;

  private String area;
  private Integer level;
  private List<CourseModule> modules;
  // One query per request for all tags, not one per tag.
  private Map<String, LocalizedText> competences;

  /** The modules that pass the filters. */
  public List<CourseModule> getModules() {
    if (modules == null) {
      modules = catalogue.published(area, level);
    }
    return modules;
  }

  public List<CompetenceArea> getAreas() {
    return framework.areas();
  }

  public List<ProficiencyLevel> getLevels() {
    return framework.levels();
  }

  /** The name of a competence code in the page's language, e.g. "4.2 Persoonsgegevens ...". */
  public String competenceName(String code, boolean english) {
    if (competences == null) {
      competences = new HashMap<>();
      framework.competences().forEach(c -> competences.put(c.getCode(), c.getName()));
    }
    LocalizedText name = competences.get(code);
    return name == null ? code : code + " " + (english ? name.en() : name.nl());
  }

  /** Study time in hours, rounded to the nearest half hour, e.g. "3,5" or "3.5" by locale. */
  public String hours(int minutes, boolean english) {
    double half = Math.round(minutes / 30.0) / 2.0;
    String text = half == Math.floor(half) ? String.valueOf((int) half) : String.valueOf(half);
    return english ? text : text.replace('.', ',');
  }

  /** Competence codes in DigComp order (1.1 ... 5.4), for stable tags. */
  public List<String> sorted(java.util.Collection<String> codes) {
    return codes.stream().sorted().toList();
  }

  public String getArea() {
    return area;
  }

  public void setArea(String area) {
    this.area = area == null || area.isBlank() ? null : area;
  }

  public Integer getLevel() {
    return level;
  }

  public void setLevel(Integer level) {
    this.level = level;
  }
}
