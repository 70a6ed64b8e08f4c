package be.edusprong.lms.run.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Where the machine's CPU went during the measured window: the application server, the database
 * server and the benchmark client, each as CPU time, so a figure such as "saves/s" can be read
 * against what produced it (on one machine the three share the cores).
 *
 * <p>CPU time of a process comes from {@link ProcessHandle.Info#totalCpuDuration()} (on Linux,
 * {@code /proc/<pid>/stat}: user + system time of all its threads); the machine's busy share from
 * the first line of {@code /proc/stat} (all jiffies but {@code idle} and {@code iowait}, over all
 * of them). A party whose processes are not on this machine (a remote database, a platform given by
 * {@code bench.url}) is reported as absent rather than zero.
 */
final class CpuUse {
  /**
   * CPU time used so far.
   *
   * @param platformNanos the application server's processes, when known
   * @param databaseNanos every {@code mariadbd}/{@code mysqld} process of this machine, when any
   * @param clientNanos this JVM (the simulated learners)
   * @param machineBusy busy jiffies of the machine, or -1 without {@code /proc/stat}
   * @param machineTotal all jiffies of the machine, or -1 without {@code /proc/stat}
   */
  record Snapshot(
      OptionalLong platformNanos,
      OptionalLong databaseNanos,
      long clientNanos,
      long machineBusy,
      long machineTotal) {}

  private final Predicate<String> platformCommand;

  /**
   * @param platformMarker a string in the command line of the application server's JVM (its
   *     installation directory), or null when the platform runs elsewhere
   */
  CpuUse(String platformMarker) {
    this.platformCommand =
        platformMarker == null
            ? c -> false
            : c -> c.contains(platformMarker) && c.contains("ASMain");
  }

  /** The CPU time used so far by each party. */
  Snapshot take() {
    long[] machine = machine();
    return new Snapshot(
        cpuOf(
            p ->
                p.info().commandLine().map(platformCommand::test).orElse(false)
                    && p.pid() != ProcessHandle.current().pid()),
        cpuOf(
            p ->
                p.info()
                    .command()
                    .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                    .orElse(false)),
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime(),
        machine[0],
        machine[1]);
  }

  /**
   * The use between two snapshots as seconds of CPU per party and the machine's busy share.
   *
   * @return platform, database and client CPU seconds ({@code NaN} when absent), then the machine's
   *     busy share in percent ({@code NaN} without {@code /proc/stat})
   */
  static double[] between(Snapshot from, Snapshot to) {
    return new double[] {
      seconds(from.platformNanos(), to.platformNanos()),
      seconds(from.databaseNanos(), to.databaseNanos()),
      (to.clientNanos() - from.clientNanos()) / 1e9,
      from.machineTotal() < 0 || to.machineTotal() <= from.machineTotal()
          ? Double.NaN
          : 100.0
              * (to.machineBusy() - from.machineBusy())
              / (to.machineTotal() - from.machineTotal())
    };
  }

  private static double seconds(OptionalLong from, OptionalLong to) {
    return from.isPresent() && to.isPresent()
        ? (to.getAsLong() - from.getAsLong()) / 1e9
        : Double.NaN;
  }

  private static OptionalLong cpuOf(Predicate<ProcessHandle> which) {
    List<ProcessHandle> processes = ProcessHandle.allProcesses().filter(which).toList();
    if (processes.isEmpty()) {
      return OptionalLong.empty();
    }
    long nanos = 0;
    for (ProcessHandle p : processes) {
      nanos += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
    return OptionalLong.of(nanos);
  }

  /** Busy and total jiffies from {@code /proc/stat}, or {-1, -1}. */
  private static long[] machine() {
    try {
      String first =
          Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0).strip();
      String[] f = first.split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1};
    }
  }
}
