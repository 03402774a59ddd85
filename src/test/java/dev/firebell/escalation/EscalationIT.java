package dev.firebell.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Escalation step by step on a controlled clock, stopped by acknowledge and resolve. */
public class EscalationIT {
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
  void stepsRunOnTimeThenThePolicyRepeatsThenIsExhausted() {
    long id = openPizzaIncident();
    app.runPaging();
    assertPages(1, 0);

    JsonNode page = capture.json("/tessa").get(0);
    assertThat(page.get("kind").asText()).isEqualTo("page");
    assertThat(page.get("incidentId").asLong()).isEqualTo(id);
    assertThat(page.get("title").asText()).startsWith("PizzaFailureSpike");
    assertThat(page.get("severity").asText()).isEqualTo("SEV-1");
    assertThat(page.get("service").asText()).isEqualTo("pizza-factory");
    assertThat(page.get("status").asText()).isEqualTo("triggered");
    assertThat(page.get("summary").asText())
        .isEqualTo("Pizza order failures are spiking on 127.0.0.1:38109");
    assertThat(page.get("person").get("id").asText()).isEqualTo("tessa");
    assertThat(page.get("person").get("name").asText()).isEqualTo("Tessa");
    assertThat(page.get("incidentUrl").asText()).isEqualTo("http://localhost:8080/incidents/" + id);
    assertThat(page.get("ackUrl").asText()).startsWith("http://localhost:8080/ack/");
    assertThat(page.get("resolveUrl").asText()).startsWith("http://localhost:8080/resolve/");
    JsonNode alert = page.get("alerts").get(0);
    assertThat(alert.get("name").asText()).isEqualTo("PizzaFailureSpike");
    assertThat(alert.get("labels").get("service").asText()).isEqualTo("pizza-factory");
    assertThat(alert.get("generatorURL").asText()).startsWith("http://127.0.0.1:52803/graph");
    assertThat(alert.has("dashboardURL") && alert.has("panelURL") && alert.has("silenceURL"))
        .isTrue();

    advance(Duration.ofMinutes(5).minusSeconds(1));
    assertPages(1, 0);
    advance(Duration.ofSeconds(1));
    assertPages(1, 1);
    advance(Duration.ofMinutes(10));
    assertPages(2, 1);
    advance(Duration.ofMinutes(5));
    assertPages(2, 2);
    advance(Duration.ofMinutes(10));
    assertPages(2, 2);
    advance(Duration.ofHours(2));
    assertPages(2, 2);

    JsonNode incident = app.incident(id);
    assertThat(kinds(incident, "page.sent")).isEqualTo(4);
    assertThat(kinds(incident, "escalated")).isEqualTo(3);
    assertThat(kinds(incident, "page.delivered")).isEqualTo(4);
    assertThat(kinds(incident, "escalation.exhausted")).isEqualTo(1);
    assertThat(texts(incident, "escalated"))
        .containsExactly(
            "Not acknowledged within 5m: escalated to step 2 of 2",
            "Not acknowledged within 10m: escalated to step 1 of 2 (repeat 1)",
            "Not acknowledged within 5m: escalated to step 2 of 2 (repeat 1)");
  }

  @Test
  void aNewIncidentsFirstPageIsQueuedWithItSoNoEscalationPassIsNeeded() {
    long id = openPizzaIncident();
    // The webhook's answer means the page is in the outbox: the sender alone delivers it.
    assertThat(texts(app.incident(id), "page.sent"))
        .containsExactly("Paged Tessa (webhook): Step 1 of 2, schedule:primary");
    app.app().paging().outbox().deliverDue(app.clock.instant());
    assertPages(1, 0);

    app.runPaging();
    assertPages(1, 0);
  }

  @Test
  void acknowledgingStopsEscalationAndTellsThoseAlreadyPaged() {
    long id = openPizzaIncident();
    app.runPaging();

    Reply ack = action(id, "ack", "{\"by\": \"tessa\"}");
    assertThat(ack.status()).isEqualTo(200);
    assertThat(ack.json().get("outcome").asText()).isEqualTo("acknowledged");
    assertThat(ack.json().get("incident").get("acknowledgedBy").asText()).isEqualTo("tessa");

    app.runPaging();
    List<JsonNode> toTessa = capture.json("/tessa");
    assertThat(toTessa).hasSize(2);
    assertThat(toTessa.get(1).get("kind").asText()).isEqualTo("status-update");
    assertThat(toTessa.get(1).get("status").asText()).isEqualTo("acknowledged");
    assertThat(toTessa.get(1).get("ackUrl").isNull()).isTrue();

    advance(Duration.ofHours(1));
    assertPages(2, 0);
    JsonNode incident = app.incident(id);
    assertThat(incident.get("status").asText()).isEqualTo("acknowledged");
    assertThat(entry(incident, "acknowledged").get("actor").asText()).isEqualTo("tessa");
    assertThat(entry(incident, "acknowledged").get("text").asText())
        .isEqualTo("Acknowledged by Tessa via API");
    assertThat(kinds(incident, "escalation.stopped")).isEqualTo(1);

    Reply again = action(id, "ack", "{\"by\": \"sam\"}");
    assertThat(again.json().get("outcome").asText()).isEqualTo("already_acknowledged");
  }

  @Test
  void resolvingStopsEscalationAndTellsEveryonePaged() {
    long id = openPizzaIncident();
    app.runPaging();
    advance(Duration.ofMinutes(5));
    assertPages(1, 1);

    Reply resolve = action(id, "resolve", "{\"by\": \"sam\"}");
    assertThat(resolve.json().get("outcome").asText()).isEqualTo("resolved");
    app.runPaging();

    assertThat(capture.json("/tessa").get(1).get("status").asText()).isEqualTo("resolved");
    assertThat(capture.json("/sam").get(1).get("kind").asText()).isEqualTo("status-update");
    advance(Duration.ofHours(1));
    assertPages(2, 2);
    assertThat(action(id, "ack", "{\"by\": \"tessa\"}").json().get("outcome").asText())
        .isEqualTo("already_resolved");
    assertThat(entry(app.incident(id), "incident.resolved").get("actor").asText()).isEqualTo("sam");
  }

  @Test
  void anAutoResolvedIncidentStopsPagingToo() {
    openPizzaIncident();
    app.runPaging();
    app.postWebhook("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-resolved.json"));
    app.runPaging();

    assertThat(capture.json("/tessa").get(1).get("status").asText()).isEqualTo("resolved");
    advance(Duration.ofHours(1));
    assertPages(2, 0);
  }

  @Test
  void theIncidentApiSaysWhatPagingIsDoing() {
    long id = openPizzaIncident();
    app.runPaging();

    JsonNode escalation = app.incident(id).get("escalation");
    assertThat(escalation.get("policy").asText()).isEqualTo("default");
    assertThat(escalation.get("state").asText()).isEqualTo("active");
    assertThat(escalation.get("step").asInt()).isEqualTo(1);
    assertThat(escalation.get("of").asInt()).isEqualTo(2);
    assertThat(escalation.get("nextAt").asText()).isEqualTo("2026-11-28T16:15:00Z");
    assertThat(escalation.get("nextTargets").toString()).isEqualTo("[\"person:sam\"]");
    assertThat(escalation.get("nextPeople").toString()).isEqualTo("[\"sam\"]");
    JsonNode paged = escalation.get("paged").get(0);
    assertThat(paged.get("person").asText()).isEqualTo("tessa");
    assertThat(paged.get("contact").asText()).isEqualTo("webhook");
    assertThat(paged.get("status").asText()).isEqualTo("delivered");
    assertThat(escalation.get("nobodyPaged").isNull()).isTrue();

    action(id, "ack", "{\"by\": \"tessa\"}");
    JsonNode stopped = app.incident(id).get("escalation");
    assertThat(stopped.get("state").asText()).isEqualTo("stopped");
    assertThat(stopped.get("nextAt").isNull()).isTrue();
  }

  @Test
  void escalateNowPagesTheNextStepAtOnceAndIsRefusedOnceAcknowledged() {
    long id = openPizzaIncident();
    app.runPaging();
    assertPages(1, 0);

    Reply escalated = action(id, "escalate", "{\"by\": \"tessa\"}");
    assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
    assertThat(escalated.json().get("outcome").asText()).isEqualTo("escalated");
    app.runPaging();
    assertPages(1, 1);
    assertThat(texts(app.incident(id), "escalated"))
        .containsExactly("Escalated by Tessa via API to step 2 of 2");

    action(id, "ack", "{\"by\": \"sam\"}");
    Reply refused = action(id, "escalate", "{\"by\": \"tessa\"}");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("error").asText()).contains("acknowledged");
  }

  @Test
  void unacknowledgingPagesTheRunningStepAgainAndEscalationGoesOn() {
    long id = openPizzaIncident();
    app.runPaging();
    action(id, "ack", "{\"by\": \"tessa\"}");
    app.runPaging();
    assertPages(2, 0); // the page and the status update

    Reply back = action(id, "unacknowledge", "{\"by\": \"tessa\"}");
    assertThat(back.json().get("outcome").asText()).isEqualTo("unacknowledged");
    assertThat(back.json().get("incident").get("status").asText()).isEqualTo("triggered");
    app.runPaging();
    assertPages(3, 0);
    assertThat(capture.json("/tessa").get(2).get("kind").asText()).isEqualTo("page");
    assertThat(texts(app.incident(id), "unacknowledged"))
        .containsExactly("Unacknowledged by Tessa via API: paging resumes");

    advance(Duration.ofMinutes(5));
    assertPages(3, 1);
    assertThat(action(id, "unacknowledge", "{\"by\": \"tessa\"}").json().get("outcome").asText())
        .isEqualTo("not_acknowledged");
  }

  @Test
  void respondersAddedArePagedAtOnce() {
    long id = openPizzaIncident();
    app.runPaging();

    Reply added = action(id, "responders", "{\"persons\": [\"sam\"], \"by\": \"tessa\"}");
    assertThat(added.status()).as(added.body()).isEqualTo(200);
    assertThat(added.json().get("paged").toString()).isEqualTo("[\"sam\"]");
    app.runPaging();
    assertPages(1, 1);
    assertThat(texts(app.incident(id), "responders.added"))
        .containsExactly("Tessa added Sam via API");
    assertThat(texts(app.incident(id), "page.sent"))
        .contains("Paged Sam (webhook): added as responders by Tessa");

    assertThat(
            action(id, "responders", "{\"schedules\": [\"primary\"], \"by\": \"sam\"}")
                .json()
                .get("paged")
                .toString())
        .isEqualTo("[\"tessa\"]");
    app.runPaging();
    assertPages(2, 1);

    assertBadRequest(
        action(id, "responders", "{\"persons\": [\"bob\"], \"by\": \"tessa\"}"), "persons");
    assertBadRequest(
        action(id, "responders", "{\"schedules\": [\"x\"], \"by\": \"tessa\"}"), "schedules");
    assertBadRequest(action(id, "responders", "{\"by\": \"tessa\"}"), "persons");
    action(id, "resolve", "{\"by\": \"tessa\"}");
    assertThat(action(id, "responders", "{\"persons\": [\"sam\"], \"by\": \"tessa\"}").status())
        .isEqualTo(409);
  }

  @Test
  void actionsNeedAKnownPersonAndAWellFormedBody() {
    long id = openPizzaIncident();
    assertBadRequest(action(id, "ack", "{}"), "by");
    assertBadRequest(action(id, "ack", "{\"by\": \"bob\"}"), "by");
    assertBadRequest(action(id, "ack", "{\"by\": \"tessa\", \"note\": \"x\"}"), "note");
    assertBadRequest(action(id, "ack", "{\"by\": [1]}"), "by");
    assertBadRequest(action(id, "resolve", "not json"), "body");
    assertThat(action(999, "ack", "{\"by\": \"tessa\"}").status()).isEqualTo(404);
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");
  }

  @Test
  void testNotificationsPageNobody() {
    app.postWebhook(
        "/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert_v8_missing_field.json"));
    app.runPaging();
    advance(Duration.ofHours(1));
    assertPages(0, 0);
  }

  @Test
  void onCallApiShowsWhoIsOnCallNowAndUntilWhen() {
    JsonNode body = app.getApi("/api/oncall").json();
    JsonNode primary = body.get("schedules").get(0);
    assertThat(primary.get("id").asText()).isEqualTo("primary");
    assertThat(primary.get("onCall").get(0).get("id").asText()).isEqualTo("tessa");
    assertThat(primary.get("until").asText()).isEqualTo("2026-11-30T16:00:00Z");
    assertThat(primary.get("next").get(0).get("name").asText()).isEqualTo("Tessa");
    assertThat(body.get("escalationPolicies").get(0).get("steps")).hasSize(2);
    assertThat(body.get("warnings")).isEmpty();
  }

  @Test
  void aPageGoesOutWithoutWaitingForAPollInterval() throws InterruptedException {
    try (TestApp live = TestApp.startLive(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      live.postWebhook("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
      Instant deadline = Instant.now().plusSeconds(10);
      while (capture.requests("/tessa").isEmpty() && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      assertThat(capture.requests("/tessa")).hasSize(1);
    }
  }

  private long openPizzaIncident() {
    Reply reply =
        app.postWebhook(
            "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    assertThat(reply.json().get("outcome").asText()).isEqualTo("opened");
    return reply.json().get("incidentId").asLong();
  }

  private void advance(Duration duration) {
    app.clock.advance(duration);
    app.runPaging();
  }

  private void assertPages(int tessa, int sam) {
    assertThat(capture.requests("/tessa")).as("requests to Tessa").hasSize(tessa);
    assertThat(capture.requests("/sam")).as("requests to Sam").hasSize(sam);
  }

  private Reply action(long id, String action, String body) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/api/incidents/" + id + "/" + action)))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void assertBadRequest(Reply reply, String field) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.json().get("field").asText()).isEqualTo(field);
  }

  public static long kinds(JsonNode incident, String kind) {
    return texts(incident, kind).size();
  }

  public static List<String> texts(JsonNode incident, String kind) {
    List<String> texts = new ArrayList<>();
    incident
        .get("timeline")
        .forEach(
            e -> {
              if (e.get("kind").asText().equals(kind)) {
                texts.add(e.get("text").asText());
              }
            });
    return texts;
  }

  public static JsonNode entry(JsonNode incident, String kind) {
    for (JsonNode e : incident.get("timeline")) {
      if (e.get("kind").asText().equals(kind)) {
        return e;
      }
    }
    throw new AssertionError("no " + kind + " entry in " + incident.get("timeline"));
  }
}
