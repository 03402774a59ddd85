package dev.firebell.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.contact.SlackContact;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Slack app against Slack's Web API as documented, simulated: {@code chat.postMessage} with
 * buttons that act, a signed press acknowledging as the person it maps to, {@code chat.update}
 * after any change (the press, a link, another channel), refusals that change nothing, and Slack's
 * {@code ok: false} and rate-limit answers.
 */
class SlackAppIT {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String CHANNEL = "C0123ABCD";
  private static final String TS = "1503435956.000247";
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaptureServer slack;
  private CaptureServer hooks;
  private TestApp app;

  @BeforeEach
  void start() {
    slack = new CaptureServer();
    hooks = new CaptureServer();
    app = TestApp.start(config(slack), team(hooks));
  }

  @AfterEach
  void stop() {
    app.close();
    slack.close();
    hooks.close();
  }

  static dev.firebell.config.FirebellConfig config(CaptureServer slack) {
    return ConfigBuilder.from(TestApp.defaultConfig())
        .withSlack(new SlackConfig("xoxb-test-token", SECRET, slack.url("/api")))
        .build();
  }

  /**
   * Tessa is paged in a Slack channel and by a webhook (whose page carries her links), and is
   * U0TESSA on Slack; Sam has a webhook.
   */
  static OnCall team(CaptureServer hooks) {
    OnCall team =
        PagingSetup.team(
            List.of(new SlackContact(null, CHANNEL), PagingSetup.webhook(hooks.url("/tessa"))),
            List.of(PagingSetup.webhook(hooks.url("/sam"))));
    return PagingSetup.with(
        team,
        PagingSetup.as(
            team.people().get("tessa"), new Person.Accounts(null, "U0TESSA", null), null));
  }

  static MockResponse ok(String body) {
    return new MockResponse(200, Headers.of("Content-Type", "application/json"), body);
  }

  private long page() {
    slack.answer(
        "/api/chat.postMessage",
        ok("{\"ok\": true, \"channel\": \"" + CHANNEL + "\", \"ts\": \"" + TS + "\"}"));
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.runPaging();
    return id;
  }

  @Test
  void thePageIsPostedByTheAppWithButtonsThatAct() {
    long id = page();
    RecordedRequest request = slack.requests("/api/chat.postMessage").get(0);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer xoxb-test-token");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = CaptureServer.json(request);
    assertThat(body.get("channel").asText()).isEqualTo(CHANNEL);
    assertThat(body.get("text").asText()).startsWith("[SEV-1] #" + id + " ");
    assertThat(body.get("blocks").findValuesAsText("type"))
        .contains("header", "section", "actions");
    JsonNode buttons = actions(body);
    assertThat(buttons.findValuesAsText("action_id")).containsExactly("ack", "resolve", "open");
    assertThat(buttons.get(0).get("value").asText()).isEqualTo(Long.toString(id));
    assertThat(buttons.get(1).get("value").asText()).isEqualTo(Long.toString(id));
    assertThat(buttons.get(2).get("url").asText())
        .isEqualTo("http://localhost:8080/incidents/" + id);
    assertThat(EscalationIT.texts(app.incident(id), "page.delivered"))
        .contains("Page delivered to Tessa via slack");
  }

  @Test
  void aPressByTheMappedPersonAcknowledgesStopsEscalationAndTheMessageSaysSo() {
    long id = page();
    slack.answer("/api/chat.update", ok("{\"ok\": true, \"channel\": \"" + CHANNEL + "\"}"));

    Reply pressed = post("/slack/actions", pressBody("U0TESSA", "ack", id, TS), now());
    assertThat(pressed.status()).isEqualTo(200);
    assertThat(app.incident(id).get("acknowledgedBy").asText()).isEqualTo("tessa");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via Slack");

    app.runPaging();
    JsonNode update = slack.json("/api/chat.update").get(0);
    assertThat(update.get("channel").asText()).isEqualTo(CHANNEL);
    assertThat(update.get("ts").asText()).isEqualTo(TS);
    assertThat(update.get("text").asText()).startsWith("ACKNOWLEDGED: [SEV-1] #" + id);
    assertThat(update.toString()).contains(":eyes: Acknowledged by Tessa <!date^" + now() + "^");
    assertThat(actions(update).findValuesAsText("action_id")).containsExactly("resolve", "open");

    app.clock.advance(Duration.ofMinutes(6));
    app.runPaging();
    assertThat(hooks.requests("/sam")).as("escalation stopped").isEmpty();

    slack.answer("/api/chat.update", ok("{\"ok\": true}"));
    assertThat(post("/slack/actions", pressBody("U0TESSA", "resolve", id, TS), now()).status())
        .isEqualTo(200);
    app.runPaging();
    JsonNode resolved = slack.json("/api/chat.update").get(1);
    assertThat(resolved.toString())
        .contains(":white_check_mark: Resolved <!date^")
        .contains("acknowledged by Tessa");
    assertThat(actions(resolved).findValuesAsText("action_id")).containsExactly("open");
  }

  @Test
  void anAcknowledgementByLinkEditsTheSlackMessageToo() {
    long id = page();
    slack.answer("/api/chat.update", ok("{\"ok\": true}"));
    String ackUrl = hooks.json("/tessa").get(0).get("ackUrl").asText();
    Reply acked =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(ackUrl.replace("http://localhost:8080", app.url(""))))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(acked.status()).isEqualTo(200);
    app.runPaging();
    JsonNode update = slack.json("/api/chat.update").get(0);
    assertThat(update.get("ts").asText()).isEqualTo(TS);
    assertThat(update.toString()).contains("Acknowledged by Tessa");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via link");
  }

  @Test
  void unlinkedForgedAndStalePressesChangeNothing() throws Exception {
    long id = page();
    CaptureServer replies = new CaptureServer();
    try (replies) {
      String unlinked =
          pressBody("U0STRANGER", "ack", id, TS)
              .replace(
                  URLEncoder.encode(
                      "https://hooks.slack.com/actions/T1/1/x", StandardCharsets.UTF_8),
                  URLEncoder.encode(replies.url("/reply"), StandardCharsets.UTF_8));
      assertThat(post("/slack/actions", unlinked, now()).status()).isEqualTo(200);
      JsonNode reply = awaitOne(replies, "/reply");
      assertThat(reply.get("response_type").asText()).isEqualTo("ephemeral");
      assertThat(reply.get("replace_original").asBoolean()).isFalse();
      assertThat(reply.get("text").asText())
          .contains("not linked to an on-call person")
          .contains("slackUserId: U0STRANGER");
    }

    String body = pressBody("U0TESSA", "ack", id, TS);
    long now = now();
    Reply forged =
        sendSigned("/slack/actions", body, now, SlackSignature.sign("other", "" + now, body));
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.json().get("field").asText()).isEqualTo("X-Slack-Signature");
    Reply changedByte =
        sendSigned(
            "/slack/actions",
            body.replace("U0TESSA", "U0TESSB"),
            now,
            SlackSignature.sign(SECRET, "" + now, body));
    assertThat(changedByte.status()).isEqualTo(401);
    long late = now - Duration.ofMinutes(6).toSeconds();
    Reply stale = post("/slack/actions", body, late);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.body()).contains("more than 5 minutes");

    // A button's value forged to another incident: the message pressed pages this one only.
    long other =
        app.open(
            "/webhooks/grafana", Fixtures.read("captured/grafana-unified/alert_values_v11.json"));
    assertThat(post("/slack/actions", pressBody("U0TESSA", "ack", other, TS), now()).status())
        .isEqualTo(200);
    assertThat(app.incident(other).get("status").asText()).isEqualTo("triggered");
    assertThat(app.incident(id).get("status").asText()).isEqualTo("triggered");
  }

  @Test
  void slackRefusingThePageFailsItWithSlacksErrorAndRateLimitsAreHonoured() {
    slack.answer(
        "/api/chat.postMessage",
        new MockResponse(
            429,
            Headers.of("Retry-After", "30", "Content-Type", "application/json"),
            "{\"ok\": false, \"error\": \"ratelimited\"}"),
        ok("{\"ok\": false, \"error\": \"channel_not_found\"}"));
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.runPaging();
    assertThat(slack.requests("/api/chat.postMessage")).hasSize(1);
    app.clock.advance(Duration.ofSeconds(29));
    app.runPaging();
    assertThat(slack.requests("/api/chat.postMessage")).as("Retry-After: 30").hasSize(1);
    app.clock.advance(Duration.ofSeconds(2));
    app.runPaging();
    assertThat(slack.requests("/api/chat.postMessage")).hasSize(2);
    assertThat(EscalationIT.texts(app.incident(id), "page.failed"))
        .singleElement()
        .asString()
        .contains("Page to Tessa via slack failed")
        .contains("slack chat.postMessage refused it: channel_not_found");
  }

  static JsonNode actions(JsonNode body) {
    for (JsonNode block : body.get("blocks")) {
      if (block.get("type").asText().equals("actions")) {
        return block.get("elements");
      }
    }
    throw new AssertionError("no actions block in " + body);
  }

  private long now() {
    return app.clock.instant().getEpochSecond();
  }

  /** A {@code block_actions} payload as Slack documents it, form-encoded. */
  static String pressBody(String user, String actionId, long incidentId, String ts) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("type", "block_actions");
    payload.putObject("team").put("id", "T9TK3CUKW").put("domain", "example");
    payload.putObject("user").put("id", user).put("username", "tessa").put("team_id", "T9TK3CUKW");
    payload.put("api_app_id", "AABA1ABCD");
    payload.put("token", "9s8d9as89d8as9d8as989");
    payload
        .putObject("container")
        .put("type", "message")
        .put("message_ts", ts)
        .put("channel_id", CHANNEL)
        .put("is_ephemeral", false);
    payload.put("trigger_id", "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3");
    payload.putObject("channel").put("id", CHANNEL).put("name", "incidents");
    payload.put("response_url", "https://hooks.slack.com/actions/T1/1/x");
    ObjectNode action = payload.putArray("actions").addObject();
    action.put("action_id", actionId);
    action.put("block_id", "=qXel");
    action.put("value", Long.toString(incidentId));
    action.put("type", "button");
    action.put("action_ts", "1548426417.840180");
    return "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8);
  }

  private Reply post(String path, String body, long timestamp) {
    return sendSigned(path, body, timestamp, SlackSignature.sign(SECRET, "" + timestamp, body));
  }

  Reply sendSigned(String path, String body, long timestamp, String signature) {
    return TestApp.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
            .header("X-Slack-Signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static JsonNode awaitOne(CaptureServer server, String path) throws InterruptedException {
    for (int i = 0; i < 100 && server.requests(path).isEmpty(); i++) {
      Thread.sleep(20);
    }
    return server.json(path).get(0);
  }
}
