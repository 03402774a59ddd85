package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.IncidentsConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a responder sees in the API after Grafana and Alertmanager deliver real notifications. */
class IncidentLifecycleIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String AM_FIRING = "alertmanager-live/am-firing.json";
  private static final String AM_RESOLVED = "alertmanager-live/am-resolved.json";

  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start();
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void alertmanagerFiringOpensAnIncidentWithItsAlertAndTimeline() {
    Reply reply = app.postWebhook("/webhooks/alertmanager", Fixtures.read(AM_FIRING));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("outcome").asText()).isEqualTo("opened");
    JsonNode incident = app.incident(reply.json().get("incidentId").asLong());
    assertThat(incident.get("title").asText())
        .isEqualTo("PizzaFailureSpike: Pizza order failures are spiking on 127.0.0.1:38109");
    assertThat(incident.get("severity").asText()).isEqualTo("SEV-1");
    assertThat(incident.get("service").asText()).isEqualTo("pizza-factory");
    assertThat(incident.get("status").asText()).isEqualTo("triggered");
    assertThat(incident.get("test").asBoolean()).isFalse();
    assertThat(incident.get("openedAt").asText()).isEqualTo("2026-11-28T16:10:00Z");
    JsonNode alert = incident.get("alerts").get(0);
    assertThat(alert.get("fingerprint").asText()).isEqualTo("3882edc8bf9333c9");
    assertThat(alert.get("status").asText()).isEqualTo("firing");
    assertThat(alert.get("startsAt").asText()).isEqualTo("2026-11-28T16:07:35.577Z");
    assertThat(alert.get("endsAt").isNull()).isTrue();
    assertThat(alert.get("labels").get("severity").asText()).isEqualTo("critical");
    assertThat(alert.get("generatorURL").asText()).startsWith("http://127.0.0.1:52803/graph");
    assertThat(entries(incident))
        .startsWith(
            "2026-11-28T16:07:35.577Z alert.fired system",
            "2026-11-28T16:10:00Z notification.received system");
  }

  @Test
  void grafanaAlertKeepsItsLinksValuesAndATitleWithoutTheStatusPrefix() {
    String body = Fixtures.read("captured/grafana-unified/alert_values_v11.json");
    JsonNode incident = app.incident(open("/webhooks/grafana", body));

    assertThat(incident.get("title").asText()).isEqualTo("Memory (copy) device (true)");
    assertThat(incident.get("service").asText()).isEqualTo("Memory (copy)");
    assertThat(incident.get("severity").asText()).isEqualTo("SEV-3");
    JsonNode alert = incident.get("alerts").get(0);
    assertThat(alert.get("values").get("A").asLong()).isEqualTo(2473545728L);
    assertThat(alert.get("valueString").asText()).contains("var='A'");
    assertThat(alert.get("dashboardURL").asText()).startsWith("https://");
    assertThat(alert.get("panelURL").asText()).contains("viewPanel");
    assertThat(alert.get("silenceURL").asText()).contains("alerting/silence/new");
    assertThat(alert.get("imageURL").asText()).startsWith("http");
    assertThat(incident.get("timeline").get(0).get("text").asText())
        .startsWith("Memory (copy) fired")
        .contains("A=2473545728");
  }

  @Test
  void repeatedDeliveriesAddNothing() {
    String body = Fixtures.read("captured/grafana-unified/alert-9-multiple.json");
    long id = open("/webhooks/grafana", body);
    app.runPaging();
    JsonNode before = app.incident(id);

    for (int repeat = 0; repeat < 3; repeat++) {
      app.clock.advance(java.time.Duration.ofMinutes(5));
      Reply reply = app.postWebhook("/webhooks/grafana", body);
      assertThat(reply.json().get("outcome").asText()).isEqualTo("unchanged");
      assertThat(reply.json().get("incidentId").asLong()).isEqualTo(id);
    }

    assertThat(app.incidents("all")).hasSize(1);
    assertThat(app.incident(id).get("timeline")).isEqualTo(before.get("timeline"));
  }

  @Test
  void twentyConcurrentIdenticalDeliveriesMakeOneIncident() throws Exception {
    String body = Fixtures.read("captured/grafana-unified/alert-9-multiple.json");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Callable<Reply>> deliveries = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        deliveries.add(() -> app.postWebhook("/webhooks/grafana", body));
      }
      List<Long> ids = new ArrayList<>();
      for (Future<Reply> reply : pool.invokeAll(deliveries)) {
        assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
        ids.add(reply.get().json().get("incidentId").asLong());
      }
      assertThat(ids).containsOnly(ids.get(0));
    } finally {
      pool.shutdownNow();
    }

    assertThat(app.incidents("all")).hasSize(1);
    JsonNode incident = app.incident(app.incidents("all").get(0).get("id").asLong());
    assertThat(incident.get("alerts")).hasSize(3);
    assertThat(FixtureKinds.count(incident, "alert.fired")).isEqualTo(3);
    assertThat(FixtureKinds.count(incident, "notification.received")).isEqualTo(1);
  }

  @Test
  void eachAlertsOwnStatusCountsUntilEveryAlertHasResolved() throws IOException {
    String multiple = Fixtures.read("captured/grafana-unified/alert-9-multiple.json");
    long id = open("/webhooks/grafana", multiple);

    // A "firing" notification in which two of the three alerts have resolved.
    app.clock.advance(java.time.Duration.ofMinutes(3));
    Reply partial =
        app.postWebhook(
            "/webhooks/grafana", resolveAlerts(multiple, "Test alert", "2022-06-17T01:15:00Z"));

    assertThat(partial.json().get("outcome").asText()).isEqualTo("updated");
    JsonNode afterPartial = app.incident(id);
    assertThat(afterPartial.get("status").asText()).isEqualTo("triggered");
    assertThat(FixtureKinds.count(afterPartial, "alert.resolved")).isEqualTo(2);

    Reply full =
        app.postWebhook("/webhooks/grafana", allResolved(multiple, "2022-06-17T01:20:00Z"));

    assertThat(full.json().get("incidentStatus").asText()).isEqualTo("resolved");
    JsonNode resolved = app.incident(id);
    assertThat(resolved.get("status").asText()).isEqualTo("resolved");
    assertThat(resolved.get("resolvedAt").asText()).isEqualTo("2022-06-17T01:20:00Z");
    assertThat(FixtureKinds.count(resolved, "alert.resolved")).isEqualTo(3);
    assertThat(FixtureKinds.count(resolved, "incident.resolved")).isEqualTo(1);
  }

  @Test
  void aLateResolutionOfAnEarlierEpisodeDoesNotResolveTheAlertAgain() {
    // alert-9-mixed resolves "Test alert" instances that started at 01:04, before the 01:11
    // episode that alert-9-multiple reports: it belongs to an earlier episode.
    long id =
        open("/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert-9-multiple.json"));
    Reply late =
        app.postWebhook(
            "/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert-9-mixed.json"));

    assertThat(late.json().get("outcome").asText()).isEqualTo("unchanged");
    assertThat(FixtureKinds.count(app.incident(id), "alert.resolved")).isZero();
  }

  @Test
  void aGroupThatFiresAgainAfterResolutionOpensALinkedIncident() throws IOException {
    long first = open("/webhooks/alertmanager", Fixtures.read(AM_FIRING));
    app.postWebhook("/webhooks/alertmanager", Fixtures.read(AM_RESOLVED));
    assertThat(app.incident(first).get("status").asText()).isEqualTo("resolved");

    // A late copy of the old firing notification must not reopen anything.
    Reply stale = app.postWebhook("/webhooks/alertmanager", Fixtures.read(AM_FIRING));
    assertThat(stale.json().get("outcome").asText()).isEqualTo("ignored");

    String refire = withStartsAt(Fixtures.read(AM_FIRING), "2026-11-28T16:30:00Z");
    long second = open("/webhooks/alertmanager", refire);

    assertThat(second).isNotEqualTo(first);
    JsonNode incident = app.incident(second);
    assertThat(incident.get("previousIncidentId").asLong()).isEqualTo(first);
    assertThat(incident.get("status").asText()).isEqualTo("triggered");
    assertThat(app.incidents("open")).hasSize(1);
    assertThat(app.incidents("resolved")).hasSize(1);
  }

  @Test
  void grafanasContactPointTestIsATestIncident() {
    JsonNode firing =
        app.incident(
            open(
                "/webhooks/grafana",
                Fixtures.read("captured/grafana-unified/alert_v8_missing_field.json")));
    assertThat(firing.get("test").asBoolean()).isTrue();
    assertThat(firing.get("alerts").get(0).get("startsAt").asText())
        .isEqualTo("2026-05-27T15:36:00.112013Z");

    JsonNode alreadyResolved =
        app.incident(
            open("/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert_v8.json")));
    assertThat(alreadyResolved.get("test").asBoolean()).isTrue();
    assertThat(alreadyResolved.get("status").asText()).isEqualTo("resolved");
  }

  @Test
  void grafanaMaySendPut() {
    Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/webhooks/grafana")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN)
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        Fixtures.read("captured/grafana-unified/alert-9.json"))));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("outcome").asText()).isEqualTo("opened");
  }

  @Test
  void withoutAutoResolveTheIncidentStaysOpen() {
    try (TestApp manual =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withIncidents(new IncidentsConfig(false))
                .build())) {
      Reply opened = manual.postWebhook("/webhooks/alertmanager", Fixtures.read(AM_FIRING));
      manual.postWebhook("/webhooks/alertmanager", Fixtures.read(AM_RESOLVED));

      JsonNode incident = manual.incident(opened.json().get("incidentId").asLong());
      assertThat(incident.get("status").asText()).isEqualTo("triggered");
      assertThat(incident.get("alerts").get(0).get("status").asText()).isEqualTo("resolved");
    }
  }

  private long open(String path, String body) {
    Reply reply = app.postWebhook(path, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.json().get("outcome").asText()).isEqualTo("opened");
    return reply.json().get("incidentId").asLong();
  }

  private static List<String> entries(JsonNode incident) {
    List<String> entries = new ArrayList<>();
    incident
        .get("timeline")
        .forEach(
            entry ->
                entries.add(
                    entry.get("at").asText()
                        + " "
                        + entry.get("kind").asText()
                        + " "
                        + entry.get("actor").asText()));
    return entries;
  }

  /** The same notification with the alerts of one name resolved. */
  private static String resolveAlerts(String body, String alertName, String endsAt)
      throws IOException {
    JsonNode tree = JSON.readTree(body);
    for (JsonNode alert : tree.get("alerts")) {
      if (alert.get("labels").get("alertname").asText().equals(alertName)) {
        ((ObjectNode) alert).put("status", "resolved").put("endsAt", endsAt);
      }
    }
    return JSON.writeValueAsString(tree);
  }

  /** The same notification, later, with every alert resolved. */
  private static String allResolved(String body, String endsAt) throws IOException {
    JsonNode tree = JSON.readTree(body);
    ((ObjectNode) tree).put("status", "resolved");
    for (JsonNode alert : tree.get("alerts")) {
      if (alert.get("status").asText().equals("firing")) {
        ((ObjectNode) alert).put("status", "resolved").put("endsAt", endsAt);
      }
    }
    return JSON.writeValueAsString(tree);
  }

  /** The same alert firing again from a later start. */
  private static String withStartsAt(String body, String startsAt) throws IOException {
    JsonNode tree = JSON.readTree(body);
    tree.get("alerts").forEach(alert -> ((ObjectNode) alert).put("startsAt", startsAt));
    return JSON.writeValueAsString(tree);
  }

  /** Counts timeline entries of one kind. */
  static final class FixtureKinds {
    static long count(JsonNode incident, String kind) {
      long count = 0;
      for (JsonNode entry : incident.get("timeline")) {
        count += entry.get("kind").asText().equals(kind) ? 1 : 0;
      }
      return count;
    }
  }
}
