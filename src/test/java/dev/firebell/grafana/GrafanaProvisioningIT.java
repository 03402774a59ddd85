package dev.firebell.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files under {@code grafana/} have the fields Grafana's file provisioning requires, point at
 * Firebell's real paths, and the dashboard only queries metrics Firebell really exposes.
 */
class GrafanaProvisioningIT {
  private static final Path GRAFANA = Path.of("grafana");
  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void contactPointSendsToFirebellWithBearerCredentials() throws IOException {
    JsonNode file = yaml("provisioning/alerting/contact-points.yaml");
    assertThat(file.get("apiVersion").asInt()).isEqualTo(1);
    JsonNode point = file.get("contactPoints").get(0);
    assertThat(point.get("orgId").asInt()).isEqualTo(1);
    assertThat(point.get("name").asText()).isEqualTo("Firebell");
    JsonNode receiver = point.get("receivers").get(0);
    assertThat(receiver.get("uid").asText()).isNotBlank();
    assertThat(receiver.get("type").asText()).isEqualTo("webhook");
    assertThat(receiver.get("settings").get("url").asText())
        .isEqualTo("${FIREBELL_URL}/webhooks/grafana");
    assertThat(receiver.get("settings").get("authorization_scheme").asText()).isEqualTo("Bearer");
    assertThat(receiver.get("settings").get("authorization_credentials").asText())
        .isEqualTo("${FIREBELL_INGEST_TOKEN}");
    assertThat(Files.readString(GRAFANA.resolve("provisioning/alerting/contact-points.yaml")))
        .contains("# hmacConfig:")
        .contains("X-Grafana-Alerting-Signature");
  }

  @Test
  void policyRoutesToTheContactPointGroupedByAlertNameAndService() throws IOException {
    JsonNode file = yaml("provisioning/alerting/policies.yaml");
    assertThat(file.get("apiVersion").asInt()).isEqualTo(1);
    JsonNode policy = file.get("policies").get(0);
    assertThat(policy.get("orgId").asInt()).isEqualTo(1);
    assertThat(policy.get("receiver").asText()).isEqualTo("Firebell");
    assertThat(policy.get("group_by").toString()).isEqualTo("[\"alertname\",\"service\"]");
  }

  @Test
  void pizzaRuleHasWhatFirebellUses() throws IOException {
    JsonNode file = yaml("provisioning/alerting/pizza-rules.yaml");
    assertThat(file.get("apiVersion").asInt()).isEqualTo(1);
    JsonNode group = file.get("groups").get(0);
    for (String field : new String[] {"orgId", "name", "folder", "interval", "rules"}) {
      assertThat(group.has(field)).as(field).isTrue();
    }
    JsonNode rule = group.get("rules").get(0);
    for (String field :
        new String[] {"uid", "title", "condition", "data", "for", "noDataState", "execErrState"}) {
      assertThat(rule.has(field)).as(field).isTrue();
    }
    Set<String> refIds = new HashSet<>();
    rule.get("data")
        .forEach(
            query -> {
              refIds.add(query.get("refId").asText());
              assertThat(query.get("datasourceUid").asText())
                  .isIn("firebell-prometheus", "__expr__");
              assertThat(query.get("model").get("refId").asText())
                  .isEqualTo(query.get("refId").asText());
            });
    assertThat(refIds).contains(rule.get("condition").asText());
    assertThat(rule.get("labels").get("severity").asText()).isEqualTo("critical");
    assertThat(rule.get("labels").get("service").asText()).isEqualTo("pizza-factory");
    assertThat(rule.get("annotations").fieldNames())
        .toIterable()
        .contains("summary", "description", "runbook_url");
    assertThat(rule.get("annotations").get("description").asText())
        .contains("$$values")
        .doesNotContain(" $values");
  }

  @Test
  void dataSourceAndDashboardProviderAreComplete() throws IOException {
    JsonNode datasources = yaml("provisioning/datasources/firebell-prometheus.yaml");
    assertThat(datasources.get("apiVersion").asInt()).isEqualTo(1);
    JsonNode prometheus = datasources.get("datasources").get(0);
    assertThat(prometheus.get("type").asText()).isEqualTo("prometheus");
    assertThat(prometheus.get("uid").asText()).isEqualTo("firebell-prometheus");
    assertThat(prometheus.get("url").asText()).isEqualTo("${PROMETHEUS_URL}");
    assertThat(prometheus.get("access").asText()).isEqualTo("proxy");

    JsonNode providers = yaml("provisioning/dashboards/firebell.yaml");
    assertThat(providers.get("apiVersion").asInt()).isEqualTo(1);
    JsonNode provider = providers.get("providers").get(0);
    assertThat(provider.get("type").asText()).isEqualTo("file");
    assertThat(provider.get("options").get("path").asText()).isNotBlank();

    JsonNode dashboard =
        new ObjectMapper().readTree(GRAFANA.resolve("dashboards/firebell.json").toFile());
    assertThat(dashboard.get("uid").asText()).isEqualTo("firebell");
    assertThat(dashboard.get("title").asText()).isEqualTo("Firebell");
    assertThat(dashboard.get("panels")).isNotEmpty();
    dashboard
        .get("panels")
        .forEach(
            panel -> {
              assertThat(panel.get("datasource").get("uid").asText())
                  .isEqualTo("firebell-prometheus");
              assertThat(panel.get("gridPos").has("w")).isTrue();
            });
  }

  @Test
  void everyMetricTheDashboardQueriesIsExposed() throws IOException {
    Set<String> queried = new TreeSet<>();
    JsonNode dashboard =
        new ObjectMapper().readTree(GRAFANA.resolve("dashboards/firebell.json").toFile());
    Pattern metric = Pattern.compile("\\b((?:firebell|http_server)_[a-z_]+)");
    dashboard
        .get("panels")
        .forEach(
            panel ->
                panel
                    .get("targets")
                    .forEach(
                        target -> {
                          Matcher matcher = metric.matcher(target.get("expr").asText());
                          while (matcher.find()) {
                            queried.add(matcher.group(1));
                          }
                        }));
    assertThat(queried)
        .contains("firebell_incidents_open", "firebell_pages_total", "firebell_outbox_pending");

    String exposed = scrapeAfterAWholeIncident();
    for (String name : queried) {
      assertThat(exposed).as(name).containsPattern("(?m)^" + name + "[{ ]");
    }
  }

  private static String scrapeAfterAWholeIncident() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id =
          app.postWebhook(
                  "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"))
              .json()
              .get("incidentId")
              .asLong();
      app.postWebhook("/webhooks/grafana", "not json");
      app.runPaging();
      TestApp.send(
          HttpRequest.newBuilder(URI.create(app.url("/api/incidents/" + id + "/ack")))
              .header("Authorization", "Bearer " + TestApp.API_TOKEN)
              .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"tessa\"}")));
      app.postWebhook(
          "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-resolved.json"));
      return TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/metrics")))).body();
    }
  }

  private static JsonNode yaml(String file) throws IOException {
    return YAML.readTree(GRAFANA.resolve(file).toFile());
  }
}
