package be.edusprong.lms.domain.competence;

import be.edusprong.lms.domain.shared.LocalizedText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One of the 21 competences of DigComp 2.2, code {@code <area>.<n>}, e.g. {@code 4.2}. */
@Entity
@Table(name = "competence")
public class Competence {
  @Id
  @Column(length = 10)
  private String code;

  @Column(name = "area_code", nullable = false, length = 10)
  private String areaCode;

  @Column(name = "name_nl", nullable = false)
  private String nameNl;

  @Column(name = "name_en", nullable = false)
  private String nameEn;

  protected Competence() {}

  public Competence(String code, String areaCode, LocalizedText name) {
    this.code = code;
    this.areaCode = areaCode;
    rename(name);
  }

  public String getCode() {
    return code;
  }

  public String getAreaCode() {
    return areaCode;
  }

  public LocalizedText getName() {
    return new LocalizedText(nameNl, nameEn);
  }

  void rename(LocalizedText name) {
    this.nameNl = name.nl();
    this.nameEn = name.en();
  }
}
