package be.edusprong.lms.domain.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ModuleProgressTest {
  @Test
  void percentIsCompletedUnitsOverUnitsRoundedDown() {
    assertEquals(0, new ModuleProgress("m", 0, 4).percent());
    assertEquals(25, new ModuleProgress("m", 1, 4).percent());
    assertEquals(33, new ModuleProgress("m", 1, 3).percent());
    assertEquals(66, new ModuleProgress("m", 2, 3).percent());
    assertEquals(100, new ModuleProgress("m", 5, 5).percent());
  }

  @Test
  void aModuleWithoutUnitsIsNeverComplete() {
    assertEquals(0, new ModuleProgress("m", 0, 0).percent());
    assertFalse(new ModuleProgress("m", 0, 0).complete());
    assertTrue(new ModuleProgress("m", 4, 4).complete());
    assertFalse(new ModuleProgress("m", 3, 4).complete());
  }

  @Test
  void impossibleCountsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ModuleProgress("m", 5, 4));
    assertThrows(IllegalArgumentException.class, () -> new ModuleProgress("m", -1, 4));
  }
}
