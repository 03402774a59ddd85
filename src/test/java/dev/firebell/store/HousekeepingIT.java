package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingTeam;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Old sessions, used links and finished deliveries go; incidents stay. */
class HousekeepingIT {

  @Test
  void removesWhatExpiredAndKeepsIncidents() {
    try (CaptureServer capture = new CaptureServer();
        TestApp app = TestApp.start(TestApp.defaultConfig(), PagingTeam.of(capture))) {
      long id =
          app.postWebhook(
                  "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"))
              .json()
              .get("incidentId")
              .asLong();
      app.runPaging();
      String ackUrl = capture.json("/tessa").get(0).get("ackUrl").asText();
      TestApp.send(
          HttpRequest.newBuilder(URI.create(ackUrl.replace("http://localhost:8080", app.url(""))))
              .POST(HttpRequest.BodyPublishers.noBody()));
      login(app);

      assertThat(app.app().housekeeping().run()).as("nothing is old yet").isZero();

      app.clock.advance(Duration.ofDays(31));
      assertThat(app.app().housekeeping().run())
          .as("session, used link, delivered page")
          .isEqualTo(3);
      assertThat(app.incident(id).get("status").asText()).isEqualTo("acknowledged");
      assertThat(app.incident(id).get("timeline")).isNotEmpty();
    }
  }

  private static void login(TestApp app) {
    TestApp.Reply form = TestApp.send(HttpRequest.newBuilder(URI.create(app.url("/login"))));
    String cookie = form.header("Set-Cookie");
    String token = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
    TestApp.Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "firebell_login=" + token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=tessa&password=correct+horse+battery&_csrf=" + token)));
    assertThat(reply.status()).isEqualTo(303);
  }
}
