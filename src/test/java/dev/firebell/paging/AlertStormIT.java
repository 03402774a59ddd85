package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Storms: one huge group is one incident; many groups at once fold into a digest per minute. */
class AlertStormIT {
  private static final ObjectMapper JSON = new ObjectMapper();

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
  void tenThousandAlertsInOneGroupAreOneIncidentAndOnePage() throws IOException {
    Long id = null;
    for (int batch = 0; batch < 10; batch++) {
      Reply reply = app.postWebhook("/webhooks/alertmanager", batchOfAlerts(batch, 1000));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      id = id == null ? reply.json().get("incidentId").asLong() : id;
      assertThat(reply.json().get("incidentId").asLong()).isEqualTo(id);
      app.runPaging();
    }
    assertThat(app.incidents("all")).hasSize(1);
    assertThat(app.incident(id).get("alerts")).hasSize(10_000);
    assertThat(capture.requests("/tessa")).hasSize(1);
  }

  @Test
  void pagesBeyondFiveAMinuteFoldIntoOneDigest() throws IOException {
    List<Long> ids = new ArrayList<>();
    for (int group = 0; group < 12; group++) {
      ids.add(
          app.postWebhook("/webhooks/alertmanager", group(group))
              .json()
              .get("incidentId")
              .asLong());
    }
    app.runPaging();

    assertThat(capture.requests("/tessa")).as("5 pages a minute at most").hasSize(5);
    long folded =
        ids.stream().filter(id -> EscalationIT.kinds(app.incident(id), "page.folded") == 1).count();
    assertThat(folded).isEqualTo(7);

    app.clock.advance(Duration.ofSeconds(59));
    app.runPaging();
    assertThat(capture.requests("/tessa")).as("the digest waits for the next minute").hasSize(5);

    app.clock.advance(Duration.ofSeconds(1));
    app.runPaging();
    List<JsonNode> messages = capture.json("/tessa");
    assertThat(messages).hasSize(6);
    JsonNode digest = messages.get(5);
    assertThat(digest.get("kind").asText()).isEqualTo("digest");
    assertThat(digest.get("title").asText()).isEqualTo("and 7 more incidents");
    assertThat(digest.get("summary").asText()).startsWith("and 7 more incidents: #");
    assertThat(digest.get("incidentUrl").asText()).isEqualTo("http://localhost:8080/?status=open");
    long stamped =
        ids.stream()
            .filter(
                id ->
                    EscalationIT.texts(app.incident(id), "page.delivered")
                        .contains("Digest with this incident delivered to Tessa via webhook"))
            .count();
    assertThat(stamped).isEqualTo(7);

    app.runPaging();
    assertThat(capture.requests("/tessa")).as("one digest only").hasSize(6);
  }

  private static String group(int number) throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.read("alertmanager-live/am-firing.json"));
    String service = "cluster-node-" + number;
    body.put("groupKey", "{}:{service=\"" + service + "\"}");
    ((ObjectNode) body.get("commonLabels")).put("service", service);
    ObjectNode alert = (ObjectNode) body.get("alerts").get(0);
    ((ObjectNode) alert.get("labels")).put("service", service);
    alert.put("fingerprint", String.format("%016x", number + 1));
    return JSON.writeValueAsString(body);
  }

  private static String batchOfAlerts(int batch, int size) throws IOException {
    ObjectNode body = (ObjectNode) JSON.readTree(Fixtures.read("alertmanager-live/am-firing.json"));
    ObjectNode template = (ObjectNode) body.get("alerts").get(0);
    ArrayNode alerts = body.putArray("alerts");
    for (int i = 0; i < size; i++) {
      ObjectNode alert = template.deepCopy();
      int n = batch * size + i;
      ((ObjectNode) alert.get("labels"))
          .put("instance", "10.0." + (n / 250) + "." + (n % 250) + ":9100");
      alert.put("fingerprint", String.format("%016x", n + 1));
      alerts.add(alert);
    }
    return JSON.writeValueAsString(body);
  }
}
