package be.edusprong.lms.assessment.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.edusprong.lms.assessment.delivery.ResponseVersions.Decision;
import be.edusprong.lms.assessment.delivery.ResponseVersions.Stored;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseVersionsTest {

  private static String digest(String response) {
    return Receipt.digestOf(response.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "stored {0}/{1}, incoming {2}/{3} -> {4}")
  @CsvSource({
    // stored version (0 = nothing stored), stored answer, incoming version, answer, decision
    "0, , 1, A, ACCEPT",
    "0, , 7, A, ACCEPT",
    "3, A, 4, B, ACCEPT",
    "3, A, 4, A, ACCEPT",
    "3, A, 9, B, ACCEPT",
    "3, A, 3, A, DUPLICATE",
    "3, A, 3, B, CONFLICT",
    "3, A, 2, A, STALE",
    "3, A, 2, B, STALE",
    "3, A, 1, C, STALE",
  })
  void decisionTable(
      long storedVersion, String storedAnswer, long version, String answer, Decision expected) {
    Stored stored = storedVersion == 0 ? null : new Stored(storedVersion, digest(storedAnswer));
    assertEquals(expected, ResponseVersions.decide(stored, version, digest(answer)));
  }

  @Test
  void onlyAcceptWrites() {
    assertTrue(Decision.ACCEPT.writes());
    assertFalse(Decision.DUPLICATE.writes());
    assertFalse(Decision.CONFLICT.writes());
    assertFalse(Decision.STALE.writes());
  }

  /** Tab 1 saves v1, v2; a stale tab 2, still on v1, then sends its v2 and a late v1. */
  @Test
  void staleTabNeverOverwrites() {
    Stored afterTab1 = new Stored(2, digest("B"));
    assertEquals(Decision.CONFLICT, ResponseVersions.decide(afterTab1, 2, digest("X")));
    assertEquals(Decision.STALE, ResponseVersions.decide(afterTab1, 1, digest("A")));
    // The offline queue of tab 1 retries v2 after a lost acknowledgement.
    assertEquals(Decision.DUPLICATE, ResponseVersions.decide(afterTab1, 2, digest("B")));
  }

  @Test
  void invalidInputIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> ResponseVersions.decide(null, 0, digest("A")));
    assertThrows(IllegalArgumentException.class, () -> ResponseVersions.decide(null, 1, "abc"));
    assertThrows(IllegalArgumentException.class, () -> new Stored(0, digest("A")));
    assertThrows(IllegalArgumentException.class, () -> new Stored(1, digest("A").toUpperCase()));
  }
}
