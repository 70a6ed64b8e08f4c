package be.edusprong.lms.domain.competence;

import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the five competence areas of DigComp 2.2 (JRC, 2022), code {@code 1} to {@code 5}. */
@Entity
@Table(name = "competence_area")
public class CompetenceArea {
  @Id
  @Column(length = 10)
  private String code;

  @Column(name = "name_nl", nullable = false)
  private String nameNl;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  protected CompetenceArea() {}

  public CompetenceArea(String code, LocalizedText name) {
    this.code = code;
    rename(name);
  }

  public String getCode() {
    return code;
  }

  public LocalizedText getName() {
    return new LocalizedText(nameNl, nameEn);
  }

  void rename(LocalizedText name) {
    this.nameNl = name.nl();
    this.nameEn = name.en();
  }
}
