package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.FirebellProcess;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real alert sender: Debian's prometheus-alertmanager on loopback, with a webhook receiver
 * pointing at Firebell with Bearer credentials. An alert posted to Alertmanager's API opens an
 * incident that pages; the same alert ended in the past resolves it — from Alertmanager's own
 * deliveries.
 */
class AlertmanagerEndToEndIT {
  private static final String ALERTMANAGER = "/usr/bin/prometheus-alertmanager";

  @Test
  void alertmanagersOwnDeliveriesOpenPageAndResolve(@TempDir Path dir) throws Exception {
    boolean installed = new File(ALERTMANAGER).canExecute();
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI needs " + ALERTMANAGER + " (.ci/run installs it)");
    }
    Assumptions.assumeTrue(installed, "skipped: apt-get install prometheus-alertmanager to run it");

    try (CaptureServer capture = new CaptureServer();
        TestApp firebell = TestApp.startLive(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      int port = FirebellProcess.freePort();
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
      Process alertmanager =
          new ProcessBuilder(
                  ALERTMANAGER,
                  "--config.file=" + config,
                  "--storage.path=" + dir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--cluster.listen-address=",
                  "--log.level=warn")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("alertmanager.log").toFile())
              .start();
      try {
        String api = "http://127.0.0.1:" + port;
        await(() -> status(api + "/-/ready") == 200, "Alertmanager did not become ready");

        Instant started = Instant.now().minusSeconds(60);
        postAlert(api, started, null);
        await(() -> !firebell.incidents("all").isEmpty(), "no incident from Alertmanager");
        JsonNode opened = firebell.incidents("all").get(0);
        assertThat(opened.get("title").asText())
            .isEqualTo("PizzaFailureSpike: Pizza order failures are spiking");
        assertThat(opened.get("severity").asText()).isEqualTo("SEV-1");
        assertThat(opened.get("service").asText()).isEqualTo("pizza-factory");
        await(() -> !capture.requests("/tessa").isEmpty(), "Tessa was not paged");

        postAlert(api, started, Instant.now().minusSeconds(1));
        long id = opened.get("id").asLong();
        await(
            () -> firebell.incident(id).get("status").asText().equals("resolved"),
            "Alertmanager's resolved notification did not resolve the incident");
        JsonNode resolved = firebell.incident(id);
        assertThat(resolved.get("alerts").get(0).get("status").asText()).isEqualTo("resolved");
        assertThat(firebell.incidents("all")).hasSize(1);
      } finally {
        alertmanager.destroy();
        if (!alertmanager.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
          alertmanager.destroyForcibly().waitFor();
        }
      }
    }
  }

  private static void postAlert(String api, Instant startsAt, Instant endsAt) {
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

  private static int status(String url) {
    try {
      return TestApp.send(HttpRequest.newBuilder(URI.create(url))).status();
    } catch (java.io.UncheckedIOException notYet) {
      return 0;
    }
  }

  private static void await(BooleanSupplier condition, String message) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(message);
  }
}
