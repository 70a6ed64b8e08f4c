package be.edusprong.lms.run.bench;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One simulated learner taking the benchmark assessment through the delivery API ({@code
 * docs/delivery-api.md}), asynchronously: every step is a {@link HttpClient#sendAsync} and every
 * think time a task on a shared {@link ScheduledExecutorService}, so thousands of learners run on a
 * handful of threads.
 *
 * <p>The steps (issue 3, point 10): log in (before the measured window), then start the attempt,
 * open its delivery, read the questions, save an answer to each question (version 1) with a think
 * time before each save in think mode, answer {@code reanswers} questions again (version 2), and
 * submit. The session cookie ({@code JSESSIONID}) is kept here, not in a {@link
 * java.net.CookieManager}, so one {@link HttpClient} serves all learners.
 *
 * <p>A failed step is counted in {@link Metrics#error} with its kind; a failed save is not retried
 * and the learner goes on; a failed start, delivery or question list ends the learner's run.
 */
final class SimulatedLearner {
  /** One acknowledged save: what the server promised to keep. */
  record Ack(String attemptId, String item, long version, String body) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final String username;
  private final String password;
  private final String api;
  private final long assessmentId;
  private final BenchConfig config;
  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Metrics metrics;
  private final Map<String, Ack> acks;
  private final Random random;
  private volatile String cookie;
  private volatile String attemptId;
  private volatile String token;
  private volatile boolean loggedIn;

  /**
   * @param username the learner's login name
   * @param password the password
   * @param baseUrl the platform, ending in {@code /}
   * @param assessmentId the benchmark assessment
   * @param config the run's settings
   * @param http the shared HTTP client (no cookie handler)
   * @param scheduler the shared scheduler for start offsets and think times
   * @param metrics where to record
   * @param acks where to put each acknowledged save, by {@code attemptId/item} (the highest version
   *     wins)
   * @param seed this learner's random seed
   */
  SimulatedLearner(
      String username,
      String password,
      String baseUrl,
      long assessmentId,
      BenchConfig config,
      HttpClient http,
      ScheduledExecutorService scheduler,
      Metrics metrics,
      Map<String, Ack> acks,
      long seed) {
    this.username = username;
    this.password = password;
    this.api = baseUrl + "api/v1/";
    this.assessmentId = assessmentId;
    this.config = config;
    this.http = http;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.acks = acks;
    this.random = new Random(seed);
  }

  boolean loggedIn() {
    return loggedIn;
  }

  /** The attempt's id once started, else null. */
  String attemptId() {
    return attemptId;
  }

  /**
   * {@code POST /session}. Completes normally in every case; a failure is counted ({@code login
   * ...}) and leaves {@link #loggedIn()} false.
   */
  CompletableFuture<Void> login() {
    String body =
        JSON.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString();
    long sent = System.nanoTime();
    return send("POST", "session", body, null, null)
        .handle(
            (r, e) -> {
              if (e != null) {
                metrics.error("login " + exceptionKind(e));
              } else if (r.statusCode() != 200) {
                metrics.error("login http-" + r.statusCode(), r.body());
              } else {
                Metrics.record(metrics.login, sent);
                loggedIn = true;
              }
              return null;
            });
  }

  /**
   * The exam, from the start to the submission, beginning {@code delayMillis} from now. Completes
   * normally in every case (failures are counted).
   */
  CompletableFuture<Void> takeExam(long delayMillis) {
    return sleep(delayMillis)
        .thenCompose(x -> start())
        .thenCompose(x -> openDelivery())
        .thenCompose(x -> items())
        .thenCompose(this::answerAll)
        .thenCompose(x -> submit())
        .handle(
            (x, e) -> {
              if (e != null && !(unwrap(e) instanceof Abort)) {
                metrics.error("learner " + exceptionKind(e));
              }
              return null;
            });
  }

  private CompletableFuture<Void> start() {
    long sent = System.nanoTime();
    return send("POST", "assessments/" + assessmentId + "/attempts", "{\"accessCode\":null}", null)
        .thenApply(
            r -> {
              if (r.statusCode() != 201) {
                throw abort("start http-" + r.statusCode(), r.body());
              }
              Metrics.record(metrics.start, sent);
              attemptId = parse(r.body()).getString("id");
              return null;
            });
  }

  private CompletableFuture<Void> openDelivery() {
    long sent = System.nanoTime();
    return send(
            "POST",
            "attempts/" + attemptId + "/delivery",
            "{\"token\":null,\"takeover\":false}",
            null)
        .thenApply(
            r -> {
              if (r.statusCode() != 200) {
                throw abort("delivery http-" + r.statusCode(), r.body());
              }
              Metrics.record(metrics.open, sent);
              token = parse(r.body()).getString("token");
              return null;
            });
  }

  /** The questions in plan order, each as [identifier, a choice id or null]. */
  private CompletableFuture<List<String[]>> items() {
    long sent = System.nanoTime();
    return send("GET", "attempts/" + attemptId + "/items", null, null)
        .thenApply(
            r -> {
              if (r.statusCode() != 200) {
                throw abort("items http-" + r.statusCode(), r.body());
              }
              Metrics.record(metrics.items, sent);
              List<String[]> items = new ArrayList<>();
              for (JsonValue v : parse(r.body()).getJsonArray("items")) {
                JsonObject item = v.asJsonObject();
                var choices = item.getJsonArray("choices");
                String choice =
                    choices == null || choices.isEmpty()
                        ? null
                        : choices.getJsonObject(random.nextInt(choices.size())).getString("id");
                items.add(new String[] {item.getString("identifier"), choice});
              }
              if (items.isEmpty()) {
                throw abort("items none", r.body());
              }
              return items;
            });
  }

  private CompletableFuture<Void> answerAll(List<String[]> items) {
    List<Integer> again = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      again.add(i);
    }
    java.util.Collections.shuffle(again, random);
    List<Integer> reanswered = again.subList(0, Math.min(config.reanswers(), items.size()));
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (String[] item : items) {
      chain = chain.thenCompose(x -> think()).thenCompose(x -> save(item, 1));
    }
    for (int index : reanswered) {
      String[] item = items.get(index);
      chain = chain.thenCompose(x -> think()).thenCompose(x -> save(item, 2));
    }
    return chain;
  }

  private CompletableFuture<Void> save(String[] item, long version) {
    String identifier = item[0];
    String body =
        item[1] != null
            ? "{\"choice\":\"" + item[1] + "\"}"
            : "{\"text\":\"antwoord " + version + " van " + username + "\"}";
    long sent = System.nanoTime();
    metrics.saveSent(sent);
    return send("PUT", "attempts/" + attemptId + "/responses/" + identifier, body, version)
        .handle(
            (r, e) -> {
              if (e != null) {
                metrics.error("save " + exceptionKind(e));
                return null;
              }
              String outcome;
              try {
                outcome = parse(r.body()).getString("outcome", null);
              } catch (RuntimeException notJson) {
                outcome = null; // e.g. the container's HTML error page
              }
              metrics.saveOutcome(outcome == null ? "(none: not the API's answer)" : outcome);
              if (r.statusCode() == 200) {
                metrics.saveAcked(sent);
                acks.merge(
                    attemptId + "/" + identifier,
                    new Ack(attemptId, identifier, version, body),
                    (a, b) -> a.version() >= b.version() ? a : b);
              } else {
                metrics.error(
                    "save http-" + r.statusCode() + (outcome == null ? "" : " " + outcome),
                    r.body());
              }
              return null;
            });
  }

  private CompletableFuture<Void> submit() {
    long sent = System.nanoTime();
    return send("POST", "attempts/" + attemptId + "/submit", null, null)
        .handle(
            (r, e) -> {
              if (e != null) {
                metrics.error("submit " + exceptionKind(e));
              } else if (r.statusCode() != 200) {
                metrics.error("submit http-" + r.statusCode(), r.body());
              } else if (!"SUBMITTED".equals(parse(r.body()).getString("status", ""))) {
                metrics.error("submit status " + parse(r.body()).getString("status", "?"));
              } else {
                Metrics.record(metrics.submit, sent);
                metrics.submitted();
              }
              return null;
            });
  }

  private CompletableFuture<Void> think() {
    if (!config.think()) {
      return CompletableFuture.completedFuture(null);
    }
    long millis =
        BenchConfig.THINK_MIN_MS
            + (long) (random.nextDouble() * (BenchConfig.THINK_MAX_MS - BenchConfig.THINK_MIN_MS));
    return sleep(millis);
  }

  private CompletableFuture<Void> sleep(long millis) {
    if (millis <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.schedule(() -> done.complete(null), millis, TimeUnit.MILLISECONDS);
    return done;
  }

  private CompletableFuture<HttpResponse<String>> send(
      String method, String path, String body, Long version) {
    return send(method, path, body, version, token);
  }

  private CompletableFuture<HttpResponse<String>> send(
      String method, String path, String body, Long version, String deliveryToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(TIMEOUT);
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (deliveryToken != null) {
      b.header("X-Delivery-Token", deliveryToken);
    }
    if (version != null) {
      b.header("X-Response-Version", String.valueOf(version));
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              for (String setCookie : r.headers().allValues("set-cookie")) {
                if (setCookie.startsWith("JSESSIONID=")) {
                  int end = setCookie.indexOf(';');
                  cookie = end < 0 ? setCookie : setCookie.substring(0, end);
                }
              }
              return r;
            });
  }

  private static JsonObject parse(String json) {
    try (JsonReader r = JSON.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  private Abort abort(String kind, String body) {
    metrics.error(kind, body);
    return new Abort(kind);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** {@code exception <SimpleName>} of the root cause, for the error counts. */
  static String exceptionKind(Throwable e) {
    Throwable t = unwrap(e);
    return "exception " + t.getClass().getSimpleName();
  }

  /** Ends a learner's run after a step that failed and was counted. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Abort(String kind) {
      super(kind, null, false, false);
    }
  }
}
