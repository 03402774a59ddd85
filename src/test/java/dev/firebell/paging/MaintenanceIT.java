package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.MaintenanceEntry;
import dev.firebell.escalation.EscalationIT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Maintenance windows: incidents are still recorded, but nobody is paged. */
class MaintenanceIT {
  private CaptureServer capture;
  private TestApp app;

  @BeforeEach
  void start() {
    capture = new CaptureServer();
    app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture));
  }

  @AfterEach
  void stop() {
    app.close();
    capture.close();
  }

  @Test
  void anActiveWindowRecordsTheIncidentButPagesNobody() {
    Reply window =
        window(
            "{\"match\": {\"service\": \"pizza-factory\"}, \"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\", \"reason\": \"oven upgrade\", \"by\": \"sam\"}");
    assertThat(window.status()).isEqualTo(201);
    assertThat(window.json().get("id").asLong()).isPositive();

    long id = open();
    app.runPaging();
    app.clock.advance(Duration.ofMinutes(30));
    app.runPaging();

    assertThat(capture.requests("/tessa")).isEmpty();
    assertThat(capture.requests("/sam")).isEmpty();
    JsonNode incident = app.incident(id);
    assertThat(incident.get("inMaintenance").asBoolean()).isTrue();
    assertThat(EscalationIT.texts(incident, "maintenance"))
        .containsExactly("In maintenance (oven upgrade): recorded, nobody paged");
    assertThat(app.getApi("/api/maintenance").json().get("windows")).hasSize(1);
  }

  @Test
  void aWindowScheduledAheadStopsAnEscalationWhenItBegins() {
    window(
        "{\"match\": {\"service\": \"pizza-factory\"}, \"from\": \"2026-11-28T16:12:00Z\", \"to\": \"2026-11-28T17:00:00Z\", \"reason\": \"planned failover\"}");
    long id = open();
    app.runPaging();
    assertThat(capture.requests("/tessa")).as("before the window, step 1 pages").hasSize(1);

    app.clock.advance(Duration.ofMinutes(5));
    app.runPaging();

    assertThat(capture.requests("/sam")).as("inside the window, step 2 does not").isEmpty();
    JsonNode incident = app.incident(id);
    assertThat(incident.get("inMaintenance").asBoolean()).isTrue();
    assertThat(EscalationIT.texts(incident, "escalation.stopped"))
        .containsExactly("Escalation stopped: maintenance began (planned failover)");
  }

  @Test
  void otherServicesAndEndedWindowsStillPage() {
    Reply window =
        window(
            "{\"match\": {\"service\": \"billing\"}, \"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\", \"reason\": \"billing only\"}");
    open();
    app.runPaging();
    assertThat(capture.requests("/tessa")).hasSize(1);

    Reply ended =
        TestApp.send(
            HttpRequest.newBuilder(
                    URI.create(app.url("/api/maintenance/" + window.json().get("id").asLong())))
                .header("Authorization", "Bearer " + TestApp.API_TOKEN)
                .DELETE());
    assertThat(ended.status()).isEqualTo(204);
    assertThat(app.getApi("/api/maintenance").json().get("windows")).isEmpty();
  }

  @Test
  void windowsFromTheConfigurationWork() {
    try (CaptureServer quiet = new CaptureServer();
        TestApp configured =
            TestApp.start(
                ConfigBuilder.from(TestApp.defaultConfig())
                    .withMaintenance(
                        List.of(
                            new MaintenanceEntry(
                                Map.of("service", "pizza-factory"),
                                "2026-11-28T15:00:00Z",
                                "2026-11-28T17:00:00Z",
                                "yearly drill")))
                    .build(),
                PagingSetup.team(quiet))) {
      configured.postWebhook(
          "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      configured.runPaging();
      assertThat(quiet.requests("/tessa")).isEmpty();
    }
  }

  @Test
  void matchMayNameItsLabelsExplicitly() {
    Reply window =
        window(
            "{\"match\": {\"labels\": {\"service\": \"pizza-factory\"}}, \"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\", \"reason\": \"oven upgrade\"}");
    assertThat(window.status()).isEqualTo(201);
    assertThat(window.json().get("match").get("service").asText()).isEqualTo("pizza-factory");
    open();
    app.runPaging();
    assertThat(capture.requests("/tessa")).isEmpty();
  }

  @Test
  void badWindowsAreRefused() {
    assertField(
        window(
            "{\"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\", \"reason\": \"x\"}"),
        "match");
    assertField(
        window(
            "{\"match\": {\"service\": 1}, \"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\", \"reason\": \"x\"}"),
        "match.service");
    assertField(
        window(
            "{\"match\": {\"service\": \"x\"}, \"from\": \"2026-11-28T18:00:00Z\", \"to\": \"2026-11-28T16:00:00Z\", \"reason\": \"x\"}"),
        "to");
    assertField(
        window(
            "{\"match\": {\"service\": \"x\"}, \"from\": \"tomorrow\", \"to\": \"2026-11-28T16:00:00Z\", \"reason\": \"x\"}"),
        "from");
    assertField(
        window(
            "{\"match\": {\"service\": \"x\"}, \"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\"}"),
        "reason");
    assertField(
        window(
            "{\"match\": {\"service\": \"x\"}, \"from\": \"2026-11-28T16:00:00Z\", \"to\": \"2026-11-28T18:00:00Z\", \"reason\": \"x\", \"until\": 1}"),
        "until");
  }

  private static void assertField(Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.json().get("field").asText()).isEqualTo(field);
  }

  private long open() {
    return app.postWebhook(
            "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"))
        .json()
        .get("incidentId")
        .asLong();
  }

  private Reply window(String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/api/maintenance")))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
