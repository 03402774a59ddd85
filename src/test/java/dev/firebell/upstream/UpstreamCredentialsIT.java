package dev.firebell.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.config.GrafanaConfig;
import dev.firebell.config.SilencesConfig;
import dev.firebell.config.UpstreamApi;
import dev.firebell.config.UpstreamConfig;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/**
 * A payload never decides where a credential goes: a webhook naming another host as its {@code
 * externalURL} makes Firebell send nothing there, neither annotations nor silences, and a token
 * goes only to the URL configured beside it. An {@code externalURL} is called only when its origin
 * is allowed, and then without any token.
 */
class UpstreamCredentialsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aGrafanaWebhookNamingAnotherHostGetsNeitherTheTokenNorAnyRequest() throws Exception {
    try (CaptureServer grafana = new CaptureServer();
        CaptureServer attacker = new CaptureServer();
        CaptureServer pages = new CaptureServer()) {
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withSilences(
                  new SilencesConfig(true, Duration.ofHours(2), UpstreamApi.NONE),
                  new GrafanaConfig(grafana.url("/"), "glsa_secret", true))
              .build();
      try (TestApp app = TestApp.start(config, PagingTeam.of(pages))) {
        grafana.answer("/api/annotations", json("{\"id\": 41}"));
        long id =
            app.open(
                "/webhooks/grafana",
                withExternalUrl(
                    "captured/grafana-unified/alert_values_v11.json", attacker.url("/")));
        app.runPaging();
        ack(app, id);
        app.runPaging();

        assertThat(attacker.requests("/api/annotations")).isEmpty();
        assertThat(allRequests(attacker)).as("nothing at all reaches the named host").isEmpty();
        RecordedRequest annotation = grafana.requests("/api/annotations").get(0);
        assertThat(annotation.getHeaders().get("Authorization")).isEqualTo("Bearer glsa_secret");
        assertThat(grafana.requests("/api/alertmanager/grafana/api/v2/silences"))
            .as("the silence goes to the configured Grafana")
            .hasSize(1);
      }
    }
  }

  @Test
  void anAlertmanagerWebhookNamingAnotherHostGetsNoSilence() throws Exception {
    try (CaptureServer alertmanager = new CaptureServer();
        CaptureServer attacker = new CaptureServer();
        CaptureServer pages = new CaptureServer()) {
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withSilences(
                  new SilencesConfig(
                      true,
                      Duration.ofHours(2),
                      new UpstreamApi(alertmanager.url("/"), "am-secret")),
                  GrafanaConfig.defaults())
              .build();
      try (TestApp app = TestApp.start(config, PagingTeam.of(pages))) {
        long id =
            app.open(
                "/webhooks/alertmanager",
                withExternalUrl("alertmanager-live/am-firing.json", attacker.url("/")));
        ack(app, id);
        app.runPaging();
        assertThat(allRequests(attacker)).isEmpty();
        RecordedRequest silence = alertmanager.requests("/api/v2/silences").get(0);
        assertThat(silence.getHeaders().get("Authorization")).isEqualTo("Bearer am-secret");
      }
    }
  }

  @Test
  void anExternalUrlIsCalledOnlyWhenItsOriginIsAllowedAndNeverWithAToken() throws Exception {
    try (CaptureServer allowed = new CaptureServer();
        CaptureServer other = new CaptureServer();
        CaptureServer pages = new CaptureServer()) {
      String origin = allowed.url("/").replaceAll("/$", "");
      FirebellConfig config =
          ConfigBuilder.from(TestApp.defaultConfig())
              .withSilences(
                  new SilencesConfig(true, Duration.ofHours(2), UpstreamApi.NONE),
                  GrafanaConfig.defaults())
              .withUpstream(new UpstreamConfig(List.of(origin)))
              .build();
      try (TestApp app = TestApp.start(config, PagingTeam.of(pages))) {
        long refused =
            app.open(
                "/webhooks/alertmanager",
                withExternalUrl("alertmanager-live/am-firing.json", other.url("/")));
        ack(app, refused);
        app.runPaging();
        assertThat(allRequests(other)).isEmpty();

        ObjectNode second =
            (ObjectNode)
                JSON.readTree(
                    withExternalUrl("alertmanager-live/am-firing.json", allowed.url("/")));
        second.put("groupKey", "{}:{alertname=\"another\"}");
        long taken = app.open("/webhooks/alertmanager", second.toString());
        ack(app, taken);
        app.runPaging();
        RecordedRequest silence = allowed.requests("/api/v2/silences").get(0);
        assertThat(silence.getHeaders().get("Authorization")).isNull();
      }
    }
  }

  private static String withExternalUrl(String fixture, String url) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.read(fixture));
    body.put("externalURL", url);
    return body.toString();
  }

  private static List<RecordedRequest> allRequests(CaptureServer server) {
    return server.requestsAll();
  }

  private static void ack(TestApp app, long id) {
    TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/api/incidents/" + id + "/ack")))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"tessa\"}")));
  }

  private static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }
}
