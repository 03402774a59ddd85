package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every class of bad webhook input gets a 4xx naming the problem, and nothing is stored. */
class BadInputIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD = Fixtures.read("captured/grafana-unified/alert-9.json");

  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start();
  }

  @AfterEach
  void stopAndCheckNothingWasStored() {
    assertThat(app.incidents("all")).isEmpty();
    app.close();
  }

  @Test
  void aBodyOfTheOtherSenderNamesTheEndpointToUse() {
    assertError(
        app.postWebhook("/webhooks/alertmanager", GOOD), 400, "version", "/webhooks/grafana");
    assertError(
        app.postWebhook("/webhooks/grafana", Fixtures.read("alertmanager-live/am-firing.json")),
        400,
        "version",
        "/webhooks/alertmanager");
  }

  @Test
  void notJson() {
    assertError(
        app.postWebhook("/webhooks/grafana", "{\"alerts\": [}"), 400, null, "not valid JSON");
    assertError(app.postWebhook("/webhooks/grafana", ""), 400, null, "empty");
  }

  @Test
  void wrongContentType() {
    Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/webhooks/grafana")))
                .header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(GOOD)));
    assertError(reply, 415, "Content-Type", "application/json");
  }

  @Test
  void bodyOverTheLimit() {
    String huge = GOOD.replace("This is a description", "x".repeat(17_000_000));
    assertError(app.postWebhook("/webhooks/grafana", huge), 413, "body", "maxBodyBytes");
  }

  /** Without a Content-Length (chunked), the limit holds while the body streams in. */
  @Test
  void chunkedBodyOverTheLimit() {
    byte[] huge =
        GOOD.replace("This is a description", "x".repeat(17_000_000))
            .getBytes(StandardCharsets.UTF_8);
    Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/webhooks/grafana")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestApp.INGEST_TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge))));
    assertError(reply, 413, "body", "maxBodyBytes");
  }

  @Test
  void noAlertsArray() {
    assertError(
        app.postWebhook("/webhooks/grafana", "{\"receiver\": \"x\"}"), 400, "alerts", "missing");
    assertError(app.postWebhook("/webhooks/grafana", "{\"alerts\": {}}"), 400, "alerts", "array");
    assertError(
        app.postWebhook("/webhooks/grafana", "{\"alerts\": []}"), 400, "alerts", "at least one");
  }

  @Test
  void wrongFieldTypes() throws IOException {
    String labelsAsList = edit(GOOD, alert -> alert.putArray("labels").add("x"));
    assertError(
        app.postWebhook("/webhooks/grafana", labelsAsList), 400, "alerts[0].labels", "wrong type");

    String nestedLabel =
        edit(GOOD, alert -> ((ObjectNode) alert.get("labels")).putObject("nested"));
    assertError(
        app.postWebhook("/webhooks/grafana", nestedLabel),
        400,
        "alerts[0].labels.nested",
        "wrong type");

    String badStatus = edit(GOOD, alert -> alert.put("status", "pending"));
    assertError(app.postWebhook("/webhooks/grafana", badStatus), 400, "alerts[0].status", "firing");
  }

  @Test
  void unparseableTimestamps() throws IOException {
    String body = edit(GOOD, alert -> alert.put("startsAt", "yesterday at noon"));
    assertError(app.postWebhook("/webhooks/grafana", body), 400, "alerts[0].startsAt", "timestamp");

    String placeholder =
        Fixtures.read("grafana/grafana-firing-integration-test-startsAt-placeholder.json");
    assertError(app.postWebhook("/webhooks/grafana", placeholder), 400, "alerts[0].startsAt", "%s");
  }

  @Test
  void legacyGrafanaFormat() {
    Reply reply =
        app.postWebhook("/webhooks/grafana", Fixtures.read("captured/grafana-legacy/alert.json"));
    assertError(reply, 400, null, "unified alerting");
  }

  private static void assertError(Reply reply, int status, String field, String mention) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    JsonNode body = reply.json();
    assertThat(body.get("error").asText()).contains(mention);
    if (field == null) {
      assertThat(body.has("field")).isFalse();
    } else {
      assertThat(body.get("field").asText()).isEqualTo(field);
    }
  }

  private static String edit(String body, Consumer<ObjectNode> firstAlert) throws IOException {
    JsonNode tree = JSON.readTree(body);
    firstAlert.accept((ObjectNode) tree.get("alerts").get(0));
    return JSON.writeValueAsString(tree);
  }
}
