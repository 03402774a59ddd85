package dev.firebell.ingest;

import static dev.firebell.RealAlertmanager.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.RealAlertmanager;
import dev.firebell.TestApp;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real alert sender: Debian's prometheus-alertmanager on loopback, with a webhook receiver
 * pointing at Firebell with Bearer credentials. An alert posted to Alertmanager's API opens an
 * incident that pages; the same alert ended in the past resolves it — from Alertmanager's own
 * deliveries.
 */
class AlertmanagerEndToEndIT {

  @Test
  void alertmanagersOwnDeliveriesOpenPageAndResolve(@TempDir Path dir) throws Exception {
    try (CaptureServer capture = new CaptureServer();
        TestApp firebell = TestApp.startLive(TestApp.defaultConfig(), PagingTeam.of(capture));
        RealAlertmanager alertmanager = RealAlertmanager.start(dir, firebell)) {
      Instant started = Instant.now().minusSeconds(60);
      alertmanager.postAlert(started, null);
      await(() -> !firebell.incidents("all").isEmpty(), "no incident from Alertmanager");
      JsonNode opened = firebell.incidents("all").get(0);
      assertThat(opened.get("title").asText())
          .isEqualTo("PizzaFailureSpike: Pizza order failures are spiking");
      assertThat(opened.get("severity").asText()).isEqualTo("SEV-1");
      assertThat(opened.get("service").asText()).isEqualTo("pizza-factory");
      await(() -> !capture.requests("/tessa").isEmpty(), "Tessa was not paged");

      alertmanager.postAlert(started, Instant.now().minusSeconds(1));
      long id = opened.get("id").asLong();
      await(
          () -> firebell.incident(id).get("status").asText().equals("resolved"),
          "Alertmanager's resolved notification did not resolve the incident");
      JsonNode resolved = firebell.incident(id);
      assertThat(resolved.get("alerts").get(0).get("status").asText()).isEqualTo("resolved");
      assertThat(firebell.incidents("all")).hasSize(1);
    }
  }
}
