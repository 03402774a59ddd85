package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.FirebellProcess;
import dev.firebell.TestApp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample configuration's public secrets: on loopback (its default) Firebell starts with a
 * warning, so a newcomer's {@code ./scripts/run.sh} works; on any other address it refuses to start
 * and names the variables to set.
 */
class SampleSecretsIT {
  private static final Path SAMPLE = Path.of("config/firebell.yaml").toAbsolutePath();

  @Test
  void theSampleRefusesEveryInterfaceWhileItsSecretsAreInUse(@TempDir Path dir) throws Exception {
    Process process = start(dir, Map.of("FIREBELL_HOST", "0.0.0.0", "FIREBELL_PORT", port()));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(dir.resolve("out.log"));
    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output)
        .contains("refusing to listen on 0.0.0.0")
        .contains("FIREBELL_INGEST_TOKEN")
        .contains("FIREBELL_API_TOKEN")
        .contains("FIREBELL_TESSA_PASSWORD_HASH");
  }

  @Test
  void theSampleStartsOnLoopbackWithAWarning(@TempDir Path dir) throws Exception {
    String port = port();
    Process process = start(dir, Map.of("FIREBELL_PORT", port));
    try {
      awaitHealthy("http://127.0.0.1:" + port + "/healthz", process, dir);
      assertThat(Files.readString(dir.resolve("out.log")))
          .contains("ingest.bearerToken is the sample's");
    } finally {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static String port() {
    return String.valueOf(FirebellProcess.freePort());
  }

  private static Process start(Path dir, Map<String, String> env) throws Exception {
    String jar =
        Path.of(System.getProperty("firebell.jar", "target/firebell.jar"))
            .toAbsolutePath()
            .toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.createDirectories(dir.resolve("config"));
    Files.copy(Path.of("config/oncall.yaml"), dir.resolve("config/oncall.yaml"));
    ProcessBuilder builder =
        new ProcessBuilder(List.of(java, "-Xmx256m", "-jar", jar, "--config", SAMPLE.toString()))
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.log").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("FIREBELL_"));
    builder.environment().putAll(env);
    return builder.start();
  }

  private static void awaitHealthy(String url, Process process, Path dir) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      assertThat(process.isAlive()).as(Files.readString(dir.resolve("out.log"))).isTrue();
      try {
        if (TestApp.send(HttpRequest.newBuilder(URI.create(url))).status() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not healthy: " + Files.readString(dir.resolve("out.log")));
  }
}
