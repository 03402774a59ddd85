package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An escalation policy's {@code ackTimeout}: an incident still acknowledged and open after it goes
 * back to triggered and its policy starts again at step 1, paging as before.
 */
class AckTimeoutIT {
  private CaptureServer capture;
  private TestApp app;

  @BeforeEach
  void start() {
    capture = new CaptureServer();
    OnCall team = PagingSetup.team(capture);
    EscalationPolicy policy = team.policies().get("default");
    OnCall withTimeout =
        new OnCall(
            team.people(),
            team.schedules(),
            Map.of(
                "default",
                new EscalationPolicy(
                    policy.id(), policy.steps(), policy.repeat(), Duration.ofMinutes(30))),
            team.routes(),
            team.warnings());
    app = TestApp.start(TestApp.defaultConfig(), withTimeout);
  }

  @AfterEach
  void stop() {
    app.close();
    capture.close();
  }

  @Test
  void anAcknowledgementThatRunsOutPagesFromStepOneAgain() {
    long id = open();
    assertThat(capture.requests("/tessa")).hasSize(1);
    assertThat(action(id, "ack").status()).isEqualTo(200);
    app.runPaging();
    assertThat(capture.json("/tessa").get(1).get("kind").asText()).isEqualTo("status-update");

    advance(Duration.ofMinutes(29));
    assertThat(app.incident(id).get("status").asText()).isEqualTo("acknowledged");
    assertThat(capture.requests("/tessa")).hasSize(2);

    advance(Duration.ofMinutes(2));
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledgement.expired"))
        .containsExactly(
            "Acknowledgement expired after 30m without resolution: paging starts again");
    assertThat(capture.json("/tessa").get(2).get("kind").asText()).isEqualTo("page");
    assertThat(capture.requests("/sam")).isEmpty();

    advance(Duration.ofMinutes(5));
    assertThat(capture.requests("/sam")).as("step 2 follows as before").hasSize(1);

    // Acknowledged again: the timeout starts again from this acknowledgement.
    assertThat(action(id, "ack").status()).isEqualTo(200);
    advance(Duration.ofMinutes(20));
    assertThat(app.incident(id).get("status").asText()).isEqualTo("acknowledged");
    advance(Duration.ofMinutes(11));
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");
  }

  @Test
  void aResolvedIncidentStaysResolved() {
    long id = open();
    action(id, "ack");
    advance(Duration.ofMinutes(10));
    action(id, "resolve");
    advance(Duration.ofMinutes(60));
    assertThat(app.incident(id).get("status").asText()).isEqualTo("resolved");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledgement.expired")).isEmpty();
    assertThat(capture.json("/tessa"))
        .extracting(page -> page.get("kind").asText())
        .containsExactly("page", "status-update", "status-update");
  }

  private long open() {
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.runPaging();
    return id;
  }

  private void advance(Duration duration) {
    app.clock.advance(duration);
    app.runPaging();
  }

  private Reply action(long id, String action) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/api/incidents/" + id + "/" + action)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"tessa\"}")));
  }
}
