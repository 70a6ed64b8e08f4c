package be.edusprong.lms.run.bench;

import static be.edusprong.lms.domain.shared.JsonSupport.JSON;

import be.edusprong.lms.run.Database;
import be.edusprong.lms.run.PayaraServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * The delivery benchmark (issue 3, point 10). {@code mvn -B -ntp -Pbench -DskipTests verify
 * -Dbench.learners=500 -Dbench.mode=think} runs it (settings: {@link BenchConfig}; what it measures
 * and why: {@code BENCHMARKS.md}):
 *
 * <ol>
 *   <li>starts the platform (Payara Server with the EAR, {@code LMS_DEMO=true}) on a fresh database
 *       {@code lms_bench} of the MariaDB at 127.0.0.1:3306 (an embedded one when none answers), or
 *       uses the one at {@code bench.url} with its database at {@code bench.db.url};
 *   <li>creates the learners {@code bench-00001...} and one assessment of 20 GIFT questions in the
 *       database;
 *   <li>logs every learner in (bounded concurrency, timed apart: PBKDF2 is expensive by design);
 *   <li>the measured window: the learners start evenly spread over 60 s, each saving an answer to
 *       every question (think time 0.5-3 s before each in think mode, none in nothink mode), two
 *       re-answers, and the submission ({@link SimulatedLearner});
 *   <li>checks in the database that every acknowledged save is stored and every attempt submitted;
 *   <li>measures the raw single-row upsert ceiling on the same database ({@link UpsertBaseline});
 *   <li>prints the result, writes {@code lms-run/target/bench/delivery-<mode>-<N>.json} and appends
 *       a Markdown table row to {@code lms-run/target/bench/results.md}; stops the platform.
 * </ol>
 *
 * Exit status: 0 when every acknowledged save was found stored, 1 when one was lost or nothing was
 * acknowledged, 2 when the benchmark could not run.
 */
public final class DeliveryBenchmark {
  private DeliveryBenchmark() {}

  /** Runs one benchmark with the settings of the system properties ({@link BenchConfig}). */
  public static void main(String[] args) {
    int status;
    try {
      status = run(BenchConfig.fromSystemProperties());
    } catch (Exception e) {
      System.err.println("[bench] the benchmark could not run: " + e);
      e.printStackTrace();
      status = 2;
    }
    System.exit(status);
  }

  /**
   * Runs one benchmark.
   *
   * @param config the settings
   * @return the exit status (see the class comment); the results are in {@code config.out()}
   * @throws Exception when the platform or the database cannot be reached or set up
   */
  public static int run(BenchConfig config) throws Exception {
    Files.createDirectories(config.work());
    Files.createDirectories(config.out());
    PayaraServer server = null;
    Database mariadb = null;
    String baseUrl;
    BenchDatabase db;
    try {
      if (config.url() != null) {
        baseUrl = config.url();
        db = new BenchDatabase(config.dbUrl(), config.dbUser(), config.dbPassword());
        System.out.println("[bench] using the running platform at " + baseUrl);
      } else {
        if (config.payaraHome() == null || config.ear() == null) {
          throw new IllegalStateException(
              "lms.payara.home and lms.ear are not set: run through the Maven profile bench");
        }
        if (Database.reachable("127.0.0.1", config.port())) {
          throw new IllegalStateException(
              "port " + config.port() + " is in use: stop what runs there or set bench.port");
        }
        mariadb = Database.localOrEmbedded(config.work().resolve("mariadb"));
        String url = mariadb.createDatabase(config.database(), true);
        db = new BenchDatabase(url, mariadb.user(), mariadb.password());
        server = new PayaraServer(config.payaraHome(), config.work(), config.port());
        PayaraServer started = server;
        Database startedDb = mariadb;
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      started.close();
                      startedDb.close();
                    },
                    "bench-stop"));
        System.out.println(
            "[bench] database " + url + "; starting Payara on port " + config.port() + " ...");
        long t0 = System.nanoTime();
        server.start(
            config.ear(),
            Map.of(
                "LMS_DB_URL",
                url,
                "LMS_DB_USER",
                mariadb.user(),
                "LMS_DB_PASSWORD",
                mariadb.password(),
                "LMS_DEMO",
                "true"));
        try {
          server.awaitReady(Duration.ofMinutes(8));
        } catch (IOException e) {
          System.err.println(server.tail(100));
          throw e;
        }
        baseUrl = server.url();
        if (config.httpThreads() > 0) {
          setHttpThreads(config, server);
        }
        System.out.printf(
            "[bench] platform ready at %s after %d s (log %s)%n",
            baseUrl, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), server.log());
      }
      return measure(config, baseUrl, db);
    } finally {
      if (server != null) {
        System.out.println("[bench] stopping the platform");
        server.close();
      }
      if (mariadb != null) {
        mariadb.close();
      }
    }
  }

  private static int measure(BenchConfig config, String baseUrl, BenchDatabase db)
      throws Exception {
    int n = config.learners();
    List<String> usernames = db.createLearners(n);
    long assessmentId = db.createAssessment(config.items());
    System.out.printf(
        "[bench] %d learners, assessment %d with %d questions, mode %s%n",
        n, assessmentId, config.items(), config.mode());

    ExecutorService workers = Executors.newFixedThreadPool(config.threads(), daemon("bench-http"));
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, daemon("bench-timer"));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(workers)
            .build();
    Metrics metrics = new Metrics();
    Map<String, SimulatedLearner.Ack> acks = new ConcurrentHashMap<>();
    List<SimulatedLearner> learners = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      learners.add(
          new SimulatedLearner(
              usernames.get(i),
              BenchDatabase.PASSWORD,
              baseUrl,
              assessmentId,
              config,
              http,
              scheduler,
              metrics,
              acks,
              config.seed() * 31 + i));
    }
    try {
      // 1. Logins, before the measured window, with bounded concurrency.
      long loginStart = System.nanoTime();
      AtomicInteger next = new AtomicInteger();
      List<CompletableFuture<Void>> loginWorkers = new ArrayList<>();
      for (int w = 0; w < Math.min(config.loginConcurrency(), n); w++) {
        loginWorkers.add(loginLoop(learners, next));
      }
      CompletableFuture.allOf(loginWorkers.toArray(CompletableFuture[]::new))
          .get(Math.max(10, n), TimeUnit.MINUTES);
      double loginSeconds = (System.nanoTime() - loginStart) / 1e9;
      long loggedIn = learners.stream().filter(SimulatedLearner::loggedIn).count();
      System.out.printf(
          "[bench] %d of %d learners logged in in %.1f s (%.1f logins/s)%n",
          loggedIn, n, loginSeconds, loggedIn / loginSeconds);

      // 2. The measured window: starts spread evenly over the ramp.
      CpuUse cpu =
          new CpuUse(
              config.url() == null && config.payaraHome() != null
                  ? config.payaraHome().toAbsolutePath().normalize().toString()
                  : null);
      CpuUse.Snapshot cpuStart = cpu.take();
      metrics.startWindow();
      long windowStart = System.nanoTime();
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      long rampMillis = config.ramp().toMillis();
      for (int i = 0; i < n; i++) {
        SimulatedLearner learner = learners.get(i);
        if (learner.loggedIn()) {
          runs.add(learner.takeExam(n == 1 ? 0 : rampMillis * i / n));
        }
      }
      CompletableFuture<Void> all = CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new));
      while (!all.isDone()) {
        try {
          all.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          System.out.printf(
              "[bench] %4d s: %d saves acknowledged, %d submitted, %d errors%n",
              TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - windowStart),
              metrics.ackedSaves(),
              metrics.submittedCount(),
              metrics.errorCount());
        }
      }
      double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
      double[] cpuSeconds = CpuUse.between(cpuStart, cpu.take());

      // 3. Nothing acknowledged may be missing.
      BenchDatabase.Verification verification = db.verify(assessmentId, acks);

      // 4. The raw baseline, same run, same database.
      System.out.printf(
          "[bench] raw upsert baseline: %d connections for %d s ...%n",
          config.baselineConnections(), config.baseline().toSeconds());
      UpsertBaseline.Result baseline =
          UpsertBaseline.run(db, config.baselineConnections(), config.baseline());

      JsonObject result =
          result(
              config,
              db,
              loggedIn,
              loginSeconds,
              windowSeconds,
              metrics,
              verification,
              baseline,
              cpuSeconds);
      report(config, result);
      if (verification.lost() > 0) {
        System.err.println("[bench] LOST acknowledged saves, e.g. " + verification.example());
        return 1;
      }
      return metrics.ackedSaves() > 0 ? 0 : 1;
    } finally {
      workers.shutdownNow();
      scheduler.shutdownNow();
    }
  }

  /**
   * Sets the maximum of the running server's {@code http-thread-pool} ({@code asadmin set} on its
   * admin port, {@code port - 32}; Grizzly applies it without a restart).
   *
   * @throws IOException when asadmin fails
   */
  private static void setHttpThreads(BenchConfig config, PayaraServer server)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                config.payaraHome().resolve("bin").resolve("asadmin").toString(),
                "--port",
                String.valueOf(config.port() - 32),
                "set",
                "configs.config.server-config.thread-pools.thread-pool.http-thread-pool"
                    + ".max-thread-pool-size="
                    + config.httpThreads())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException("asadmin set max-thread-pool-size failed:\n" + out);
    }
    System.out.println("[bench] http-thread-pool max-thread-pool-size=" + config.httpThreads());
  }

  /** One of the login workers: logs in the next learner until none is left. */
  private static CompletableFuture<Void> loginLoop(
      List<SimulatedLearner> learners, AtomicInteger next) {
    int i = next.getAndIncrement();
    if (i >= learners.size()) {
      return CompletableFuture.completedFuture(null);
    }
    return learners.get(i).login().thenCompose(x -> loginLoop(learners, next));
  }

  private static JsonObject result(
      BenchConfig config,
      BenchDatabase db,
      long loggedIn,
      double loginSeconds,
      double windowSeconds,
      Metrics m,
      BenchDatabase.Verification v,
      UpsertBaseline.Result baseline,
      double[] cpuSeconds)
      throws Exception {
    JsonObjectBuilder machine =
        JSON.createObjectBuilder()
            .add("cpu", cpuModel())
            .add("cores", Runtime.getRuntime().availableProcessors())
            .add("memoryGiB", memoryGiB())
            .add("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
            .add(
                "java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    JsonObjectBuilder database = JSON.createObjectBuilder();
    db.describe().forEach(database::add);
    JsonObjectBuilder errors = JSON.createObjectBuilder();
    m.errors().forEach(errors::add);
    JsonObjectBuilder samples = JSON.createObjectBuilder();
    m.errorSamples().forEach(samples::add);
    JsonObjectBuilder outcomes = JSON.createObjectBuilder();
    m.saveOutcomes().forEach(outcomes::add);
    double ratio = baseline.perSecond() == 0 ? 0 : m.savesPerSecond() / baseline.perSecond();
    return JSON.createObjectBuilder()
        .add("benchmark", "delivery")
        .add("date", Instant.now().toString())
        .add("mode", config.mode())
        .add("learners", config.learners())
        .add("items", config.items())
        .add("reanswers", config.reanswers())
        .add("rampSeconds", config.ramp().toSeconds())
        .add("clientThreads", config.threads())
        .add(
            "serverHttpThreads",
            config.url() != null
                ? "unknown (running platform)"
                : config.httpThreads() > 0
                    ? String.valueOf(config.httpThreads())
                    : "the domain's (64 when the benchmark started the platform)")
        .add("machine", machine)
        .add("database", database)
        .add(
            "logins",
            JSON.createObjectBuilder()
                .add("loggedIn", loggedIn)
                .add("seconds", round(loginSeconds))
                .add("perSecond", round(loggedIn / loginSeconds))
                .add("latencyMs", latency(m.login)))
        .add("windowSeconds", round(windowSeconds))
        .add(
            "saves",
            JSON.createObjectBuilder()
                .add("acknowledged", m.ackedSaves())
                .add("phaseSeconds", round(m.savePhaseSeconds()))
                .add("perSecond", round(m.savesPerSecond()))
                .add("peakInOneSecond", m.peakSavesInOneSecond())
                .add("latencyMs", latency(m.save))
                .add("outcomes", outcomes))
        .add("startLatencyMs", latency(m.start))
        .add("deliveryLatencyMs", latency(m.open))
        .add("itemsLatencyMs", latency(m.items))
        .add(
            "submit",
            JSON.createObjectBuilder()
                .add("submitted", m.submittedCount())
                .add("latencyMs", latency(m.submit)))
        .add(
            "errors",
            JSON.createObjectBuilder()
                .add("total", m.errorCount())
                .add("byKind", errors)
                .add("firstResponseByKind", samples))
        .add(
            "verification",
            JSON.createObjectBuilder()
                .add("answersChecked", v.acknowledged())
                .add("lost", v.lost())
                .add("attempts", v.attempts())
                .add("attemptsSubmitted", v.submitted())
                .add("attemptsNotSubmitted", v.attempts() - v.submitted()))
        .add(
            "rawUpsertBaseline",
            JSON.createObjectBuilder()
                .add("connections", config.baselineConnections())
                .add("seconds", round(baseline.seconds()))
                .add("upserts", baseline.upserts())
                .add("perSecond", round(baseline.perSecond()))
                .add("errors", baseline.errors())
                .add("latencyMs", latency(baseline.latency())))
        .add("ratioSavesToRawUpserts", Math.round(ratio * 10000) / 10000.0)
        .add("cpuInWindow", cpuJson(cpuSeconds, m.ackedSaves(), windowSeconds))
        .build();
  }

  /**
   * CPU use over the measured window ({@link CpuUse}): seconds per party, milliseconds per
   * acknowledged save, and the machine's busy share; a party not measured is left out.
   */
  private static JsonObject cpuJson(double[] cpu, long acked, double windowSeconds) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    String[] parties = {"platform", "database", "client"};
    for (int i = 0; i < parties.length; i++) {
      if (!Double.isNaN(cpu[i])) {
        b.add(parties[i] + "Seconds", round(cpu[i]));
        b.add(parties[i] + "CoresAverage", round(cpu[i] / windowSeconds));
        if (acked > 0) {
          b.add(parties[i] + "MsPerAckedSave", round(1000 * cpu[i] / acked));
        }
      }
    }
    if (!Double.isNaN(cpu[3])) {
      b.add("machineBusyPercent", round(cpu[3]));
    }
    return b.build();
  }

  private static void report(BenchConfig config, JsonObject r) throws IOException {
    JsonObject saves = r.getJsonObject("saves");
    JsonObject save = saves.getJsonObject("latencyMs");
    JsonObject submit = r.getJsonObject("submit").getJsonObject("latencyMs");
    JsonObject start = r.getJsonObject("startLatencyMs");
    JsonObject logins = r.getJsonObject("logins");
    JsonObject v = r.getJsonObject("verification");
    JsonObject raw = r.getJsonObject("rawUpsertBaseline");
    JsonObject errors = r.getJsonObject("errors");
    StringBuilder block = new StringBuilder();
    block.append("\n===== Edusprong delivery benchmark =====\n");
    block.append(
        String.format(
            Locale.ROOT,
            "mode %s, %d learners x (%d saves + %d re-answers + submit), ramp %d s, server HTTP"
                + " threads %s%n",
            r.getString("mode"),
            r.getInt("learners"),
            r.getInt("items"),
            r.getInt("reanswers"),
            r.getJsonNumber("rampSeconds").longValue(),
            r.getString("serverHttpThreads")));
    block.append(
        String.format(
            Locale.ROOT,
            "machine: %s, %d cores, %s GiB; %s; MariaDB %s (innodb_flush_log_at_trx_commit=%s)%n",
            r.getJsonObject("machine").getString("cpu"),
            r.getJsonObject("machine").getInt("cores"),
            r.getJsonObject("machine").get("memoryGiB"),
            r.getJsonObject("machine").getString("java"),
            r.getJsonObject("database").getString("version", "?"),
            r.getJsonObject("database").getString("innodb_flush_log_at_trx_commit", "?")));
    block.append(
        String.format(
            Locale.ROOT,
            "logins (before the window): %s in %s s (%s/s), p50 %s ms, p99 %s ms%n",
            logins.get("loggedIn"),
            logins.get("seconds"),
            logins.get("perSecond"),
            logins.getJsonObject("latencyMs").get("p50"),
            logins.getJsonObject("latencyMs").get("p99")));
    block.append(
        String.format(
            Locale.ROOT,
            "acknowledged saves: %s in %s s = %s saves/s (peak %s in one second)%n",
            saves.get("acknowledged"),
            saves.get("phaseSeconds"),
            saves.get("perSecond"),
            saves.get("peakInOneSecond")));
    block.append(
        String.format(
            Locale.ROOT,
            "save latency ms: p50 %s, p95 %s, p99 %s, max %s%n",
            save.get("p50"),
            save.get("p95"),
            save.get("p99"),
            save.get("max")));
    block.append(
        String.format(
            Locale.ROOT,
            "start latency ms: p50 %s, p99 %s; submit latency ms: p50 %s, p99 %s, max %s%n",
            start.get("p50"),
            start.get("p99"),
            submit.get("p50"),
            submit.get("p99"),
            submit.get("max")));
    block.append(
        String.format(
            Locale.ROOT, "errors: %s %s%n", errors.get("total"), errors.getJsonObject("byKind")));
    errors
        .getJsonObject("firstResponseByKind")
        .forEach(
            (kind, body) ->
                block.append("  first ").append(kind).append(": ").append(body).append('\n'));
    block.append(
        String.format(
            Locale.ROOT,
            "database check: %s acknowledged answers (latest per question) checked, %s lost; %s attempts, %s submitted%n",
            v.get("answersChecked"),
            v.get("lost"),
            v.get("attempts"),
            v.get("attemptsSubmitted")));
    block.append(
        String.format(
            Locale.ROOT,
            "raw upsert ceiling (%s connections, %s s): %s upserts/s, p50 %s ms, p99 %s ms%n",
            raw.get("connections"),
            raw.get("seconds"),
            raw.get("perSecond"),
            raw.getJsonObject("latencyMs").get("p50"),
            raw.getJsonObject("latencyMs").get("p99")));
    block.append(
        String.format(
            Locale.ROOT, "ratio saves/s to raw upserts/s: %s%n", r.get("ratioSavesToRawUpserts")));
    block.append(
        String.format(
            Locale.ROOT,
            "CPU in the window (seconds, ms per acknowledged save): %s%n",
            r.getJsonObject("cpuInWindow")));
    String row = markdownRow(r);
    block.append("markdown row:\n").append(row).append('\n');
    block.append("========================================\n");
    System.out.print(block);

    Path json =
        config.out().resolve("delivery-" + config.mode() + "-" + config.learners() + ".json");
    StringWriter text = new StringWriter();
    try (JsonWriter w =
        JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
      w.writeObject(r);
    }
    Files.writeString(json, text.toString().strip() + "\n", StandardCharsets.UTF_8);
    Path md = config.out().resolve("results.md");
    if (!Files.exists(md)) {
      Files.writeString(md, markdownHeader(), StandardCharsets.UTF_8);
    }
    Files.writeString(md, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    System.out.println("[bench] wrote " + json + " and a row in " + md);
  }

  /** The header of the results table, as in BENCHMARKS.md. */
  static String markdownHeader() {
    return "| date | mode | learners | acked saves | saves/s | peak/s | save p50 / p95 / p99 / max"
        + " ms | submit p50 / p99 ms | start p50 / p99 ms | errors | lost | not submitted | raw"
        + " upserts/s | ratio |\n"
        + "|---|---|---:|---:|---:|---:|---|---|---|---:|---:|---:|---:|---:|\n";
  }

  private static String markdownRow(JsonObject r) {
    JsonObject saves = r.getJsonObject("saves");
    JsonObject save = saves.getJsonObject("latencyMs");
    JsonObject submit = r.getJsonObject("submit").getJsonObject("latencyMs");
    JsonObject start = r.getJsonObject("startLatencyMs");
    JsonObject v = r.getJsonObject("verification");
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d | %s | %s | %s | %s / %s / %s / %s | %s / %s | %s / %s | %s | %s | %s | %s"
            + " | %s |",
        r.getString("date").substring(0, 10),
        r.getString("mode"),
        r.getInt("learners"),
        saves.get("acknowledged"),
        saves.get("perSecond"),
        saves.get("peakInOneSecond"),
        save.get("p50"),
        save.get("p95"),
        save.get("p99"),
        save.get("max"),
        submit.get("p50"),
        submit.get("p99"),
        start.get("p50"),
        start.get("p99"),
        r.getJsonObject("errors").get("total"),
        v.get("lost"),
        v.get("attemptsNotSubmitted"),
        r.getJsonObject("rawUpsertBaseline").get("perSecond"),
        r.get("ratioSavesToRawUpserts"));
  }

  private static JsonObjectBuilder latency(Histogram h) {
    return JSON.createObjectBuilder()
        .add("count", h.getTotalCount())
        .add("p50", ms(h, 50))
        .add("p95", ms(h, 95))
        .add("p99", ms(h, 99))
        .add("max", Math.round(h.getMaxValue() / 100.0) / 10.0)
        .add("mean", Math.round(h.getMean() / 100.0) / 10.0);
  }

  private static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0
        ? 0
        : Math.round(h.getValueAtPercentile(percentile) / 100.0) / 10.0;
  }

  private static double round(double value) {
    return Double.isFinite(value) ? Math.round(value * 10) / 10.0 : 0;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }

  private static double memoryGiB() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:"))
          .map(l -> l.replaceAll("[^0-9]", ""))
          .mapToDouble(kb -> Math.round(Long.parseLong(kb) / 1024.0 / 1024.0 * 10) / 10.0)
          .findFirst()
          .orElse(0);
    } catch (IOException e) {
      return 0;
    }
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
