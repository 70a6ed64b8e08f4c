package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import be.edusprong.lms.run.Database;
import be.edusprong.lms.run.bench.BenchConfig;
import be.edusprong.lms.run.bench.DeliveryBenchmark;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The delivery benchmark (issue 3, point 10) works: a tiny sitting (4 learners, 5 questions, no
 * think time) through the real delivery API of the shared test platform ends with every
 * acknowledged save stored and as many attempts submitted in the database as the API said, and
 * writes its result file. It asserts no speed: figures belong in BENCHMARKS.md, measured with the
 * Maven profile {@code bench} on a quiet machine.
 */
@ExtendWith(PlatformExtension.class)
class DeliveryBenchmarkIT {
  private static final int LEARNERS = 4;
  private static final int ITEMS = 5;
  private static final int REANSWERS = 2;

  @Test
  void aSmallSittingLosesNoAcknowledgedSave(Platform platform, @TempDir Path work)
      throws Exception {
    assumeTrue(platform.startedHere(), "needs the database of a platform these tests started");
    Database server = platform.databaseServer();
    BenchConfig config =
        new BenchConfig(
            LEARNERS,
            false,
            Duration.ofSeconds(1),
            ITEMS,
            REANSWERS,
            Duration.ofSeconds(1),
            4,
            2,
            4,
            0,
            platform.baseUrl(),
            server.url(Platform.DATABASE),
            server.user(),
            server.password(),
            Platform.HTTP_PORT,
            Platform.DATABASE,
            null,
            null,
            work,
            work.resolve("out"),
            1L);

    assertEquals(0, DeliveryBenchmark.run(config), "exit status: 0 means nothing lost");

    JsonObject r;
    try (JsonReader reader =
        Json.createReader(
            Files.newBufferedReader(work.resolve("out").resolve("delivery-nothink-4.json")))) {
      r = reader.readObject();
    }
    JsonObject verification = r.getJsonObject("verification");
    long acked = r.getJsonObject("saves").getJsonNumber("acknowledged").longValue();
    long errors = r.getJsonObject("errors").getJsonNumber("total").longValue();
    assertEquals(0, verification.getInt("lost"), r.toString());
    assertTrue(verification.getInt("answersChecked") > 0, r.toString());
    assertEquals(
        r.getJsonObject("submit").getInt("submitted"),
        verification.getInt("attemptsSubmitted"),
        "the database has the submissions the API acknowledged: " + r);
    assertTrue(acked > 0 && acked <= LEARNERS * (ITEMS + REANSWERS), r.toString());
    if (errors == 0) {
      assertEquals(LEARNERS * (ITEMS + REANSWERS), acked, r.toString());
      assertEquals(LEARNERS * ITEMS, verification.getInt("answersChecked"), r.toString());
      assertEquals(LEARNERS, verification.getInt("attemptsSubmitted"), r.toString());
    }
    assertTrue(
        r.getJsonObject("rawUpsertBaseline").getJsonNumber("perSecond").doubleValue() > 0,
        "the raw baseline ran: " + r);
  }
}
