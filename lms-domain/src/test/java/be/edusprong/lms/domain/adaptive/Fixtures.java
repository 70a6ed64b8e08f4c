package be.edusprong.lms.domain.adaptive;

import be.edusprong.lms.domain.adaptive.AdaptiveModule.BankItem;
import be.edusprong.lms.domain.adaptive.AdaptiveModule.Unit;
import java.util.List;
import java.util.Set;

/**
 * A small module of our own for the placement and path tests: four units at level 2, tagged like
 * the shipped open modules (a unit with two competences, units with one, a unit with none).
 */
final class Fixtures {
  static final CompetenceCode C41 = CompetenceCode.of("4.1");
  static final CompetenceCode C42 = CompetenceCode.of("4.2");

  private Fixtures() {}

  /**
   * u1 {4.1, 4.2}: a, b, c; u2 {4.2}: d, e, f, g; u3 {4.1}: h, i; u4 {} (an introduction, no
   * questions in the bank).
   */
  static AdaptiveModule module() {
    return new AdaptiveModule(
        "demo",
        2,
        List.of(
            new Unit("u1", Set.of(C41, C42)),
            new Unit("u2", Set.of(C42)),
            new Unit("u3", Set.of(C41)),
            new Unit("u4", Set.of())),
        List.of(
            item("u1/a", C41, C42),
            item("u1/b", C41, C42),
            item("u1/c", C41, C42),
            item("u2/d", C42),
            item("u2/e", C42),
            item("u2/f", C42),
            item("u2/g", C42),
            item("u3/h", C41),
            item("u3/i", C41)));
  }

  static BankItem item(String id, CompetenceCode... competences) {
    return new BankItem(id, id.substring(0, id.indexOf('/')), Set.of(competences));
  }

  static BankItem bankItem(String id) {
    return module().bank().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
  }
}
