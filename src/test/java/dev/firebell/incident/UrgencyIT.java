package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.config.Urgency;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Route;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An incident's urgency: its severity's, or its route's, in its JSON, its page and its timeline.
 * The live Alertmanager capture is {@code severity: critical}, so SEV-1 and high by default.
 */
class UrgencyIT {

  @Test
  void theSeveritysUrgencyIsShownInTheIncidentAndItsPage() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      long id = app.open("/webhooks/alertmanager", Payloads.group("checkout", 1));
      JsonNode incident = app.incident(id);
      assertThat(incident.get("severity").asText()).isEqualTo("SEV-1");
      assertThat(incident.get("urgency").asText()).isEqualTo("high");
      assertThat(incident.get("timeline").findValuesAsText("kind"))
          .doesNotContain("incident.urgency");
      app.runPaging();
      assertThat(capture.json("/tessa").get(0).get("urgency").asText()).isEqualTo("high");

      long declared =
          DeclareIT.declare(
                  app,
                  "{\"title\": \"Slow reports\", \"severity\": \"SEV-4\", \"by\": \"tessa\","
                      + " \"person\": \"sam\"}")
              .json()
              .get("id")
              .asLong();
      assertThat(app.incident(declared).get("urgency").asText()).isEqualTo("low");
    }
  }

  @Test
  void aRouteSetsItsOwnUrgencyAndTheTimelineSaysSo() {
    try (CaptureServer capture = new CaptureServer()) {
      OnCall team = PagingSetup.team(capture);
      OnCall quietRoute =
          new OnCall(
              team.people(),
              team.schedules(),
              team.policies(),
              List.of(new Route(Map.of(), List.of(), Urgency.LOW, "default")),
              List.of());
      try (TestApp app = TestApp.start(TestApp.defaultConfig(), quietRoute)) {
        long id = app.open("/webhooks/alertmanager", Payloads.group("billing", 2));
        JsonNode incident = app.incident(id);
        assertThat(incident.get("severity").asText()).isEqualTo("SEV-1");
        assertThat(incident.get("urgency").asText()).isEqualTo("low");
        assertThat(incident.get("timeline").findValuesAsText("text"))
            .contains("Urgency low, as its route sets it");
        app.runPaging();
        assertThat(capture.json("/tessa").get(0).get("urgency").asText()).isEqualTo("low");
      }
    }
  }
}
