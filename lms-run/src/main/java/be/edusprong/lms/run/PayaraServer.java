package be.edusprong.lms.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payara Server 6 running the EAR: a domain of our own (ports from the HTTP port, so two platforms
 * on one machine do not collide), the EAR dropped in its {@code autodeploy} folder, the server
 * started in the foreground ({@code start-domain --verbose}) with the platform's environment.
 *
 * <p>Ports: {@code --portbase = httpPort - 80}, so HTTP is {@code httpPort}, the admin console
 * {@code httpPort - 32}, HTTPS {@code httpPort + 1} (Payara's portbase offsets).
 */
public final class PayaraServer implements AutoCloseable {
  private static final String DOMAIN = "lms";

  /** The most HTTP worker threads of the domain, as many as the data source's connections. */
  static final int HTTP_THREADS = 64;

  /** The HTTP worker pool in domain.xml, in both shapes Payara's template writes. */
  private static final Pattern HTTP_POOL =
      Pattern.compile("<thread-pool name=\"http-thread-pool\"([^>]*?)\\s*(/?)>");

  private final Path payaraHome;
  private final Path domainsDir;
  private final int httpPort;
  private final Path log;
  private Process process;

  /**
   * @param payaraHome the unpacked Payara (the folder with {@code bin/asadmin})
   * @param workDir where the domain and the log go
   * @param httpPort the HTTP port; 1024-65000
   */
  public PayaraServer(Path payaraHome, Path workDir, int httpPort) {
    if (httpPort < 1024 || httpPort > 65000) {
      throw new IllegalArgumentException("HTTP port must be 1024-65000, was " + httpPort);
    }
    this.payaraHome = payaraHome;
    this.domainsDir = workDir.resolve("domains-" + httpPort);
    this.httpPort = httpPort;
    this.log = workDir.resolve("payara-" + httpPort + ".log");
  }

  /** The base URL, e.g. {@code http://localhost:8080/}. */
  public String url() {
    return "http://localhost:" + httpPort + "/";
  }

  /** The file the server's console output goes to. */
  public Path log() {
    return log;
  }

  /**
   * Creates a fresh domain, deploys the EAR and starts the server. The domain is made anew on every
   * start (about 10 s) so that the application that answers is always the EAR given here, never one
   * left deployed by an earlier run; the data lives in the database, not in the domain.
   *
   * @param ear the EAR to run
   * @param env extra environment for the server (LMS_DB_URL, ...)
   * @throws IOException when asadmin cannot be run or fails
   */
  public void start(Path ear, Map<String, String> env) throws IOException, InterruptedException {
    if (!Files.isRegularFile(ear)) {
      throw new IOException("no EAR at " + ear + ": build it first (mvn package)");
    }
    deleteRecursively(domainsDir);
    Files.createDirectories(domainsDir);
    createDomain();
    Path autodeploy = domainsDir.resolve(DOMAIN).resolve("autodeploy");
    Files.createDirectories(autodeploy);
    try (var stale = Files.list(autodeploy)) {
      for (Path p : stale.filter(p -> p.getFileName().toString().contains("_deploy")).toList()) {
        Files.deleteIfExists(p);
      }
    }
    Files.copy(ear, autodeploy.resolve("edusprong-lms.ear"), StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(
            asadmin(), "start-domain", "--verbose", "--domaindir", domainsDir.toString(), DOMAIN);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    // Appended, so the error ids of an earlier run stay findable.
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
  }

  /**
   * Waits until the catalogue page answers 200, the deployment failed, or the time is up.
   *
   * @throws IOException with the reason and the end of the log when it did not come up
   */
  public void awaitReady(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    Path failed =
        domainsDir.resolve(DOMAIN).resolve("autodeploy").resolve("edusprong-lms.ear_deployFailed");
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new IOException("Payara stopped during start-up:\n" + tail(60));
      }
      if (Files.exists(failed)) {
        throw new IOException("the EAR failed to deploy:\n" + tail(120));
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + "index.xhtml"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("Edusprong")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(1000);
    }
    throw new IOException("the platform was not ready after " + timeout + ":\n" + tail(80));
  }

  /** The last {@code lines} lines of the server log. */
  public String tail(int lines) {
    try {
      if (!Files.exists(log)) {
        return "(no log)";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Kills the server as a power cut would ({@code SIGKILL} to the server JVM and to asadmin, no
   * shutdown hooks, no stop-domain), for the crash test. {@link #start} may be called again after.
   *
   * @throws IOException when a process survives 20 s after the kill
   */
  public void kill() throws IOException {
    if (process == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IOException("process " + p.pid() + " did not die after SIGKILL", e);
      }
    }
    process = null;
  }

  /** Stops the server and every process it started; waits up to 60 s. */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    // After Ctrl-C the server got the signal too and may be gone already: only ask a live one.
    if (process.isAlive()) {
      stopDomain();
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    for (ProcessHandle p : all) {
      p.destroy();
    }
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
    process = null;
  }

  private void stopDomain() {
    try {
      Process stop =
          new ProcessBuilder(asadmin(), "stop-domain", "--domaindir", domainsDir.toString(), DOMAIN)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      stop.waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      // close() kills whatever is left
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void createDomain() throws IOException, InterruptedException {
    Path passwordFile = Files.createTempFile("asadmin", ".txt");
    try {
      Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=\n");
      Process p =
          new ProcessBuilder(
                  asadmin(),
                  "--user",
                  "admin",
                  "--passwordfile",
                  passwordFile.toString(),
                  "create-domain",
                  "--nopassword",
                  "--checkports=false",
                  "--portbase",
                  String.valueOf(httpPort - 80),
                  "--domaindir",
                  domainsDir.toString(),
                  DOMAIN)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IOException("asadmin create-domain failed:\n" + out);
      }
      harden(domainsDir.resolve(DOMAIN).resolve("config").resolve("domain.xml"));
    } finally {
      Files.deleteIfExists(passwordFile);
    }
  }

  /**
   * Tightens the new domain: the admin listener (no password in this local domain) answers on
   * 127.0.0.1 only, responses do not name the server and its version ({@code Server}, {@code
   * X-Powered-By}), and the HTTP worker pool gets {@value #HTTP_THREADS} threads instead of
   * Payara's default of 5 (the delivery benchmark found saves queueing behind 5 workers while the
   * database pool had 64 connections to offer).
   */
  static void harden(Path domainXml) throws IOException {
    String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
    xml =
        replaceAll(
            xml,
            "name=\"admin-listener\" thread-pool=",
            "name=\"admin-listener\" address=\"127.0.0.1\" thread-pool=",
            domainXml);
    xml =
        replaceAll(
            xml,
            "<http default-virtual-server=\"server\"",
            "<http default-virtual-server=\"server\" xpowered-by=\"false\" server-header=\"false\"",
            domainXml);
    Matcher pools = HTTP_POOL.matcher(xml);
    StringBuilder out = new StringBuilder();
    int found = 0;
    while (pools.find()) {
      found++;
      // Payara's template writes the pool as <thread-pool name="http-thread-pool"
      // max-queue-size="4096"></thread-pool> (server-config) or as an empty element
      // (default-config): keep its other attributes, set the sizes.
      String others = pools.group(1).replaceAll("\\s(min|max)-thread-pool-size=\"[^\"]*\"", "");
      pools.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "<thread-pool name=\"http-thread-pool\" min-thread-pool-size=\"8\""
                  + " max-thread-pool-size=\""
                  + HTTP_THREADS
                  + "\""
                  + others
                  + pools.group(2)
                  + ">"));
    }
    pools.appendTail(out);
    if (found == 0) {
      throw new IOException("unexpected domain.xml layout, no http-thread-pool in " + domainXml);
    }
    Files.writeString(domainXml, out.toString(), StandardCharsets.UTF_8);
  }

  /** Replaces every occurrence; fails when there is none, so a changed layout is noticed. */
  private static String replaceAll(String xml, String target, String replacement, Path file)
      throws IOException {
    if (!xml.contains(target)) {
      throw new IOException("unexpected domain.xml layout, no " + target + " in " + file);
    }
    return xml.replace(target, replacement);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private String asadmin() {
    return payaraHome.resolve("bin").resolve("asadmin").toString();
  }
}
