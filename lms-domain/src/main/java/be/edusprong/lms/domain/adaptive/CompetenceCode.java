package be.edusprong.lms.domain.adaptive;

import java.util.Set;

/**
 * The code of one of the 21 competences of DigComp 2.2 (Vuorikari, Kluzer and Punie, JRC 2022),
 * {@code <area>.<n>}: 1.1-1.3, 2.1-2.6, 3.1-3.4, 4.1-4.4, 5.1-5.4. Orders by area, then number,
 * which for these codes is their string order.
 *
 * @param value the code, e.g. {@code 4.2}
 */
public record CompetenceCode(String value) implements Comparable<CompetenceCode> {
  private static final Set<String> DIGCOMP_22 =
      Set.of(
          "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3.1", "3.2", "3.3", "3.4",
          "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4");

  /**
   * @throws IllegalArgumentException when {@code value} is not one of the 21 DigComp 2.2 codes
   */
  public CompetenceCode {
    if (value == null || !DIGCOMP_22.contains(value)) {
      throw new IllegalArgumentException("not a DigComp 2.2 competence code: " + value);
    }
  }

  /** The code for {@code value}, e.g. {@code of("4.2")}; see the constructor for errors. */
  public static CompetenceCode of(String value) {
    return new CompetenceCode(value);
  }

  @Override
  public int compareTo(CompetenceCode other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
