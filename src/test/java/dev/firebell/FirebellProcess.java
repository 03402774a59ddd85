package dev.firebell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Firebell as users run it: {@code java -jar target/firebell.jar --config FILE} in its own JVM, so
 * a test can kill it the hard way and start it again on the same files.
 */
public final class FirebellProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path log;

  private FirebellProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Starts the packaged jar and waits until it answers /healthz. */
  public static FirebellProcess start(Path config, int port, Path workDir) throws IOException {
    return start(config, port, workDir, List.of());
  }

  /** With extra JVM options, such as heap limits. */
  public static FirebellProcess start(Path config, int port, Path workDir, List<String> jvmOptions)
      throws IOException {
    return start(config, port, workDir, jvmOptions, Map.of());
  }

  /** With extra JVM options and environment variables, as scripts/run.sh starts it. */
  public static FirebellProcess start(
      Path config, int port, Path workDir, List<String> jvmOptions, Map<String, String> environment)
      throws IOException {
    FirebellProcess firebell = launch(config, port, workDir, jvmOptions, environment);
    firebell.awaitHealthy(Duration.ofSeconds(30));
    return firebell;
  }

  /** Starts the packaged jar without waiting for it, for a test that kills it while it starts. */
  public static FirebellProcess launch(Path config, int port, Path workDir, List<String> jvmOptions)
      throws IOException {
    return launch(config, port, workDir, jvmOptions, Map.of());
  }

  private static FirebellProcess launch(
      Path config, int port, Path workDir, List<String> jvmOptions, Map<String, String> environment)
      throws IOException {
    String jar = System.getProperty("firebell.jar", "target/firebell.jar");
    Path log = Files.createTempFile(workDir, "firebell", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions.isEmpty() ? List.of("-Xmx256m") : jvmOptions);
    command.add("-jar");
    command.add(Path.of(jar).toAbsolutePath().toString());
    command.add("--config");
    command.add(config.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    return new FirebellProcess(process, port, log);
  }

  /** What the process printed so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /**
   * Writes {@code dir/firebell.yaml} for a process test: the port, an H2 file database in {@code
   * dataDir}, the test tokens, and {@code extraYaml} (more top-level sections, or empty).
   */
  public static Path writeConfig(Path dir, int port, Path dataDir, String extraYaml)
      throws IOException {
    Path config = dir.resolve("firebell.yaml");
    Files.writeString(
        config,
        """
        server: { port: %d, publicUrl: "http://localhost:%d" }
        database: { url: "jdbc:h2:file:%s" }
        ingest: { bearerToken: "%s" }
        api: { tokens: ["%s"] }
        %s
        """
            .formatted(
                port,
                port,
                dataDir.resolve("firebell").toAbsolutePath(),
                TestApp.INGEST_TOKEN,
                TestApp.API_TOKEN,
                extraYaml));
    return config;
  }

  /** {@code dir/oncall.yaml}: Tessa on call around the clock, paged by webhook at {@code url}. */
  public static Path writeTessaOnCall(Path dir, String url) throws IOException {
    Path oncall = dir.resolve("oncall.yaml");
    Files.writeString(
        oncall,
        """
        people: [{ id: tessa, contacts: [{ type: webhook, url: "%s" }] }]
        schedules: [{ id: primary, timeZone: UTC, rotations: [{ start: "2026-01-01T00:00", every: 1w, people: [tessa] }] }]
        escalationPolicies: [{ id: default, steps: [{ targets: ["schedule:primary"], escalateAfter: 5m }] }]
        routes: [{ policy: default }]
        """
            .formatted(url));
    return oncall;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Peak resident set size so far (VmHWM), in MiB; -1 where /proc is not there. */
  public long peakRssMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** CPU time (user + system) the process has used so far, in milliseconds; -1 without /proc. */
  public long cpuMillis() {
    return cpuMillis(process.pid());
  }

  /** CPU time (user and system) process {@code pid} used so far, in ms; -1 without /proc. */
  public static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name, which is in parentheses and may contain spaces.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10; // USER_HZ is 100 on Linux
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  public long pid() {
    return process.pid();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** SIGKILL: no shutdown hook, no flush, like a power cut to the process. */
  /** Sends a signal by name ({@code HUP}, {@code TERM}) with the system's {@code kill}. */
  public void signal(String name) throws IOException, InterruptedException {
    int exit =
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    if (exit != 0) {
      throw new IOException("kill -" + name + " exited with " + exit);
    }
  }

  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public void awaitHealthy(Duration timeout) throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Firebell exited:\n" + Files.readString(log));
      }
      try {
        if (TestApp.send(HttpRequest.newBuilder(URI.create(url("/healthz")))).status() == 200) {
          return;
        }
      } catch (UncheckedIOException notYetListening) {
        // keep waiting
      }
      try {
        Thread.sleep(10); // fine enough to measure the time to ready
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("Firebell did not become healthy:\n" + Files.readString(log));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
