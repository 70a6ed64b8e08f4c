package be.edusprong.lms.domain.adaptive;

import be.edusprong.lms.assessment.item.Item;
import be.edusprong.lms.domain.content.ContentPackage.ModulePackage;
import be.edusprong.lms.domain.content.ContentPackage.UnitPackage;
import be.edusprong.lms.domain.module.CourseModule;
import be.edusprong.lms.domain.module.LearningUnit;
import be.edusprong.lms.domain.module.PracticeItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the adaptive rules need to know of a module, as plain values: its proficiency level, its
 * units in order with their DigComp competences, and its bank of practice questions with theirs.
 *
 * <p>Tagging today (content/modules/&#42;/module.yaml): a module has one DigComp proficiency level
 * and a list of competences; each unit has its own list; a practice question has none of its own
 * and carries those of its unit. So every question of a module tests the module's level.
 *
 * @param code the module code
 * @param level DigComp proficiency level 1-8 that the module's questions test
 * @param units the units in order, at least one
 * @param bank the practice questions that a placement test draws from, in module order
 */
public record AdaptiveModule(String code, int level, List<Unit> units, List<BankItem> bank) {
  /**
   * One unit.
   *
   * @param code unit code, unique in the module
   * @param competences the unit's DigComp competences (may be empty: then never skippable)
   */
  public record Unit(String code, Set<CompetenceCode> competences) {
    public Unit {
      Objects.requireNonNull(code, "unit code");
      competences = Set.copyOf(competences);
    }
  }

  /**
   * One practice question in the bank.
   *
   * @param id {@code <unit code>/<question identifier>}, unique in the module
   * @param unitCode the unit it belongs to
   * @param competences the competences an answer to it is evidence for (at least one)
   */
  public record BankItem(String id, String unitCode, Set<CompetenceCode> competences) {
    public BankItem {
      Objects.requireNonNull(id, "item id");
      competences = Set.copyOf(competences);
      if (competences.isEmpty()) {
        throw new IllegalArgumentException("bank item " + id + " has no competence");
      }
    }
  }

  /**
   * @throws IllegalArgumentException when the level is outside 1-8, there are no units, or unit
   *     codes or item ids repeat
   */
  public AdaptiveModule {
    if (level < 1 || level > 8) {
      throw new IllegalArgumentException("proficiency level " + level + " outside 1-8");
    }
    units = List.copyOf(units);
    bank = List.copyOf(bank);
    if (units.isEmpty()) {
      throw new IllegalArgumentException("module " + code + " has no units");
    }
    Set<String> seen = new HashSet<>();
    for (Unit u : units) {
      if (!seen.add(u.code())) {
        throw new IllegalArgumentException("unit " + u.code() + " twice in module " + code);
      }
    }
    Set<String> ids = new HashSet<>();
    for (BankItem i : bank) {
      if (!ids.add(i.id())) {
        throw new IllegalArgumentException("bank item " + i.id() + " twice in module " + code);
      }
    }
  }

  /** The competences of all units, sorted. */
  public Set<CompetenceCode> competences() {
    Set<CompetenceCode> all = new TreeSet<>();
    units.forEach(u -> all.addAll(u.competences()));
    return all;
  }

  /** A module as stored (practice questions take their unit's competences). */
  public static AdaptiveModule of(CourseModule module) {
    List<Unit> units = new ArrayList<>();
    List<BankItem> bank = new ArrayList<>();
    for (LearningUnit u : module.getUnits()) {
      Set<CompetenceCode> competences = codes(u.getCompetenceCodes());
      units.add(new Unit(u.getCode(), competences));
      if (!competences.isEmpty()) {
        for (PracticeItem i : u.getItems()) {
          bank.add(new BankItem(u.getCode() + "/" + i.getIdentifier(), u.getCode(), competences));
        }
      }
    }
    return new AdaptiveModule(module.getCode(), module.getProficiencyLevel(), units, bank);
  }

  /** A module as read from {@code content/} (practice questions take their unit's competences). */
  public static AdaptiveModule of(ModulePackage module) {
    List<Unit> units = new ArrayList<>();
    List<BankItem> bank = new ArrayList<>();
    for (UnitPackage u : module.units()) {
      Set<CompetenceCode> competences = codes(u.competences());
      units.add(new Unit(u.code(), competences));
      if (!competences.isEmpty()) {
        for (Item i : u.items()) {
          bank.add(new BankItem(u.code() + "/" + i.identifier(), u.code(), competences));
        }
      }
    }
    return new AdaptiveModule(module.code(), module.level(), units, bank);
  }

  private static Set<CompetenceCode> codes(Collection<String> values) {
    Set<CompetenceCode> codes = new TreeSet<>();
    values.forEach(v -> codes.add(CompetenceCode.of(v)));
    return codes;
  }
}
