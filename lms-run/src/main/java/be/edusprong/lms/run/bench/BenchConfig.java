package be.edusprong.lms.run.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The settings of one benchmark run, read from system properties (the Maven profile {@code bench}
 * passes them on). The workload is the one of issue 3, point 10.
 *
 * @param learners number of simulated learners ({@code bench.learners}, 1-100000, default 500)
 * @param think whether learners think 0.5-3 s before each save ({@code bench.mode=think}) or save
 *     back to back for the maximum save rate ({@code bench.mode=nothink})
 * @param ramp the window in which all learners start, spread evenly ({@code bench.ramp.seconds},
 *     default 60 in think mode, as issue 3 asks; 0 in nothink mode, so that all learners save at
 *     once and the maximum save rate shows)
 * @param items the questions of the assessment, each saved once ({@code bench.items}, default 20)
 * @param reanswers the questions each learner answers a second time ({@code bench.reanswers},
 *     default 2)
 * @param baseline how long the raw upsert baseline runs ({@code bench.baseline.seconds}, default
 *     20)
 * @param baselineConnections the JDBC connections of the baseline ({@code
 *     bench.baseline.connections}, default 64: the platform pool's maxPoolSize in lms-web's
 *     Startup)
 * @param threads the client's worker threads for HTTP completions ({@code bench.threads}, default
 *     4): the learners are asynchronous, so 5,000 of them need no 5,000 threads
 * @param loginConcurrency logins in flight at once before the measured window ({@code
 *     bench.login.concurrency}, default 8): PBKDF2 makes each login cost CPU on the server
 * @param httpThreads the maximum of Payara's {@code http-thread-pool} on a platform started here
 *     ({@code bench.http.threads}); 0 (the default) leaves the domain's own setting, which is
 *     Payara's default of 5
 * @param url a running platform to use ({@code bench.url}), or null to start one
 * @param dbUrl the JDBC URL of that platform's database ({@code bench.db.url}); required with
 *     {@code url}
 * @param dbUser database user ({@code bench.db.user}, default root)
 * @param dbPassword database password ({@code bench.db.password}, default empty)
 * @param port HTTP port of a platform started here ({@code bench.port}, default 18090)
 * @param database the database a platform started here gets, created fresh ({@code bench.database},
 *     default lms_bench)
 * @param payaraHome the unpacked Payara ({@code lms.payara.home}); only to start one
 * @param ear the EAR ({@code lms.ear}); only to start one
 * @param work where the domain, the log and the results go ({@code lms.work.dir})
 * @param out where the JSON and Markdown results go ({@code bench.out.dir})
 * @param seed the seed of think times, choices and re-answered questions ({@code bench.seed})
 */
public record BenchConfig(
    int learners,
    boolean think,
    Duration ramp,
    int items,
    int reanswers,
    Duration baseline,
    int baselineConnections,
    int threads,
    int loginConcurrency,
    int httpThreads,
    String url,
    String dbUrl,
    String dbUser,
    String dbPassword,
    int port,
    String database,
    Path payaraHome,
    Path ear,
    Path work,
    Path out,
    long seed) {

  /** Think time bounds before each save in think mode, in milliseconds (issue 3: 0.5-3 s). */
  public static final long THINK_MIN_MS = 500;

  /** Upper bound (exclusive) of the think time, in milliseconds. */
  public static final long THINK_MAX_MS = 3000;

  /**
   * Reads the settings from the system properties.
   *
   * @throws IllegalArgumentException naming the property when a value is missing or out of range
   */
  public static BenchConfig fromSystemProperties() {
    String mode = System.getProperty("bench.mode", "think").strip().toLowerCase(Locale.ROOT);
    if (!mode.equals("think") && !mode.equals("nothink")) {
      throw new IllegalArgumentException("bench.mode must be think or nothink, was " + mode);
    }
    String url = blankToNull(System.getProperty("bench.url"));
    String dbUrl = blankToNull(System.getProperty("bench.db.url"));
    if (url != null && dbUrl == null) {
      throw new IllegalArgumentException(
          "bench.url is set, so bench.db.url must name that platform's database (the benchmark"
              + " creates its learners and assessment there and checks the saves)");
    }
    int items = integer("bench.items", 20, 1, 200);
    Path work = Path.of(System.getProperty("lms.work.dir", "target/bench-work"));
    return new BenchConfig(
        integer("bench.learners", 500, 1, 100_000),
        mode.equals("think"),
        Duration.ofSeconds(integer("bench.ramp.seconds", mode.equals("think") ? 60 : 0, 0, 3600)),
        items,
        integer("bench.reanswers", 2, 0, items),
        Duration.ofSeconds(integer("bench.baseline.seconds", 20, 1, 3600)),
        integer("bench.baseline.connections", 64, 1, 1000),
        integer("bench.threads", 4, 1, 256),
        integer("bench.login.concurrency", 8, 1, 1000),
        integer("bench.http.threads", 0, 0, 2000),
        url == null ? null : (url.endsWith("/") ? url : url + "/"),
        dbUrl,
        orDefault(System.getProperty("bench.db.user"), "root"),
        orDefault(System.getProperty("bench.db.password"), ""),
        integer("bench.port", 18090, 1024, 65000),
        orDefault(System.getProperty("bench.database"), "lms_bench"),
        pathOrNull("lms.payara.home"),
        pathOrNull("lms.ear"),
        work,
        Path.of(System.getProperty("bench.out.dir", work.resolveSibling("bench").toString())),
        Long.getLong("bench.seed", 20261202L));
  }

  /** {@code think} or {@code nothink}, as in the file names. */
  public String mode() {
    return think ? "think" : "nothink";
  }

  private static int integer(String property, int fallback, int min, int max) {
    String value = blankToNull(System.getProperty(property));
    if (value == null) {
      return fallback;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + " must be a whole number, was " + value, e);
    }
    if (parsed < min || parsed > max) {
      throw new IllegalArgumentException(
          property + " must be " + min + "-" + max + ", was " + parsed);
    }
    return parsed;
  }

  private static Path pathOrNull(String property) {
    String value = blankToNull(System.getProperty(property));
    return value == null ? null : Path.of(value);
  }

  // An empty Maven property may reach us uninterpolated ("${bench.url}"): that is "not set" too.
  private static String blankToNull(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? null : value.strip();
  }

  private static String orDefault(String value, String fallback) {
    String v = blankToNull(value);
    return v == null ? fallback : v;
  }
}
