package be.edusprong.lms.run.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crash test (issue 3, point 11): while learners save answers as fast as they can through the
 * delivery API, the application server is killed with SIGKILL and started again. Afterwards every
 * save the server had acknowledged is there (0 lost, same version or a later one, byte for byte),
 * the attempts resume with their delivery token, their deadlines were moved by the time the
 * platform was down, saving goes on, and the receipt lists still verify.
 *
 * <p>Runs against the shared platform of the browser tests and leaves it running again, so test
 * classes after it are not affected (their HTTP sessions would be gone, which none relies on).
 * Skipped when the tests use a platform they did not start ({@code lms.base.url}).
 */
@ExtendWith(PlatformExtension.class)
class CrashIT {
  private static final int ATTEMPTS = 4;
  private static final int ITEMS = 10;

  /** One acknowledged save: what the server promised to keep. */
  private record Ack(String attempt, String item, long version, String body, String hash) {}

  @Test
  void killDashNineDuringABurstLosesNoAcknowledgedAnswer(Platform platform) throws Exception {
    assumeTrue(platform.startedHere(), "needs a platform these tests started, to kill it");
    List<Long> assessments = createAssessments(platform);
    Api api = new Api(platform.baseUrl());
    api.login();

    List<String> attempts = new ArrayList<>();
    Map<String, String> tokens = new ConcurrentHashMap<>();
    Map<String, Instant> deadlines = new ConcurrentHashMap<>();
    for (long assessment : assessments) {
      JsonObject attempt = api.json("POST", "assessments/" + assessment + "/attempts", "{}", 201);
      String id = attempt.getString("id");
      attempts.add(id);
      deadlines.put(id, Instant.parse(attempt.getString("deadline")));
      JsonObject opened =
          api.json("POST", "attempts/" + id + "/delivery", "{\"takeover\":false}", 200);
      tokens.put(id, opened.getString("token"));
    }

    // The burst: one thread per attempt, saving round the items with rising versions.
    Map<String, Ack> acked = new ConcurrentHashMap<>(); // attempt/item -> highest acknowledged
    AtomicInteger ackCount = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(ATTEMPTS);
    for (String id : attempts) {
      Thread t =
          new Thread(
              () -> {
                try {
                  for (long n = 0; !stop.get(); n++) {
                    String item = "q" + (n % ITEMS + 1);
                    long version = n / ITEMS + 1;
                    String body = "{\"text\":\"antwoord " + n + " van " + id + "\"}";
                    HttpResponse<String> r;
                    try {
                      r = api.save(id, tokens.get(id), item, version, body);
                    } catch (IOException e) {
                      return; // the server is gone: this save was never acknowledged
                    }
                    if (r.statusCode() == 200) {
                      JsonObject receipt = parse(r.body()).getJsonObject("receipt");
                      acked.put(
                          id + "/" + item,
                          new Ack(id, item, version, body, receipt.getString("hash")));
                      ackCount.incrementAndGet();
                    }
                  }
                } finally {
                  finished.countDown();
                }
              },
              "burst-" + id);
      t.start();
    }
    while (ackCount.get() < 200) {
      Thread.sleep(20);
    }
    Instant killed = platform.crashAndRestart();
    stop.set(true);
    assertTrue(finished.await(60, java.util.concurrent.TimeUnit.SECONDS), "burst threads ended");
    System.out.printf(
        "[crash] %d saves acknowledged before the kill at %s%n", ackCount.get(), killed);

    // The session died with the server: log in again; the delivery tokens live in the database.
    api.login();
    int checked = 0;
    for (String id : attempts) {
      JsonObject opened =
          api.json(
              "POST",
              "attempts/" + id + "/delivery",
              "{\"token\":\"" + tokens.get(id) + "\",\"takeover\":false}",
              200);
      assertEquals("RESUMED", opened.getString("status"), id);

      Map<String, JsonObject> items = new java.util.HashMap<>();
      for (var v : api.json("GET", "attempts/" + id + "/items", null, 200).getJsonArray("items")) {
        JsonObject item = v.asJsonObject();
        items.put(item.getString("identifier"), item);
      }
      for (Ack ack : acked.values().stream().filter(a -> a.attempt().equals(id)).toList()) {
        JsonObject item = items.get(ack.item());
        long saved = item.getJsonNumber("savedVersion").longValue();
        assertTrue(
            saved >= ack.version(),
            ack + " lost: the server has version " + saved + " of " + ack.item());
        if (saved == ack.version()) {
          assertEquals(
              parse(ack.body()), item.getJsonObject("savedResponse"), "stored answer " + ack);
        }
        checked++;
      }

      // The downtime was credited: the deadline moved by at least the time the server was gone.
      JsonObject attempt = api.json("GET", "attempts/" + id, null, 200);
      assertEquals("ACTIVE", attempt.getString("status"));
      Duration credit =
          Duration.between(deadlines.get(id), Instant.parse(attempt.getString("deadline")));
      Duration down = Duration.between(killed, Instant.now());
      // The credit runs from the last heartbeat (at most 10 s before the kill) to the start of the
      // new instance (before the application was deployed and these calls were made).
      assertTrue(
          credit.compareTo(down.minusSeconds(40)) >= 0
              && credit.compareTo(down.plusSeconds(15)) <= 0
              && credit.compareTo(Duration.ofSeconds(10)) >= 0,
          "credited " + credit + " for a downtime of about " + down);

      // Saving goes on, the chain continues, and the whole receipt list verifies.
      HttpResponse<String> after = api.save(id, tokens.get(id), "q1", 1_000, "{\"text\":\"na\"}");
      assertEquals(200, after.statusCode(), after.body());
      String list = api.call("GET", "attempts/" + id + "/receipts", null).body();
      JsonObject verdict = parse(api.call("POST", "receipts/verify", list).body());
      assertTrue(verdict.getBoolean("valid"), verdict.toString());
      for (Ack ack : acked.values().stream().filter(a -> a.attempt().equals(id)).toList()) {
        assertTrue(list.contains(ack.hash()), "receipt of " + ack + " in the list");
      }
      api.json("POST", "attempts/" + id + "/submit", null, 200, tokens.get(id));
    }
    assertEquals(acked.size(), checked);
    assertTrue(checked > 0, "some saves were acknowledged");
  }

  // Test set-up without a teacher API yet: assessments with short-answer questions, straight in
  // the database the platform runs on. 30 minutes, so the deadline matters but is never reached.
  private static List<Long> createAssessments(Platform platform) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = platform.database()) {
      long centre;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT id FROM centre WHERE code = 'cvo-edusprong'")) {
        rs.next();
        centre = rs.getLong(1);
      }
      for (int a = 0; a < ATTEMPTS; a++) {
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO assessment (centre_id, title, time_limit_seconds, max_attempts,"
                    + " created_at) VALUES (?, ?, 1800, 1, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
          p.setLong(1, centre);
          p.setString(2, "Crashtest " + a + " " + System.nanoTime());
          p.setTimestamp(3, Timestamp.from(Instant.now()));
          p.executeUpdate();
          try (ResultSet keys = p.getGeneratedKeys()) {
            keys.next();
            ids.add(keys.getLong(1));
          }
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO assessment_section (assessment_id, position, draw_count, shuffle)"
                    + " VALUES (?, 1, ?, FALSE)")) {
          p.setLong(1, ids.get(a));
          p.setInt(2, ITEMS);
          p.executeUpdate();
        }
        for (int i = 1; i <= ITEMS; i++) {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO assessment_item (assessment_id, position, identifier, source)"
                      + " VALUES (?, ?, ?, ?)")) {
            p.setLong(1, ids.get(a));
            p.setInt(2, i);
            p.setString(3, "q" + i);
            p.setString(4, "// [id:q" + i + "]\nVraag " + i + "? {=ja =zeker}");
            p.executeUpdate();
          }
        }
      }
    }
    return ids;
  }

  private static JsonObject parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  /** The delivery API over HTTP with a cookie jar, as the benchmark uses it. */
  private static final class Api {
    private final String base;
    private HttpClient http;

    Api(String baseUrl) {
      this.base = baseUrl + "api/v1/";
    }

    void login() throws IOException, InterruptedException {
      http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpResponse<String> r =
          call("POST", "session", "{\"username\":\"cursist\",\"password\":\"cursist-demo\"}");
      assertEquals(200, r.statusCode(), r.body());
    }

    HttpResponse<String> save(String attempt, String token, String item, long version, String body)
        throws IOException {
      try {
        return http.send(
            HttpRequest.newBuilder(URI.create(base + "attempts/" + attempt + "/responses/" + item))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Delivery-Token", token)
                .header("X-Response-Version", String.valueOf(version))
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }

    HttpResponse<String> call(String method, String path, String body)
        throws IOException, InterruptedException {
      return call(method, path, body, null);
    }

    HttpResponse<String> call(String method, String path, String body, String token)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      if (token != null) {
        b.header("X-Delivery-Token", token);
      }
      if (body != null) {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonObject json(String method, String path, String body, int status)
        throws IOException, InterruptedException {
      return json(method, path, body, status, null);
    }

    JsonObject json(String method, String path, String body, int status, String token)
        throws IOException, InterruptedException {
      HttpResponse<String> r = call(method, path, body, token);
      assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
      return parse(r.body());
    }
  }
}
