package dev.firebell.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read API's authentication, filters and errors. */
class ReadApiIT {
  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start();
    app.postWebhook("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.postWebhook("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-resolved.json"));
    app.postWebhook("/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert-9.json"));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  void needsAnApiToken() {
    Reply none = TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/api/incidents"))));
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(none.json().get("error").asText()).contains("token");

    Reply wrong =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/api/incidents/1")))
                .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN));
    assertThat(wrong.status()).isEqualTo(401);
  }

  @Test
  void filtersByStatusNewestFirst() {
    assertThat(app.incidents("open")).hasSize(1);
    assertThat(app.incidents("open").get(0).get("id").asLong()).isEqualTo(2);
    assertThat(app.incidents("resolved")).hasSize(1);
    assertThat(app.incidents("all"))
        .extracting(node -> node.get("id").asLong())
        .containsExactly(2L, 1L);
    assertThat(app.getApi("/api/incidents").json().get("incidents")).hasSize(1);
    assertThat(app.getApi("/api/incidents?status=all&limit=1").json().get("incidents")).hasSize(1);
  }

  @Test
  void badQueriesAndUnknownIdsAreClearErrors() {
    Reply badStatus = app.getApi("/api/incidents?status=closed");
    assertThat(badStatus.status()).isEqualTo(400);
    assertThat(badStatus.json().get("field").asText()).isEqualTo("status");

    assertThat(app.getApi("/api/incidents?limit=0").status()).isEqualTo(400);
    assertThat(app.getApi("/api/incidents/999").status()).isEqualTo(404);
    assertThat(app.getApi("/api/incidents/abc").status()).isEqualTo(404);
    assertThat(app.getApi("/api/incidents/999").json().get("error").asText()).contains("999");
  }

  @Test
  void healthIsOpenAndReportsTheDatabase() {
    Reply health = TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/healthz"))));
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("database").asText()).isEqualTo("up");
  }
}
