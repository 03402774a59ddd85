package dev.firebell.channel.pushover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.channel.ChannelFormatsIT;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.contact.PushoverContact;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushover as its API documents it, simulated: a page goes out at emergency priority with a
 * receipt; acknowledging in the Pushover app acknowledges the incident as the person and stops
 * escalation; an incident handled elsewhere cancels the receipt so the repeats stop.
 */
class PushoverIT {
  private static final String USER_KEY = "uQiRzpo4DXghDmr9QzzfQu27cmVRsG";
  private static final String RECEIPT = "rLqVuqTRh62UzxtmqiaLzQmVcPgiCy";

  private CaptureServer pushover;
  private CaptureServer hooks;
  private TestApp app;

  @BeforeEach
  void start() {
    pushover = new CaptureServer();
    hooks = new CaptureServer();
    app =
        TestApp.start(
            ConfigBuilder.from(TestApp.defaultConfig())
                .withPushover(
                    new PushoverConfig("azGDORePK8gMaC0QOYAMyEEuzJnyUi", pushover.url("/")))
                .build(),
            PagingSetup.team(
                List.of(new PushoverContact(USER_KEY)),
                List.of(PagingSetup.webhook(hooks.url("/sam")))));
    pushover.answer(
        "/1/messages.json",
        json("{\"status\": 1, \"request\": \"5042853c\", \"receipt\": \"" + RECEIPT + "\"}"));
  }

  @AfterEach
  void stop() {
    app.close();
    pushover.close();
    hooks.close();
  }

  @Test
  void acknowledgingInThePushoverAppAcknowledgesTheIncidentAndStopsEscalation() throws Exception {
    long id = open();
    Map<String, String> form =
        ChannelFormatsIT.form(pushover.requests("/1/messages.json").get(0).getBody().utf8());
    assertThat(form)
        .containsEntry("token", "azGDORePK8gMaC0QOYAMyEEuzJnyUi")
        .containsEntry("user", USER_KEY)
        .containsEntry("priority", "2")
        .containsEntry("retry", "60")
        .containsEntry("expire", "3600")
        .containsEntry("url_title", "Acknowledge in Firebell");
    assertThat(form.get("url")).startsWith("http://localhost:8080/ack/");
    assertThat(form.get("title")).contains("#" + id);

    String receipt = "/1/receipts/" + RECEIPT + ".json";
    pushover.answer(
        receipt,
        json("{\"status\": 1, \"acknowledged\": 0, \"expired\": 0}"),
        json(
            "{\"status\": 1, \"acknowledged\": 1, \"acknowledged_at\": 1764691200,"
                + " \"acknowledged_by\": \""
                + USER_KEY
                + "\", \"expired\": 0}"));
    look();
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");
    look();
    assertThat(app.incident(id).get("status").asText()).isEqualTo("acknowledged");
    assertThat(app.incident(id).get("acknowledgedBy").asText()).isEqualTo("tessa");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via Pushover");
    assertThat(pushover.requests(receipt).get(0).getUrl().queryParameter("token"))
        .isEqualTo("azGDORePK8gMaC0QOYAMyEEuzJnyUi");

    app.clock.advance(Duration.ofMinutes(6));
    app.runPaging();
    assertThat(hooks.requests("/sam")).as("escalation stopped").isEmpty();
    Map<String, String> update =
        ChannelFormatsIT.form(pushover.requests("/1/messages.json").get(1).getBody().utf8());
    assertThat(update).containsEntry("priority", "0");
    look();
    assertThat(pushover.requests(receipt))
        .as("an acknowledged receipt is not looked at again")
        .hasSize(2);
  }

  @Test
  void anIncidentHandledElsewhereCancelsTheReceipt() throws Exception {
    long id = open();
    TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url("/api/incidents/" + id + "/resolve")))
            .header("Authorization", "Bearer " + TestApp.API_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"by\": \"sam\"}")));
    look();
    List<RecordedRequest> cancels = pushover.requests("/1/receipts/" + RECEIPT + "/cancel.json");
    assertThat(cancels).hasSize(1);
    assertThat(cancels.get(0).getMethod()).isEqualTo("POST");
    assertThat(ChannelFormatsIT.form(cancels.get(0).getBody().utf8()))
        .containsEntry("token", "azGDORePK8gMaC0QOYAMyEEuzJnyUi");
    look();
    assertThat(pushover.requests("/1/receipts/" + RECEIPT + "/cancel.json")).hasSize(1);
  }

  private long open() {
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.runPaging();
    return id;
  }

  private void look() throws Exception {
    app.clock.advance(Duration.ofSeconds(31));
    for (Future<?> look : app.app().followUps().receipts().run()) {
      look.get(30, TimeUnit.SECONDS);
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }
}
