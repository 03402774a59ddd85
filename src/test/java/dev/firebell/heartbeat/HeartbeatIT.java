package dev.firebell.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.MutableClock;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.HeartbeatEntry;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats through the real server: a cron job's beat, Alertmanager's always-firing Watchdog as a
 * beat, a miss that opens (one) incident and pages, and the next beat that resolves it.
 */
class HeartbeatIT {
  private static FirebellConfig config() {
    return ConfigBuilder.from(TestApp.defaultConfig())
        .withHeartbeats(
            List.of(
                new HeartbeatEntry(
                    "nightly-backup",
                    Duration.ofHours(25),
                    Map.of("service", "backups", "severity", "warning"),
                    null),
                new HeartbeatEntry(
                    "alerting-pipeline",
                    Duration.ofMinutes(5),
                    Map.of("service", "alerting"),
                    "Watchdog")))
        .build();
  }

  @Test
  void aMissedBeatOpensOneIncidentThatPagesAndTheNextBeatResolvesIt() {
    FirebellConfig config = config();
    MutableClock clock = MutableClock.at("2026-11-28T16:10:00Z");
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(config, PagingTeam.of(capture), clock);
        TestApp other = TestApp.start(config, PagingTeam.of(capture), clock)) {
      Reply beat = beat(app, "nightly-backup", TestApp.INGEST_TOKEN);
      assertThat(beat.status()).isEqualTo(200);
      assertThat(beat.json().get("lastBeatAt").asText()).isEqualTo("2026-11-28T16:10:00Z");
      assertThat(beat.json().get("dueAt").asText()).isEqualTo("2026-11-29T17:10:00Z");
      assertThat(beat(app, "no-such-beat", TestApp.INGEST_TOKEN).status()).isEqualTo(404);
      assertThat(beat(app, "nightly-backup", "wrong").status()).isEqualTo(401);

      clock.advance(Duration.ofHours(24));
      app.app().heartbeats().checkMissed();
      assertThat(missed(app, "nightly-backup")).isEmpty();

      clock.advance(Duration.ofHours(1).plusMinutes(1));
      app.app().heartbeats().checkMissed();
      other.app().heartbeats().checkMissed();
      app.app().heartbeats().checkMissed();
      List<JsonNode> missed = missed(app, "nightly-backup");
      assertThat(missed).as("one incident for the miss, with two instances").hasSize(1);
      long id = missed.get(0).get("id").asLong();
      JsonNode incident = app.incident(id);
      assertThat(incident.get("severity").asText()).isEqualTo("SEV-3");
      assertThat(incident.get("service").asText()).isEqualTo("backups");
      assertThat(incident.get("timeline").toString())
          .contains("the last beat was at 2026-11-28T16:10:00Z");
      app.runPaging();
      assertThat(capture.json("/tessa"))
          .anySatisfy(page -> assertThat(page.get("incidentId").asLong()).isEqualTo(id));
      assertThat(heartbeat(app, "nightly-backup").get("state").asText()).isEqualTo("missed");

      clock.advance(Duration.ofMinutes(3));
      assertThat(beat(other, "nightly-backup", TestApp.INGEST_TOKEN).status()).isEqualTo(200);
      assertThat(app.incident(id).get("status").asText()).isEqualTo("resolved");
      assertThat(heartbeat(app, "nightly-backup").get("state").asText()).isEqualTo("ok");
      app.app().heartbeats().checkMissed();
      assertThat(app.incident(id).get("status").asText()).isEqualTo("resolved");
      assertThat(app.getApi("/metrics").body())
          .contains("firebell_heartbeat_last_beat_timestamp_seconds{id=\"nightly-backup\"}");
    }
  }

  @Test
  void alertmanagersWatchdogBeatsAndOpensNothingAndTheFirstIntervalCountsFromTheStart() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(config(), PagingTeam.of(capture))) {
      app.clock.advance(Duration.ofMinutes(4));
      app.app().heartbeats().checkMissed();
      assertThat(app.incidents("open")).as("5 minutes from the start").isEmpty();

      String watchdog =
          Fixtures.read("alertmanager-live/am-firing.json")
              .replace("PizzaFailureSpike", "Watchdog");
      Reply reply = app.postWebhook("/webhooks/alertmanager", watchdog);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("outcome").asText()).isEqualTo("heartbeat");
      assertThat(reply.json().get("heartbeat").asText()).isEqualTo("alerting-pipeline");
      assertThat(app.incidents("all")).isEmpty();
      assertThat(heartbeat(app, "alerting-pipeline").get("state").asText()).isEqualTo("ok");

      app.clock.advance(Duration.ofMinutes(6));
      app.app().heartbeats().checkMissed();
      assertThat(app.incidents("open"))
          .extracting(i -> i.get("title").asText())
          .containsExactly("Heartbeat alerting-pipeline missed");
      assertThat(app.getApi("/metrics").body())
          .contains(
              "firebell_webhooks_received_total{outcome=\"heartbeat\",source=\"alertmanager\"} 1.0");
    }
  }

  /** The open incidents of one heartbeat's misses (the other heartbeat here misses too). */
  private static List<JsonNode> missed(TestApp app, String id) {
    return java.util.stream.StreamSupport.stream(app.incidents("open").spliterator(), false)
        .filter(i -> i.get("title").asText().equals("Heartbeat " + id + " missed"))
        .toList();
  }

  private static JsonNode heartbeat(TestApp app, String id) {
    for (JsonNode beat : app.getApi("/api/heartbeats").json().get("heartbeats")) {
      if (beat.get("id").asText().equals(id)) {
        return beat;
      }
    }
    throw new AssertionError("no heartbeat " + id);
  }

  private static Reply beat(TestApp app, String id, String token) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/heartbeats/" + id)))
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }
}
