package be.edusprong.lms.assessment.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ScoreTest {

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void rawMustLieBetweenZeroAndMax() {
    assertThrows(IllegalArgumentException.class, () -> Score.of(d("-0.1"), d("1")));
    assertThrows(IllegalArgumentException.class, () -> Score.of(d("1.1"), d("1")));
    assertThrows(IllegalArgumentException.class, () -> Score.of(d("0"), d("-1")));
  }

  @Test
  void scaledIsRawOverMax() {
    assertEquals(0, Score.of(d("3"), d("4")).scaled().compareTo(d("0.75")));
    assertEquals(0, Score.NONE.scaled().signum());
    assertTrue(Score.of(d("2"), d("2")).full());
    assertFalse(Score.NONE.full());
  }

  @Test
  void fractionIsClamped() {
    assertEquals(0, Score.ofFraction(d("-0.5"), BigDecimal.ONE).raw().signum());
    assertEquals(0, Score.ofFraction(d("1.5"), d("2")).raw().compareTo(d("2")));
  }

  @Test
  void scoresAddUp() {
    Score total = Score.of(d("1"), d("1")).plus(Score.of(d("0.5"), d("1"))).plus(Score.NONE);
    assertEquals(0, total.raw().compareTo(d("1.5")));
    assertEquals(0, total.max().compareTo(d("2")));
    assertEquals(0, total.scaled().compareTo(d("0.75")));
  }
}
