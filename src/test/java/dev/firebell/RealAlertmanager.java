package dev.firebell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.TestApp.Reply;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code prometheus-alertmanager} on loopback (cluster listener off) with one webhook
 * receiver pointing at a Firebell under test with Bearer credentials: a real alert sender. Tests
 * skip without it, except in CI, which installs it.
 */
public final class RealAlertmanager implements AutoCloseable {
  private static final String BINARY = "/usr/bin/prometheus-alertmanager";

  private final Process process;
  private final String api;

  private RealAlertmanager(Process process, String api) {
    this.process = process;
    this.api = api;
  }

  /** Starts it in {@code dir}, sending to {@code firebell}, and waits until it is ready. */
  public static RealAlertmanager start(Path dir, TestApp firebell) throws Exception {
    return start(dir, FirebellProcess.freePort(), firebell);
  }

  /** As {@link #start(Path, TestApp)}, on a port chosen before (Firebell's config names it). */
  public static RealAlertmanager start(Path dir, int port, TestApp firebell) throws Exception {
    skipUnlessInstalled();
    Path config = dir.resolve("alertmanager.yml");
    Files.writeString(
        config,
        """
        route:
          receiver: firebell
          group_by: [alertname, service]
          group_wait: 1s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: firebell
            webhook_configs:
              - url: %s
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials: %s
        """
            .formatted(firebell.url("/webhooks/alertmanager"), TestApp.INGEST_TOKEN));
    Process process =
        new ProcessBuilder(
                BINARY,
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("alertmanager.log").toFile())
            .start();
    RealAlertmanager alertmanager = new RealAlertmanager(process, "http://127.0.0.1:" + port);
    await(() -> alertmanager.status("/-/ready") == 200, "Alertmanager did not become ready");
    return alertmanager;
  }

  /** Skips the test without the Debian package; fails it in CI, which installs the package. */
  public static void skipUnlessInstalled() {
    boolean installed = new File(BINARY).canExecute();
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs " + BINARY + " (.ci/run installs it)");
    }
    Assumptions.assumeTrue(installed, "skipped: apt-get install prometheus-alertmanager to run it");
  }

  /** Its API root, e.g. {@code http://127.0.0.1:9093}. */
  public String api() {
    return api;
  }

  /** Posts the pizza-factory alert as Prometheus would; ended when {@code endsAt} is given. */
  public void postAlert(Instant startsAt, Instant endsAt) {
    String alert =
        """
        [{"labels": {"alertname": "PizzaFailureSpike", "service": "pizza-factory", "severity": "critical"},
          "annotations": {"summary": "Pizza order failures are spiking"},
          "generatorURL": "http://127.0.0.1:9090/graph",
          "startsAt": "%s"%s}]
        """
            .formatted(startsAt, endsAt == null ? "" : ", \"endsAt\": \"" + endsAt + "\"");
    Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(api + "/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alert)));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  public Reply get(String path) {
    return TestApp.send(HttpRequest.newBuilder(URI.create(api + path)));
  }

  private int status(String path) {
    try {
      return get(path).status();
    } catch (java.io.UncheckedIOException notYet) {
      return 0;
    }
  }

  /** Waits up to 30 s for {@code condition}. */
  public static void await(BooleanSupplier condition, String message) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(message);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
