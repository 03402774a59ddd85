package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import dev.firebell.store.FaultInjection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * A notification of more alerts than one part holds (500) is written in parts that commit one by
 * one. What a responder sees is what one transaction would have left: one incident, one receipt on
 * its timeline, one entry an alert, one page; and a delivery cut off between parts is completed by
 * the sender's retry, without a second incident or page.
 */
class LargeNotificationIT {
  private static final int ALERTS = 1_201; // three parts: 500, 500 and 201

  @Test
  void aNotificationInThreePartsOpensOneIncidentAndItsResolutionResolvesIt() throws Exception {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
      Reply opened = app.postWebhook("/webhooks/alertmanager", Payloads.manyAlerts(0, ALERTS));
      assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
      assertThat(opened.json().get("outcome").asText()).isEqualTo("opened");
      long id = opened.json().get("incidentId").asLong();
      app.runPaging();

      JsonNode incident = app.incident(id);
      assertThat(incident.get("alerts")).hasSize(ALERTS);
      assertThat(entries(incident, "notification.received"))
          .containsExactly(
              "Alertmanager notification received (receiver \"webhook\"): 1201 firing,"
                  + " 0 resolved");
      assertThat(entries(incident, "alert.fired")).hasSize(ALERTS).doesNotHaveDuplicates();
      assertThat(capture.requests("/tessa")).as("pages").hasSize(1);

      Reply resolved = app.postWebhook("/webhooks/alertmanager", Payloads.manyResolved(0, ALERTS));
      assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
      assertThat(resolved.json().get("outcome").asText()).isEqualTo("updated");
      assertThat(resolved.json().get("incidentStatus").asText()).isEqualTo("resolved");
      incident = app.incident(id);
      assertThat(incident.get("status").asText()).isEqualTo("resolved");
      assertThat(entries(incident, "notification.received")).hasSize(2);
      assertThat(entries(incident, "alert.resolved")).hasSize(ALERTS).doesNotHaveDuplicates();
      assertThat(entries(incident, "incident.resolved"))
          .containsExactly("Incident resolved automatically: all 1201 alerts resolved");
      assertThat(app.incidents("all")).hasSize(1);
    }
  }

  @Test
  void aDeliveryCutOffInItsLastPartIsCompletedByTheRetryWithoutASecondIncidentOrPage()
      throws Exception {
    String body = Payloads.manyAlerts(0, ALERTS);
    FaultInjection faults = new FaultInjection();
    try (CaptureServer capture = new CaptureServer();
        TestApp app =
            TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture), faults.wrapper())) {
      // The third part's insert of its alerts, after two parts have committed.
      faults.failStatement("INSERT INTO incident_alert", 3, "08006");
      Reply cut = app.postWebhook("/webhooks/alertmanager", body);
      assertThat(cut.status()).as(cut.toString()).isEqualTo(503);
      JsonNode partial = app.incidents("all");
      assertThat(partial).hasSize(1);
      long id = partial.get(0).get("id").asLong();
      assertThat(app.incident(id).get("alerts")).hasSize(1_000);

      Reply retried = app.postWebhook("/webhooks/alertmanager", body);
      assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
      assertThat(retried.json().get("incidentId").asLong()).isEqualTo(id);
      app.runPaging();

      JsonNode incident = app.incident(id);
      assertThat(incident.get("alerts")).hasSize(ALERTS);
      assertThat(entries(incident, "alert.fired")).hasSize(ALERTS).doesNotHaveDuplicates();
      assertThat(entries(incident, "notification.received")).hasSize(2);
      assertThat(app.incidents("all")).hasSize(1);
      assertThat(capture.requests("/tessa")).as("pages").hasSize(1);
    }
  }

  /**
   * Two replicas deliver the same notification at once, as Grafana HA does: their parts interleave
   * under the group's lock, and a part that finds some of its alerts already written by the other
   * delivery merges with what is stored. Both are answered 200, and there is one of everything.
   */
  @Test
  void twoDeliveriesOfOneLargeNotificationAtOnceGiveOneOfEverything() throws Exception {
    String body = Payloads.manyAlerts(0, ALERTS);
    for (int round = 0; round < 3; round++) {
      try (CaptureServer capture = new CaptureServer();
          TestApp app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture))) {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Future<Reply>> replies =
            replicas.invokeAll(
                List.of(
                    () -> app.postWebhook("/webhooks/alertmanager", body),
                    () -> app.postWebhook("/webhooks/alertmanager", body)));
        replicas.shutdown();
        for (Future<Reply> reply : replies) {
          assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
        }
        app.runPaging();

        JsonNode incidents = app.incidents("all");
        assertThat(incidents).hasSize(1);
        JsonNode incident = app.incident(incidents.get(0).get("id").asLong());
        assertThat(incident.get("alerts")).hasSize(ALERTS);
        assertThat(entries(incident, "alert.fired")).hasSize(ALERTS).doesNotHaveDuplicates();
        assertThat(capture.requests("/tessa")).as("pages").hasSize(1);
      }
    }
  }

  private static List<String> entries(JsonNode incident, String kind) {
    return StreamSupport.stream(incident.get("timeline").spliterator(), false)
        .filter(entry -> entry.get("kind").asText().equals(kind))
        .map(entry -> entry.get("text").asText())
        .toList();
  }
}
