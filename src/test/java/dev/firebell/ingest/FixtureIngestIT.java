package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Posts every webhook body of the shared fixtures, each to a fresh server, and checks the answer
 * and the incident it leaves behind.
 */
class FixtureIngestIT {

  static Stream<Arguments> fixtures() {
    return Stream.of(
        // Grafana's own sources
        opened("grafana/grafana-firing-two-alerts.json", 2),
        opened("grafana/grafana-firing-one-alert-default-payload-template.json", 1),
        rejected("grafana/grafana-test-notification-alert-params.json", "alerts"),
        rejected("grafana/grafana-custom-payload-alertmanager-like.json", "custom payload"),
        rejected("alertmanager/alertmanager-alerts-array-tojson.json", "custom payload"),
        // Captured from Grafana servers
        opened("captured/grafana-unified/alert-9.json", 1),
        outcome("captured/grafana-unified/alert-9-resolved.json", "ignored"),
        opened("captured/grafana-unified/alert-9-multiple.json", 3),
        opened("captured/grafana-unified/alert-9-mixed.json", 3),
        opened("captured/grafana-unified/alert_alerts_style_missing_fields.json", 1),
        opened("captured/grafana-unified/alert_multiple_v8.json", 2),
        opened("captured/grafana-unified/alert_new.json", 1),
        opened("captured/grafana-unified/alert_new_multiple.json", 2),
        opened("captured/grafana-unified/alert_new_no_alertname.json", 1),
        outcome("captured/grafana-unified/alert_new_no_labels.json", "ignored"),
        opened("captured/grafana-unified/alert_new_values.json", 1),
        opened("captured/grafana-unified/alert_no_alertname_v11.json", 1),
        opened("captured/grafana-unified/alert_v8.json", 1),
        opened("captured/grafana-unified/alert_v8_missing_field.json", 1),
        opened("captured/grafana-unified/alert_values_v11.json", 1),
        rejected("captured/grafana-legacy/alert.json", "legacy"),
        rejected("captured/grafana-legacy/alert_ok.json", "legacy"),
        rejected("captured/grafana-legacy/alert_paused_v7.json", "legacy"),
        rejected("captured/grafana-legacy/alert_pending.json", "legacy"),
        rejected("captured/grafana-legacy/no_data_alert_v7.json", "legacy"),
        rejected("captured/grafana-legacy/no_message_alert.json", "legacy"),
        rejected("captured/grafana-legacy/alert_test_anomalous_notification.json", "alerts"),
        // Alertmanager
        opened("captured/alertmanager/alert.json", 2),
        outcome("captured/alertmanager/single_alert.json", "ignored"),
        opened("captured/alertmanager/single_alert_no_url.json", 1),
        opened("alertmanager-live/am-firing.json", 1),
        outcome("alertmanager-live/am-resolved.json", "ignored"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void everyWebhookBodyGetsItsAnswer(String fixture, Expectation expected) {
    try (TestApp app = TestApp.start()) {
      Reply reply = app.postWebhook(endpoint(fixture), body(fixture));

      assertThat(reply.status()).as(reply.toString()).isEqualTo(expected.status());
      if (expected.status() != 200) {
        assertThat(reply.json().get("error").asText()).contains(expected.errorMention());
        assertThat(app.incidents("all")).isEmpty();
        return;
      }
      assertThat(reply.json().get("outcome").asText()).isEqualTo(expected.outcome());
      if (expected.outcome().equals("ignored")) {
        assertThat(app.incidents("all")).isEmpty();
        return;
      }
      JsonNode incident = app.incident(reply.json().get("incidentId").asLong());
      assertThat(incident.get("alerts")).hasSize(expected.alerts());
      assertThat(kinds(incident)).contains("notification.received", "alert.fired");
      assertThat(incident.get("title").asText()).isNotBlank().doesNotStartWith("[");
    }
  }

  static String endpoint(String fixture) {
    return fixture.contains("alertmanager") ? "/webhooks/alertmanager" : "/webhooks/grafana";
  }

  /** The one fixture with Go's "%s" placeholder gets a real start time, as Grafana's test does. */
  static String body(String fixture) {
    return Fixtures.read(fixture).replace("\"%s\"", "\"2026-11-28T16:05:00.123456789Z\"");
  }

  static List<String> kinds(JsonNode incident) {
    List<String> kinds = new ArrayList<>();
    incident.get("timeline").forEach(entry -> kinds.add(entry.get("kind").asText()));
    return kinds;
  }

  private static Arguments opened(String fixture, int alerts) {
    return Arguments.of(fixture, new Expectation(200, "opened", alerts, null));
  }

  private static Arguments outcome(String fixture, String outcome) {
    return Arguments.of(fixture, new Expectation(200, outcome, 0, null));
  }

  private static Arguments rejected(String fixture, String errorMention) {
    return Arguments.of(fixture, new Expectation(400, null, 0, errorMention));
  }

  record Expectation(int status, String outcome, int alerts, String errorMention) {
    @Override
    public String toString() {
      return status + " " + (outcome == null ? errorMention : outcome);
    }
  }
}
