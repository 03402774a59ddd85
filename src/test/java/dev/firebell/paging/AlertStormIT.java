package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.escalation.EscalationIT;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Storms: one huge group is one incident; many groups at once fold into a digest per minute. */
class AlertStormIT {

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
      Reply reply =
          app.postWebhook("/webhooks/alertmanager", Payloads.manyAlerts(batch * 1000, 1000));
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
          app.postWebhook(
                  "/webhooks/alertmanager", Payloads.group("cluster-node-" + group, group + 1))
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
}
