package dev.firebell.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.paging.CaptureServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /firebell} as Slack sends a slash command: form-encoded and signed. */
class SlackCommandsIT {
  private CaptureServer slack;
  private CaptureServer hooks;
  private TestApp app;

  @BeforeEach
  void start() {
    slack = new CaptureServer();
    hooks = new CaptureServer();
    app = TestApp.start(SlackAppIT.config(slack), SlackAppIT.team(hooks));
  }

  @AfterEach
  void stop() {
    app.close();
    slack.close();
    hooks.close();
  }

  @Test
  void oncallSaysWhoIsOnCallNowAndNextToTheAskerOnly() {
    JsonNode answer = command("U0SOMEONE", "oncall").json();
    assertThat(answer.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(answer.get("text").asText())
        .startsWith("*primary*: Tessa until <!date^")
        .endsWith(", then Tessa");
  }

  @Test
  void ackAndResolveActAsTheLinkedPersonAndTellTheChannel() {
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));

    JsonNode stranger = command("U0STRANGER", "ack " + id).json();
    assertThat(stranger.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(stranger.get("text").asText()).contains("slackUserId: U0STRANGER");
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");

    JsonNode acked = command("U0TESSA", "ack " + id).json();
    assertThat(acked.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(acked.get("text").asText())
        .startsWith("#" + id + " ")
        .endsWith(": acknowledged by Tessa");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via Slack");

    JsonNode again = command("U0TESSA", "ack " + id).json();
    assertThat(again.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(again.get("text").asText())
        .isEqualTo("#" + id + " was already acknowledged by Tessa.");

    JsonNode resolved = command("U0TESSA", "resolve #" + id).json();
    assertThat(resolved.get("text").asText()).endsWith(": resolved by Tessa");
    assertThat(app.incident(id).get("status").asText()).isEqualTo("resolved");

    assertThat(command("U0TESSA", "ack 999").json().get("text").asText())
        .isEqualTo("There is no such incident.");
  }

  @Test
  void pageDeclaresAnIncidentAndPagesTheSchedule() {
    slack.answer(
        "/api/chat.postMessage",
        SlackAppIT.ok("{\"ok\": true, \"channel\": \"C0123ABCD\", \"ts\": \"1.2\"}"));
    JsonNode answer = command("U0TESSA", "page primary Checkout is down for EU customers").json();
    assertThat(answer.get("response_type").asText()).isEqualTo("in_channel");
    assertThat(answer.get("text").asText())
        .matches(
            "Tessa declared #\\d+ Checkout is down for EU customers and is paging schedule primary");
    long id = Long.parseLong(answer.get("text").asText().replaceAll(".*#(\\d+) .*", "$1"));
    JsonNode incident = app.incident(id);
    assertThat(incident.get("title").asText()).isEqualTo("Checkout is down for EU customers");
    app.runPaging();
    assertThat(slack.json("/api/chat.postMessage").get(0).get("text").asText())
        .contains("#" + id + " Checkout is down for EU customers");

    JsonNode nobody = command("U0TESSA", "page nobody-here Something").json();
    assertThat(nobody.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(nobody.get("text").asText()).contains("people: sam, tessa; schedules: primary");
  }

  @Test
  void anythingElseGetsHelpAndAnUnsignedCommandIsRefused() {
    JsonNode help = command("U0TESSA", "frobnicate").json();
    assertThat(help.get("response_type").asText()).isEqualTo("ephemeral");
    assertThat(help.get("text").asText())
        .startsWith("Not understood: unknown command `frobnicate`.")
        .contains("/firebell oncall");

    String body = form("U0TESSA", "oncall");
    long now = app.clock.instant().getEpochSecond();
    Reply unsigned =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/slack/commands")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(unsigned.status()).isEqualTo(401);
  }

  private Reply command(String user, String text) {
    String body = form(user, text);
    long now = app.clock.instant().getEpochSecond();
    Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/slack/commands")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", Long.toString(now))
                .header(
                    "X-Slack-Signature",
                    SlackSignature.sign(SlackAppIT.SECRET, Long.toString(now), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply;
  }

  /** The fields Slack documents for a slash command. */
  private static String form(String user, String text) {
    return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&team_domain=example"
        + "&enterprise_id=E0001&enterprise_name=Globular%20Construct%20Inc"
        + "&channel_id=C0123ABCD&channel_name=incidents&user_id="
        + user
        + "&user_name=someone&command=%2Ffirebell&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1234%2F5678"
        + "&trigger_id=13345224609.738474920.8088930838d88f008e0&api_app_id=A123456";
  }
}
