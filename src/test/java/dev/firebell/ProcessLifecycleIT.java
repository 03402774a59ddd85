package dev.firebell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.paging.CaptureServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as a user runs it: {@code --help} prints the usage and exits 0; a taken port
 * ends the start with one line and exit 1; a start leaves no H2 trace file; a stop while pages are
 * being sent logs no stack trace.
 */
class ProcessLifecycleIT {
  @TempDir Path dir;

  @Test
  void helpPrintsTheUsageAndExitsZero() throws Exception {
    Ran ran = runJar("--help");
    assertThat(ran.exit()).isZero();
    assertThat(ran.output())
        .startsWith("usage: java -jar firebell.jar [--config PATH]")
        .contains("import");
  }

  @Test
  void aTakenPortEndsTheStartWithOneLineAndExitOne() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      int port = taken.getLocalPort();
      Path config = FirebellProcess.writeConfig(dir, port, dir, "");
      Ran ran = runJar("--config", config.toString());
      assertThat(ran.exit()).isEqualTo(1);
      assertThat(ran.output())
          .as(ran.output())
          .contains("Firebell could not start: Port already in use")
          .contains(Integer.toString(port))
          .doesNotContain("\tat ");
    }
  }

  @Test
  void aStartLeavesNoTraceFileAndAStopWhileSendingLogsNoStackTrace() throws Exception {
    try (CaptureServer phone = new CaptureServer()) {
      int port = FirebellProcess.freePort();
      Path oncall = FirebellProcess.writeTessaOnCall(dir, phone.url("/tessa"));
      Path config =
          FirebellProcess.writeConfig(dir, port, dir, "oncall: { file: \"" + oncall + "\" }");
      FirebellProcess firebell = FirebellProcess.start(config, port, dir);
      try {
        for (int n = 0; n < 20; n++) {
          TestApp.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(firebell.url("/webhooks/alertmanager")))
                  .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          Payloads.group("stop-" + n, n))));
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (phone.requests("/tessa").isEmpty() && Instant.now().isBefore(deadline)) {
          Thread.sleep(20);
        }
      } finally {
        firebell.close();
      }
      String log = firebell.log();
      assertThat(log).as(log).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(log).contains("Firebell listening");
      try (Stream<Path> files = Files.list(dir)) {
        List<String> names = files.map(file -> file.getFileName().toString()).toList();
        assertThat(names)
            .as("files beside the database")
            .noneMatch(name -> name.endsWith(".trace.db"));
      }
    }
  }

  /** What the packaged jar printed and how it exited, run to its end with {@code args}. */
  private record Ran(int exit, String output) {}

  private static Ran runJar(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(
        Path.of(System.getProperty("firebell.jar", "target/firebell.jar"))
            .toAbsolutePath()
            .toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Ran(process.waitFor(), output);
  }
}
