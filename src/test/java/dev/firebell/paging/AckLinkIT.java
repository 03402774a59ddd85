package dev.firebell.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.security.LinkAction;
import dev.firebell.security.LinkTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The acknowledge and resolve links a page carries, as a phone (or a link previewer) uses them. */
class AckLinkIT {
  private CaptureServer capture;
  private TestApp app;
  private long incidentId;
  private JsonNode page;

  @BeforeEach
  void pageTessa() {
    capture = new CaptureServer();
    app = TestApp.start(TestApp.defaultConfig(), PagingSetup.team(capture));
    Reply opened =
        app.postWebhook(
            "/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    incidentId = opened.json().get("incidentId").asLong();
    app.runPaging();
    page = capture.json("/tessa").get(0);
  }

  @AfterEach
  void stop() {
    app.close();
    capture.close();
  }

  @Test
  void openingTheLinkShowsAButtonAndChangesNothing() {
    Reply shown = get(page.get("ackUrl").asText());
    assertThat(shown.header("Content-Security-Policy"))
        .contains("frame-ancestors 'none'")
        .contains("script-src 'none'");
    assertThat(shown.header("X-Content-Type-Options")).isEqualTo("nosniff");

    assertThat(shown.status()).isEqualTo(200);
    assertThat(shown.header("Cache-Control")).isEqualTo("no-store");
    assertThat(shown.header("Content-Type")).startsWith("text/html");
    assertThat(shown.body())
        .contains("PizzaFailureSpike")
        .contains("SEV-1")
        .contains("pizza-factory")
        .contains("<form method=\"post\">")
        .contains("Acknowledge as Tessa");
    assertThat(app.incident(incidentId).get("status").asText()).isEqualTo("triggered");

    get(page.get("ackUrl").asText());
    app.clock.advance(Duration.ofMinutes(5));
    app.runPaging();
    assertThat(capture.requests("/sam")).as("prefetching must not stop escalation").hasSize(1);
  }

  @Test
  void pressingTheButtonAcknowledgesOnce() {
    Reply acked = post(page.get("ackUrl").asText());

    assertThat(acked.status()).isEqualTo(200);
    assertThat(acked.header("Cache-Control")).isEqualTo("no-store");
    assertThat(acked.body()).contains("Acknowledged.");
    JsonNode incident = app.incident(incidentId);
    assertThat(incident.get("status").asText()).isEqualTo("acknowledged");
    assertThat(incident.get("acknowledgedBy").asText()).isEqualTo("tessa");
    assertThat(EscalationIT.entry(incident, "acknowledged").get("text").asText())
        .isEqualTo("Acknowledged by Tessa via link");

    Reply reused = post(page.get("ackUrl").asText());
    assertThat(reused.status()).isEqualTo(409);
    assertThat(post(page.get("ackUrl").asText() + "=").status())
        .as("another spelling of the token")
        .isEqualTo(400);
    assertThat(reused.body()).contains("already used").contains("Nothing was changed");
    assertThat(get(page.get("ackUrl").asText()).status()).isEqualTo(409);
  }

  @Test
  void theLinkPagesLeadOnToTheIncidentAndItsResolution() {
    Reply acked = post(page.get("ackUrl").asText());
    assertThat(acked.body())
        .contains("href=\"/incidents/" + incidentId + "\"")
        .contains("id=\"resolve\"");
    String resolveUrl =
        acked.body().replaceAll("(?s).*<form method=\"post\" action=\"([^\"]+)\".*", "$1");

    Reply used = get(page.get("ackUrl").asText());
    assertThat(used.status()).isEqualTo(409);
    assertThat(used.body())
        .contains("#" + incidentId)
        .contains("Acknowledged by Tessa at 2026-11-28 16:10 UTC.")
        .contains("Open incident #" + incidentId)
        .contains("id=\"resolve\"");

    Reply resolved = post(resolveUrl);
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
    assertThat(app.incident(incidentId).get("status").asText()).isEqualTo("resolved");
    assertThat(get(page.get("ackUrl").asText()).body())
        .contains("Resolved at 2026-11-28 16:10 UTC, acknowledged by Tessa.")
        .doesNotContain("id=\"resolve\"");
  }

  @Test
  void theResolveLinkResolvesAndSaysWhenItWasAlreadyDone() {
    Reply resolved = post(page.get("resolveUrl").asText());
    assertThat(resolved.body()).contains("Resolved.");
    assertThat(app.incident(incidentId).get("status").asText()).isEqualTo("resolved");

    app.runPaging();
    JsonNode update = capture.json("/tessa").get(1);
    assertThat(update.get("status").asText()).isEqualTo("resolved");
    Reply late = post(page.get("ackUrl").asText());
    assertThat(late.status()).isEqualTo(200);
    assertThat(late.body()).contains("Already resolved");
  }

  @Test
  void forgedTamperedExpiredAndMalformedTokensChangeNothing() {
    String ackUrl = page.get("ackUrl").asText();
    String token = ackUrl.substring(ackUrl.lastIndexOf('/') + 1);
    String base = app.url("/ack/");

    char flipped = token.charAt(5) == 'A' ? 'B' : 'A';
    String tampered = token.substring(0, 5) + flipped + token.substring(6);
    assertThat(post(base + tampered).status()).isEqualTo(403);

    String forged =
        new LinkTokens("not-our-secret", Duration.ofHours(24))
            .issue(incidentId, "tessa", LinkAction.ACK, app.clock.instant());
    assertThat(post(base + forged).status()).isEqualTo(403);

    assertThat(post(base + "not-a-token").status()).isEqualTo(400);
    assertThat(post(app.url("/resolve/") + token).status())
        .as("an ack token on the resolve path")
        .isEqualTo(400);

    app.clock.advance(Duration.ofHours(25));
    Reply expired = post(ackUrl.replace("http://localhost:8080", app.url("")));
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).contains("expired");

    assertThat(app.incident(incidentId).get("status").asText()).isEqualTo("triggered");
  }

  private Reply get(String url) {
    return TestApp.send(HttpRequest.newBuilder(local(url)).GET());
  }

  private Reply post(String url) {
    return TestApp.send(
        HttpRequest.newBuilder(local(url)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * Links in a page use publicUrl, links on the link pages are paths; the test server listens on a
   * random port.
   */
  private URI local(String url) {
    return URI.create(
        url.startsWith("/") ? app.url(url) : url.replace("http://localhost:8080", app.url("")));
  }
}
