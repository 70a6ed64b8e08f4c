package be.edusprong.lms.run.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the learners of one run measured, shared by all of them (thread-safe). Latencies are
 * recorded in microseconds in HdrHistogram histograms (up to 10 minutes, 3 significant digits),
 * from just before a request is handed to the HTTP client to its complete response, so they include
 * the client's queueing. Times are {@link System#nanoTime()} readings.
 */
final class Metrics {
  private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
  private static final int MAX_SECONDS = 4 * 3600;

  final Histogram login = histogram();
  final Histogram start = histogram();
  final Histogram open = histogram();
  final Histogram items = histogram();
  final Histogram save = histogram();
  final Histogram submit = histogram();

  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Map<String, String> errorSamples = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> saveOutcomes = new ConcurrentHashMap<>();
  private final LongAdder ackedSaves = new LongAdder();
  private final LongAdder submitted = new LongAdder();
  private final AtomicLong firstSaveSent = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastSaveAcked = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLongArray acksPerSecond = new AtomicLongArray(MAX_SECONDS);
  private volatile long epoch = System.nanoTime();

  /** Starts the clock of the per-second save counts (the start of the measured window). */
  void startWindow() {
    epoch = System.nanoTime();
  }

  /** Records one latency, from {@code sentNanos} to now. */
  static void record(Histogram histogram, long sentNanos) {
    long micros = Math.max(1, (System.nanoTime() - sentNanos) / 1000);
    histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
  }

  /** A save was handed to the HTTP client at {@code sentNanos}. */
  void saveSent(long sentNanos) {
    firstSaveSent.accumulateAndGet(sentNanos, Math::min);
  }

  /** A save sent at {@code sentNanos} was acknowledged (200, ACCEPTED or DUPLICATE) just now. */
  void saveAcked(long sentNanos) {
    long now = System.nanoTime();
    record(save, sentNanos);
    ackedSaves.increment();
    lastSaveAcked.accumulateAndGet(now, Math::max);
    int second = (int) TimeUnit.NANOSECONDS.toSeconds(now - epoch);
    if (second >= 0 && second < MAX_SECONDS) {
      acksPerSecond.incrementAndGet(second);
    }
  }

  /** Counts a save's outcome as the server named it ({@code ACCEPTED}, {@code STALE}, ...). */
  void saveOutcome(String outcome) {
    saveOutcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
  }

  /** An attempt was submitted (200, status SUBMITTED). */
  void submitted() {
    submitted.increment();
  }

  /**
   * Counts an error.
   *
   * @param kind {@code <step> <what>}, e.g. {@code save http-409 STALE}, {@code start exception
   *     HttpTimeoutException}
   */
  void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  /**
   * Counts an error and keeps the first response body of its kind (at most 300 characters), to tell
   * why.
   */
  void error(String kind, String body) {
    error(kind);
    if (body != null) {
      String text = readable(body);
      errorSamples.putIfAbsent(kind, text.length() > 300 ? text.substring(0, 300) : text);
    }
  }

  /** An HTML error page as its text (without the head and the tags), anything else as it is. */
  static String readable(String body) {
    String b = body.strip();
    if (!b.startsWith("<")) {
      return b;
    }
    return b.replaceAll("(?is)<head.*?</head>", " ")
        .replaceAll("(?is)<(script|style).*?</\\1>", " ")
        .replaceAll("(?s)<[^>]*>", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** The first response body of each error kind that had one, sorted by kind. */
  Map<String, String> errorSamples() {
    return new TreeMap<>(errorSamples);
  }

  long ackedSaves() {
    return ackedSaves.sum();
  }

  long submittedCount() {
    return submitted.sum();
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Errors by kind, sorted by kind. */
  Map<String, Long> errors() {
    Map<String, Long> sorted = new TreeMap<>();
    errors.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  /** Save outcomes by name, sorted. */
  Map<String, Long> saveOutcomes() {
    Map<String, Long> sorted = new TreeMap<>();
    saveOutcomes.forEach((k, v) -> sorted.put(k, v.sum()));
    return sorted;
  }

  /** The save phase: from the first save sent to the last save acknowledged, in seconds. */
  double savePhaseSeconds() {
    long first = firstSaveSent.get();
    long last = lastSaveAcked.get();
    return first == Long.MAX_VALUE || last <= first ? 0 : (last - first) / 1e9;
  }

  /** Acknowledged saves per second over the save phase; 0 without any. */
  double savesPerSecond() {
    double seconds = savePhaseSeconds();
    return seconds == 0 ? 0 : ackedSaves() / seconds;
  }

  /** The most saves acknowledged in one whole second of the measured window. */
  long peakSavesInOneSecond() {
    long peak = 0;
    for (int i = 0; i < MAX_SECONDS; i++) {
      peak = Math.max(peak, acksPerSecond.get(i));
    }
    return peak;
  }

  private static Histogram histogram() {
    return new ConcurrentHistogram(HIGHEST_MICROS, 3);
  }
}
