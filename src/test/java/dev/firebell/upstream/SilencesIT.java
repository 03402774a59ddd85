package dev.firebell.upstream;

import static dev.firebell.RealAlertmanager.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.FirebellProcess;
import dev.firebell.Fixtures;
import dev.firebell.MutableClock;
import dev.firebell.RealAlertmanager;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.GrafanaConfig;
import dev.firebell.config.SilencesConfig;
import dev.firebell.config.UpstreamApi;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silences back in the sender: against Debian's real Alertmanager (acknowledged → an active silence
 * with the group's matchers → the alert ends while silenced → Firebell resolves the incident and
 * expires the silence), and against Grafana's API as its documentation gives the requests and
 * answers, including a Grafana that is down.
 */
class SilencesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SILENCES = "/api/alertmanager/grafana/api/v2/silences";

  @Test
  void anAcknowledgementSilencesInAlertmanagerUntilTheAlertEnds(@TempDir Path dir)
      throws Exception {
    RealAlertmanager.skipUnlessInstalled();
    int port = FirebellProcess.freePort();
    String api = "http://127.0.0.1:" + port;
    FirebellConfig config =
        ConfigBuilder.from(TestApp.defaultConfig())
            .withSilences(
                new SilencesConfig(true, Duration.ofHours(2), new UpstreamApi(api, null)),
                GrafanaConfig.defaults())
            .build();
    MutableClock clock = MutableClock.at(Instant.now().toString());
    try (CaptureServer capture = new CaptureServer();
        TestApp firebell = TestApp.start(config, PagingTeam.of(capture), clock);
        RealAlertmanager alertmanager = RealAlertmanager.start(dir, port, firebell)) {
      Instant started = Instant.now().minusSeconds(60);
      alertmanager.postAlert(started, null);
      await(() -> !firebell.incidents("all").isEmpty(), "no incident from Alertmanager");
      long id = firebell.incidents("all").get(0).get("id").asLong();

      Reply ack = action(firebell, id, "ack", "{\"by\": \"tessa\"}");
      assertThat(ack.status()).isEqualTo(200);
      firebell.runPaging();
      assertThat(EscalationIT.texts(firebell.incident(id), "silence.created")).hasSize(1);
      JsonNode silence = activeSilence(alertmanager);
      assertThat(silence).as("an active silence in Alertmanager").isNotNull();
      assertThat(silence.get("createdBy").asText()).isEqualTo("Firebell");
      assertThat(silence.get("comment").asText())
          .contains("Acknowledged by tessa")
          .contains("/incidents/" + id);
      Map<String, String> matchers = new java.util.TreeMap<>();
      silence
          .get("matchers")
          .forEach(m -> matchers.put(m.get("name").asText(), m.get("value").asText()));
      assertThat(matchers)
          .containsExactlyEntriesOf(
              new java.util.TreeMap<>(
                  Map.of("alertname", "PizzaFailureSpike", "service", "pizza-factory")));

      clock.advance(Duration.ofMinutes(2));
      watch(firebell);
      assertThat(firebell.incident(id).get("status").asText())
          .as("the alert still fires: the incident stays acknowledged")
          .isEqualTo("acknowledged");

      alertmanager.postAlert(started, Instant.now().minusSeconds(1));
      clock.advance(Duration.ofMinutes(1));
      watch(firebell);
      assertThat(firebell.incident(id).get("status").asText()).isEqualTo("resolved");
      firebell.runPaging();
      assertThat(EscalationIT.texts(firebell.incident(id), "silence.expired")).hasSize(1);
      assertThat(activeSilence(alertmanager)).as("the silence is expired in Alertmanager").isNull();
    }
  }

  @Test
  void grafanaManagedAlertsAreSilencedThroughGrafanasApi() throws Exception {
    try (CaptureServer grafana = new CaptureServer();
        CaptureServer pages = new CaptureServer()) {
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withSilences(
                  new SilencesConfig(false, Duration.ofHours(12), UpstreamApi.NONE),
                  new GrafanaConfig(grafana.url("/"), "glsa_token"))
              .build();
      try (TestApp app = TestApp.start(config, PagingTeam.of(pages))) {
        long id = openGrafanaIncident(app);
        grafana.answer(SILENCES, json("{\"silenceID\": \"7f4d1a6c\"}"));
        Reply asked = action(app, id, "silence", "{\"by\": \"tessa\", \"duration\": \"2h\"}");
        assertThat(asked.status()).isEqualTo(202);
        assertThat(asked.json().get("outcome").asText()).isEqualTo("requested");
        assertThat(action(app, id, "silence", "{\"by\": \"tessa\"}").json().get("outcome").asText())
            .isEqualTo("already_silenced");
        assertThat(
                action(app, id, "silence", "{\"by\": \"tessa\", \"duration\": \"13h\"}").status())
            .isEqualTo(400);
        app.runPaging();

        RecordedRequest post = grafana.requests(SILENCES).get(0);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer glsa_token");
        JsonNode body = JSON.readTree(post.getBody().utf8());
        assertThat(body.get("matchers").findValuesAsText("name"))
            .containsExactly("alertname", "grafana_folder");
        assertThat(body.get("matchers").get(0).get("isEqual").asBoolean()).isTrue();
        assertThat(
                Duration.between(
                    Instant.parse(body.get("startsAt").asText()),
                    Instant.parse(body.get("endsAt").asText())))
            .isEqualTo(Duration.ofHours(2));
        assertThat(EscalationIT.texts(app.incident(id), "silence.created"))
            .containsExactly(
                "Silence 7f4d1a6c set in Grafana until "
                    + Instant.parse(body.get("endsAt").asText()));

        String alerts = "/api/alertmanager/grafana/api/v2/alerts";
        grafana.answer(
            alerts, json("[{\"labels\": {\"alertname\": \"Memory (copy)\"}}]"), json("[]"));
        app.clock.advance(Duration.ofMinutes(1));
        watch(app);
        assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");
        assertThat(grafana.requests(alerts).get(0).getUrl().queryParameterValues("filter"))
            .containsExactly("alertname=\"Memory (copy)\"", "grafana_folder=\"device\"");
        app.clock.advance(Duration.ofMinutes(1));
        watch(app);
        assertThat(app.incident(id).get("status").asText()).isEqualTo("resolved");
        app.runPaging();
        assertThat(grafana.requests("/api/alertmanager/grafana/api/v2/silence/7f4d1a6c"))
            .extracting(RecordedRequest::getMethod)
            .containsExactly("DELETE");
        assertThat(EscalationIT.texts(app.incident(id), "silence.expired")).hasSize(1);
      }
    }
  }

  @Test
  void aSenderThatIsDownNeverUndoesTheAcknowledgement() throws Exception {
    try (CaptureServer grafana = new CaptureServer();
        CaptureServer pages = new CaptureServer()) {
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withSilences(
                  new SilencesConfig(true, Duration.ofHours(12), UpstreamApi.NONE),
                  new GrafanaConfig(grafana.url("/"), null))
              .build();
      try (TestApp app = TestApp.start(config, PagingTeam.of(pages))) {
        long id = openGrafanaIncident(app);
        for (int i = 0; i < 10; i++) {
          grafana.answer(SILENCES, CaptureServer.status(503));
        }
        assertThat(action(app, id, "ack", "{\"by\": \"tessa\"}").status()).isEqualTo(200);
        for (int attempt = 0; attempt < 8; attempt++) {
          app.runPaging();
          app.clock.advance(Duration.ofMinutes(10));
        }
        assertThat(grafana.requests(SILENCES).size()).isGreaterThan(1);
        assertThat(app.incident(id).get("status").asText()).isEqualTo("acknowledged");
        assertThat(EscalationIT.texts(app.incident(id), "silence.failed"))
            .singleElement()
            .asString()
            .startsWith("Silence not set in Grafana after")
            .contains("HTTP 503");
      }
    }
  }

  @Test
  void anIncidentFromGrafanaIsAnnotatedOnItsPanelAndBecomesARegionWhenResolved() throws Exception {
    try (CaptureServer grafana = new CaptureServer();
        CaptureServer pages = new CaptureServer()) {
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withSilences(
                  SilencesConfig.defaults(),
                  new GrafanaConfig(grafana.url("/"), "glsa_token", true))
              .build();
      try (TestApp app = TestApp.start(config, PagingTeam.of(pages))) {
        grafana.answer("/api/annotations", json("{\"message\": \"Annotation added\", \"id\": 41}"));
        long id = openGrafanaIncident(app);
        RecordedRequest post = grafana.requests("/api/annotations").get(0);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getHeaders().get("Authorization")).isEqualTo("Bearer glsa_token");
        JsonNode created = JSON.readTree(post.getBody().utf8());
        assertThat(created.get("dashboardUID").asText())
            .isEqualTo("ece9fb32-7f71-4be9-bd94-2f23608ae5b9");
        assertThat(created.get("panelId").asLong()).isEqualTo(2);
        assertThat(Instant.ofEpochMilli(created.get("time").asLong()))
            .isEqualTo(
                Instant.parse(app.incident(id).get("startedAt").asText())
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(created.get("tags").toString())
            .contains("\"firebell\"")
            .contains("\"incident-" + id + "\"")
            .contains("\"" + app.incident(id).get("severity").asText() + "\"");
        assertThat(created.get("text").asText()).startsWith("Incident #" + id + " [");
        assertThat(created.has("timeEnd")).isFalse();

        action(app, id, "ack", "{\"by\": \"tessa\"}");
        app.runPaging();
        app.clock.advance(Duration.ofMinutes(3));
        action(app, id, "resolve", "{\"by\": \"tessa\"}");
        app.runPaging();
        java.util.List<RecordedRequest> patches = grafana.requests("/api/annotations/41");
        assertThat(patches).extracting(RecordedRequest::getMethod).containsOnly("PATCH");
        JsonNode last = JSON.readTree(patches.get(patches.size() - 1).getBody().utf8());
        assertThat(last.get("text").asText())
            .contains("Acknowledged by tessa at")
            .contains("Resolved at");
        assertThat(Instant.ofEpochMilli(last.get("timeEnd").asLong()))
            .isEqualTo(app.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
      }
    }
  }

  private static long openGrafanaIncident(TestApp app) {
    long id =
        app.open(
            "/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert_values_v11.json"));
    app.runPaging();
    return id;
  }

  private static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }

  private static void watch(TestApp app) throws Exception {
    for (Future<?> look : app.app().followUps().watch().run()) {
      look.get(30, TimeUnit.SECONDS);
    }
  }

  private static JsonNode activeSilence(RealAlertmanager alertmanager) throws Exception {
    Reply reply = alertmanager.get("/api/v2/silences");
    for (JsonNode silence : JSON.readTree(reply.body())) {
      if (silence.get("status").get("state").asText().equals("active")) {
        return silence;
      }
    }
    return null;
  }

  private static Reply action(TestApp app, long id, String action, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/api/incidents/" + id + "/" + action)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
