package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.FirebellProcess;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.paging.CaptureServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The biggest outages make the biggest bodies: one Alertmanager group of 20,000 alerts (about 12
 * MB, Alertmanager's default {@code max_alerts: 0} sends them all) is recorded and paged at the
 * heap of {@code scripts/run.sh}.
 */
class LargeGroupIT {
  private static final int ALERTS = 20_000;
  private static final String BODY = Payloads.manyAlerts(0, ALERTS);

  @Test
  void twentyThousandAlertsOpenOneIncidentAndPageOnceAtA256MiBHeap(@TempDir Path dir)
      throws Exception {
    try (CaptureServer capture = new CaptureServer()) {
      int port = FirebellProcess.freePort();
      Path config = config(dir, port, capture);
      assertThat(BODY.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(10_000_000);

      try (FirebellProcess firebell =
          FirebellProcess.start(
              config, port, dir, List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"))) {
        Reply reply = send(firebell, BODY);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("outcome").asText()).isEqualTo("opened");
        long id = reply.json().get("incidentId").asLong();

        awaitPages(capture, 1);
        Thread.sleep(500); // a second page would have been sent by now
        assertThat(capture.requests("/tessa")).hasSize(1);

        Reply incident = get(firebell, "/api/incidents/" + id);
        assertThat(incident.json().get("alerts")).hasSize(ALERTS);
        assertThat(firebell.log()).doesNotContain("OutOfMemoryError");
        System.out.printf(
            "large group: %d alerts, %d bytes, peak RSS %d MiB%n",
            ALERTS, BODY.length(), firebell.peakRssMib());
      }
    }
  }

  /**
   * The notification is written in parts of 500; the process is killed once the first part is
   * visible, before the sender had its answer. The sender's retry after the restart completes the
   * same incident, whether the parts written before the kill reached the disk or not: one incident
   * with every alert, paged (at least once, at most twice: a page sent just before the kill whose
   * outcome was not yet on disk goes once more).
   */
  @Test
  void aStormCutOffByAKillIsCompletedByTheSendersRetryAfterTheRestart(@TempDir Path dir)
      throws Exception {
    try (CaptureServer capture = new CaptureServer()) {
      int port = FirebellProcess.freePort();
      Path config = config(dir, port, capture);
      try (FirebellProcess firebell = FirebellProcess.start(config, port, dir)) {
        Thread sender = new Thread(() -> send(firebell, BODY));
        sender.start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (incidents(firebell).isEmpty() && Instant.now().isBefore(deadline)) {
          Thread.sleep(10);
        }
        firebell.kill();
        sender.join();
      }
      try (FirebellProcess restarted = FirebellProcess.start(config, port, dir)) {
        Reply retried = send(restarted, BODY);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(incidents(restarted)).hasSize(1);
        long id = retried.json().get("incidentId").asLong();
        assertThat(get(restarted, "/api/incidents/" + id).json().get("alerts")).hasSize(ALERTS);
        awaitPages(capture, 1);
        Thread.sleep(500); // a third page would have been sent by now
        assertThat(capture.requests("/tessa")).hasSizeBetween(1, 2);
        System.out.printf(
            "large group killed while written: the retry %s it, %d page(s)%n",
            retried.json().get("outcome").asText(), capture.requests("/tessa").size());
      }
    }
  }

  private static Reply send(FirebellProcess firebell, String body) {
    try {
      return TestApp.send(
          HttpRequest.newBuilder(URI.create(firebell.url("/webhooks/alertmanager")))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN)
              .timeout(Duration.ofMinutes(2))
              .POST(HttpRequest.BodyPublishers.ofString(body)));
    } catch (UncheckedIOException killed) {
      return null; // the process is gone
    }
  }

  private static JsonNode incidents(FirebellProcess firebell) {
    return get(firebell, "/api/incidents?status=all").json().get("incidents");
  }

  private static Reply get(FirebellProcess firebell, String path) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(firebell.url(path)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .timeout(Duration.ofMinutes(1)));
  }

  private static void awaitPages(CaptureServer capture, int count) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    while (capture.requests("/tessa").size() < count && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    assertThat(capture.requests("/tessa")).hasSizeGreaterThanOrEqualTo(count);
  }

  private static Path config(Path dir, int port, CaptureServer capture) throws Exception {
    Path oncall = FirebellProcess.writeTessaOnCall(dir, capture.url("/tessa"));
    return FirebellProcess.writeConfig(
        dir, port, dir.resolve("data"), "oncall: { file: \"" + oncall + "\" }");
  }
}
