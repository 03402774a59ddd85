package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.FirebellProcess;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webhook answered 2xx survives {@code kill -9} of the process right after the answer, on the
 * embedded H2 file database. Only a separate JVM can show this.
 */
class CrashDurabilityIT {

  @Test
  void acceptedWebhooksSurviveAKillRightAfterTheAnswer(@TempDir Path dir) throws Exception {
    int port = FirebellProcess.freePort();
    Path config = FirebellProcess.writeConfig(dir, port, dir.resolve("data"), "");

    long incidentId;
    try (FirebellProcess firebell = FirebellProcess.start(config, port, dir)) {
      post(firebell, "alertmanager-live/am-firing.json");
      Reply second = post(firebell, "captured/grafana-unified/alert-9.json");
      assertThat(second.status()).isEqualTo(200);
      incidentId = second.json().get("incidentId").asLong();
      firebell.kill();
    }

    try (FirebellProcess restarted = FirebellProcess.start(config, port, dir)) {
      Reply reply =
          TestApp.send(
              HttpRequest.newBuilder(URI.create(restarted.url("/api/incidents/" + incidentId)))
                  .header("Authorization", "Bearer " + TestApp.API_TOKEN));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      JsonNode incident = reply.json();
      assertThat(incident.get("alerts")).hasSize(1);
      assertThat(incident.get("timeline").toString())
          .contains("\"kind\":\"alert.fired\"")
          .contains("\"kind\":\"notification.received\"");
      Reply all =
          TestApp.send(
              HttpRequest.newBuilder(URI.create(restarted.url("/api/incidents?status=all")))
                  .header("Authorization", "Bearer " + TestApp.API_TOKEN));
      assertThat(all.json().get("incidents")).hasSize(2);
    }
  }

  private static Reply post(FirebellProcess firebell, String fixture) {
    String path = fixture.contains("alertmanager") ? "/webhooks/alertmanager" : "/webhooks/grafana";
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(firebell.url(path)))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(Fixtures.read(fixture))));
  }
}
