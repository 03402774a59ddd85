package dev.firebell.channel.mattermost;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.Fixtures;
import dev.firebell.TestApp;
import dev.firebell.TestApp.Reply;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mattermost's message buttons as Mattermost documents them: the page's attachment has actions
 * whose integration posts the context back; a press acknowledges as the person paged and the answer
 * replaces the buttons; the same token twice, or a forged one, changes nothing.
 */
class MattermostActionsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CaptureServer mattermost;
  private CaptureServer hooks;
  private TestApp app;

  @BeforeEach
  void start() {
    mattermost = new CaptureServer();
    hooks = new CaptureServer();
    app =
        TestApp.start(
            TestApp.defaultConfig(),
            PagingSetup.team(
                List.of(new UrlContact(ContactType.MATTERMOST, mattermost.url("/hooks/tessa"))),
                List.of(PagingSetup.webhook(hooks.url("/sam")))));
  }

  @AfterEach
  void stop() {
    app.close();
    mattermost.close();
    hooks.close();
  }

  @Test
  void aPressAcknowledgesAsThePersonPagedAndTheSameTokenTwiceIsRefused() {
    long id = app.open("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"));
    app.runPaging();
    JsonNode attachment = mattermost.json("/hooks/tessa").get(0).get("attachments").get(0);
    JsonNode actions = attachment.get("actions");
    assertThat(actions.findValuesAsText("name")).containsExactly("Acknowledge", "Resolve");
    JsonNode integration = actions.get(0).get("integration");
    assertThat(integration.get("url").asText())
        .isEqualTo("http://localhost:8080/mattermost/actions");
    assertThat(integration.get("context").get("action").asText()).isEqualTo("ack");
    JsonNode ackContext = integration.get("context");

    JsonNode pressed = press(ackContext).json();
    assertThat(pressed.get("ephemeral_text").asText())
        .isEqualTo("#" + id + " acknowledged by Tessa.");
    JsonNode updated = pressed.get("update").get("props").get("attachments").get(0);
    assertThat(updated.get("text").asText()).startsWith("\\#" + id + " acknowledged by Tessa.");
    assertThat(updated.get("actions").findValuesAsText("name")).containsExactly("Resolve");
    assertThat(EscalationIT.texts(app.incident(id), "acknowledged"))
        .containsExactly("Acknowledged by Tessa via Mattermost");
    app.clock.advance(Duration.ofMinutes(6));
    app.runPaging();
    assertThat(hooks.requests("/sam")).as("escalation stopped").isEmpty();

    JsonNode again = press(ackContext).json();
    assertThat(again.has("update")).isFalse();
    assertThat(again.get("ephemeral_text").asText())
        .isEqualTo("Not done: this button was already used. #" + id + " is acknowledged.");

    ObjectNode forged = ackContext.deepCopy();
    String token = ackContext.get("token").asText();
    forged.put("token", (token.startsWith("x") ? "y" : "x") + token.substring(1));
    assertThat(press(forged).json().get("ephemeral_text").asText())
        .startsWith("Not done: ")
        .doesNotContain("already used");

    JsonNode resolve = updated.get("actions").get(0).get("integration").get("context");
    JsonNode resolved = press(resolve).json();
    assertThat(resolved.get("ephemeral_text").asText()).isEqualTo("#" + id + " resolved by Tessa.");
    assertThat(resolved.get("update").get("props").get("attachments").get(0).has("actions"))
        .isFalse();
    assertThat(app.incident(id).get("status").asText()).isEqualTo("resolved");
  }

  /** The request Mattermost sends to an integration's URL. */
  private Reply press(JsonNode context) {
    ObjectNode body = JSON.createObjectNode();
    body.put("user_id", "rd49ehbqyjytddasoownkuqrxe");
    body.put("user_name", "tessa");
    body.put("channel_id", "j6j53p28k6urx3aemrkxne5fbh");
    body.put("channel_name", "incidents");
    body.put("team_id", "5xyj9wpv8trnjjmzjmqm6tfpjy");
    body.put("team_domain", "example");
    body.put("post_id", "zd8wqhgnqfbyfd4bu6xs1qauwa");
    body.put("trigger_id", "abc");
    body.put("type", "");
    body.put("data_source", "");
    body.set("context", context);
    Reply reply =
        TestApp.send(
            HttpRequest.newBuilder(URI.create(app.url("/mattermost/actions")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply;
  }
}
