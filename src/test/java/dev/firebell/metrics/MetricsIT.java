package dev.firebell.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.MetricsConfig;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes from /metrics after a real incident, and the health endpoints. */
class MetricsIT {
  private static final Pattern METRIC_NAME = Pattern.compile("firebell_[a-z_]+");

  @Test
  void anIncidentShowsUpInTheMetrics() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      String firing = Fixtures.read("alertmanager-live/am-firing.json");
      long id = app.postWebhook("/webhooks/alertmanager", firing).json().get("incidentId").asLong();
      app.postWebhook("/webhooks/alertmanager", firing);
      app.postWebhook("/webhooks/alertmanager", "{\"not\": \"alertmanager\"}");
      TestApp.send(
          HttpRequest.newBuilder(URI.create(app.url("/webhooks/grafana")))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(firing)));
      app.runPaging();
      app.clock.advance(Duration.ofMinutes(3));
      TestApp.send(
          HttpRequest.newBuilder(URI.create(app.url("/api/incidents/" + id + "/ack")))
              .header("Authorization", "Bearer " + TestApp.API_TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"tessa\"}")));

      Reply metrics = TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/metrics"))));
      assertThat(metrics.status()).isEqualTo(200);
      assertThat(metrics.header("Content-Type")).startsWith("text/plain");
      assertThat(metrics.body())
          .contains(
              "firebell_webhooks_received_total{outcome=\"accepted\",source=\"alertmanager\"} 1.0")
          .contains(
              "firebell_webhooks_received_total{outcome=\"duplicate\",source=\"alertmanager\"} 1.0")
          .contains(
              "firebell_webhooks_received_total{outcome=\"invalid\",source=\"alertmanager\"} 1.0")
          .contains(
              "firebell_webhooks_received_total{outcome=\"unauthorized\",source=\"grafana\"} 1.0")
          .contains(
              "firebell_incidents_opened_total{service=\"pizza-factory\",severity=\"SEV-1\"} 1.0")
          .contains("firebell_incidents_open{status=\"acknowledged\"} 1.0")
          .contains(
              "firebell_pages_total{channel=\"webhook\",kind=\"page\",outcome=\"delivered\"} 1.0")
          .contains(
              "firebell_time_to_acknowledge_seconds_bucket{service=\"pizza-factory\",severity=\"SEV-1\",le=\"300.0\"} 1")
          .contains(
              "firebell_time_to_acknowledge_seconds_bucket{service=\"pizza-factory\",severity=\"SEV-1\",le=\"120.0\"} 0")
          .contains("firebell_outbox_pending ")
          .contains("firebell_outbox_oldest_age_seconds ")
          .contains("jvm_memory_used_bytes")
          .contains(
              "http_server_requests_seconds_count{method=\"POST\",route=\"/webhooks/alertmanager\",status=\"200\"} 2");
    }
  }

  @Test
  void metricsCanRequireAToken() {
    try (TestApp app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withMetrics(new MetricsConfig("scrape-me"))
                .build())) {
      assertThat(TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/metrics")))).status())
          .isEqualTo(401);
      Reply ok =
          TestApp.send(
              HttpRequest.newBuilder(URI.create(app.url("/metrics")))
                  .header("Authorization", "Bearer scrape-me"));
      assertThat(ok.status()).isEqualTo(200);
    }
  }

  @Test
  void healthAndReadiness() {
    try (TestApp app = TestApp.start()) {
      Reply ready = TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/readyz"))));
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("status").asText()).isEqualTo("ready");
      assertThat(TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/healthz")))).status())
          .isEqualTo(200);
    }
  }

  @Test
  void everySeriesTheShippedDashboardQueriesExistsRightAfterStart() throws IOException {
    Set<String> queried = new TreeSet<>();
    try (Stream<Path> dashboards = Files.list(Path.of("grafana/dashboards"))) {
      for (Path dashboard : dashboards.toList()) {
        Matcher names = METRIC_NAME.matcher(Files.readString(dashboard));
        while (names.find()) {
          queried.add(names.group());
        }
      }
    }
    assertThat(queried).hasSizeGreaterThan(5);
    try (TestApp app = TestApp.start()) {
      String metrics = TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/metrics")))).body();
      for (String name : queried) {
        assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[{ ]");
      }
      assertThat(metrics)
          .contains("firebell_incidents_resolved_total{service=\"\",severity=\"SEV-1\"} 0.0")
          .contains("firebell_pages_total{channel=\"slack\",kind=\"page\",outcome=\"failed\"} 0.0");
    }
  }

  @Test
  void theServiceTagKeepsFiftyServicesAndCountsTheRestAsOther() {
    try (TestApp app = TestApp.start()) {
      for (int n = 0; n < 60; n++) {
        app.postWebhook("/webhooks/alertmanager", Payloads.group("service-" + n, n + 1));
      }
      String metrics = TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/metrics")))).body();
      List<String> opened =
          metrics
              .lines()
              .filter(line -> line.startsWith("firebell_incidents_opened_total{service=\"service-"))
              .toList();
      assertThat(opened).hasSize(50);
      assertThat(metrics)
          .contains("firebell_incidents_opened_total{service=\"other\",severity=\"SEV-1\"} 10.0");
    }
  }
}
