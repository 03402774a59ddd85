package dev.firebell.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.firebell.Fixtures;
import dev.firebell.Payloads;
import dev.firebell.TestApp;
import dev.firebell.channel.email.SmtpConfig;
import dev.firebell.channel.twilio.TwilioConfig;
import dev.firebell.config.ConfigBuilder;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationIT;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.EmailContact;
import dev.firebell.oncall.contact.GatewayContact;
import dev.firebell.oncall.contact.NtfyContact;
import dev.firebell.oncall.contact.PhoneContact;
import dev.firebell.oncall.contact.SlackContact;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.paging.CaptureServer;
import dev.firebell.paging.PagingSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One page to a person with every kind of contact: each service receives the request its API
 * expects, with the acknowledge link, and the email arrives at a real SMTP server.
 */
public class ChannelFormatsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

  private CaptureServer capture;
  private TestApp app;
  private long incidentId;

  @BeforeEach
  void pageTessaEverywhere() {
    capture = new CaptureServer();
    List<Contact> contacts =
        List.of(
            new UrlContact(ContactType.WEBHOOK, capture.url("/hook")),
            new SlackContact(capture.url("/slack"), null),
            new UrlContact(ContactType.DISCORD, capture.url("/discord")),
            new NtfyContact(capture.url("/"), "tessa-pages", "tk_secret"),
            new EmailContact("tessa@example.com"),
            new PhoneContact(ContactType.SMS, "+15551234567"),
            new UrlContact(ContactType.TEAMS, capture.url("/teams")),
            new UrlContact(ContactType.MATTERMOST, capture.url("/mattermost")),
            new GatewayContact(
                capture.url("/gateway"),
                "PUT",
                Map.of("X-Api-Key", "gw-secret"),
                "{\"to\": \"{{person.id}}\", \"text\": \"{{headline}}\", \"ack\": \"{{ackUrl}}\","
                    + " \"alerts\": {{alertsTotal}}}",
                "application/json"));
    FirebellConfig config =
        ConfigBuilder.from(TestApp.defaultConfig())
            .withSmtp(
                new SmtpConfig(
                    "127.0.0.1",
                    ServerSetupTest.SMTP.getPort(),
                    "",
                    "",
                    false,
                    "Firebell <firebell@example.com>"))
            .withTwilio(new TwilioConfig("AC123", "twilio-token", "+15550000000", capture.url("/")))
            .build();
    app = TestApp.start(config, PagingSetup.team(contacts, List.of()));
    incidentId =
        app.postWebhook("/webhooks/alertmanager", Fixtures.read("alertmanager-live/am-firing.json"))
            .json()
            .get("incidentId")
            .asLong();
    app.runPaging();
  }

  @AfterEach
  void stop() {
    app.close();
    capture.close();
  }

  @Test
  void everyChannelIsDeliveredAndStamped() {
    assertThat(EscalationIT.texts(app.incident(incidentId), "page.delivered"))
        .containsExactlyInAnyOrder(
            "Page delivered to Tessa via webhook",
            "Page delivered to Tessa via slack",
            "Page delivered to Tessa via discord",
            "Page delivered to Tessa via ntfy",
            "Page delivered to Tessa via email",
            "Page delivered to Tessa via sms",
            "Page delivered to Tessa via teams",
            "Page delivered to Tessa via mattermost",
            "Page delivered to Tessa via http");
  }

  /**
   * An Alertmanager alert whose summary is a 7,800-character runbook excerpt reaches every service
   * within its limits, links intact, where Slack used to refuse it (invalid_blocks).
   */
  @Test
  void aLongAlertIsCutToEachServicesLimits() throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(Payloads.group("runbook-service", 77));
    String runbook = "Check the oven 🔥 then the dough. ".repeat(240);
    ((ObjectNode) body.get("alerts").get(0)).withObject("annotations").put("summary", runbook);
    body.withObject("commonAnnotations").put("summary", runbook);
    long id = app.open("/webhooks/alertmanager", JSON.writeValueAsString(body));
    app.runPaging();
    assertThat(EscalationIT.texts(app.incident(id), "page.delivered")).hasSize(9);

    JsonNode slack = CaptureServer.json(capture.requests("/slack").get(1));
    assertThat(slack.get("blocks").get(1).get("text").get("text").asText())
        .hasSizeLessThanOrEqualTo(3_000);
    assertThat(slack.get("blocks").get(2).get("elements").get(0).get("url").asText())
        .startsWith("http://localhost:8080/ack/");
    JsonNode discord = capture.json("/discord").get(1).get("embeds").get(0);
    assertThat(discord.get("description").asText())
        .hasSizeLessThanOrEqualTo(4_096)
        .contains("[Acknowledge](http://localhost:8080/ack/");
    JsonNode ntfy = CaptureServer.json(capture.requests("/").get(1));
    assertThat(ntfy.get("message").asText().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(4_096);
    MimeMessage mail = SMTP.getReceivedMessages()[1];
    assertThat(mail.getSubject()).hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void slackGetsBlocksWithButtons() {
    RecordedRequest request = capture.requests("/slack").get(0);
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = CaptureServer.json(request);
    assertThat(body.get("text").asText()).isEqualTo("[SEV-1] #" + incidentId + " " + title());
    JsonNode buttons = body.get("blocks").get(2).get("elements");
    assertThat(buttons.get(0).get("text").get("text").asText()).isEqualTo("Acknowledge");
    assertThat(buttons.get(0).get("url").asText()).startsWith("http://localhost:8080/ack/");
    assertThat(buttons.get(1).get("url").asText()).startsWith("http://localhost:8080/resolve/");
  }

  @Test
  void discordGetsAnEmbedWithLinksAndNoMentions() {
    JsonNode body = capture.json("/discord").get(0);
    assertThat(body.get("allowed_mentions").get("parse")).isEmpty();
    JsonNode embed = body.get("embeds").get(0);
    assertThat(embed.get("title").asText()).contains(title());
    assertThat(embed.get("description").asText())
        .contains("[Acknowledge](http://localhost:8080/ack/");
    assertThat(embed.get("fields").get(0).get("value").asText()).isEqualTo("SEV-1");
  }

  @Test
  void ntfyGetsAnUrgentMessageWithActionsAndTheToken() {
    RecordedRequest request = capture.requests("/").get(0);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer tk_secret");
    JsonNode body = CaptureServer.json(request);
    assertThat(body.get("topic").asText()).isEqualTo("tessa-pages");
    assertThat(body.get("priority").asInt()).isEqualTo(5);
    JsonNode ack = body.get("actions").get(0);
    assertThat(ack.get("action").asText()).isEqualTo("http");
    assertThat(ack.get("label").asText()).isEqualTo("Acknowledge");
    assertThat(ack.get("method").asText()).isEqualTo("POST");
    assertThat(ack.get("clear").asBoolean()).isTrue();
    assertThat(ack.get("url").asText()).startsWith("http://localhost:8080/ack/");
    assertThat(body.get("actions").findValuesAsText("label"))
        .containsExactly("Acknowledge", "Resolve", "Open");
    assertThat(body.get("actions").get(1).get("action").asText()).isEqualTo("view");
  }

  /** Pressing "Acknowledge" in the ntfy app: ntfy sends the action's request as written. */
  @Test
  void ntfysOneTapAcknowledgeActsAndAnswersInPlainText() {
    JsonNode ack = CaptureServer.json(capture.requests("/").get(0)).get("actions").get(0);
    HttpRequest.Builder press =
        HttpRequest.newBuilder(
                URI.create(ack.get("url").asText().replace("http://localhost:8080", app.url(""))))
            .method(ack.get("method").asText(), HttpRequest.BodyPublishers.noBody());
    ack.get("headers")
        .fields()
        .forEachRemaining(h -> press.header(h.getKey(), h.getValue().asText()));
    TestApp.Reply reply = TestApp.send(press);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/plain");
    assertThat(reply.body().strip())
        .isEqualTo("#" + incidentId + " Acknowledged. Escalation has stopped.");
    assertThat(app.incident(incidentId).get("status").asText()).isEqualTo("acknowledged");
    TestApp.Reply again = TestApp.send(press);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).startsWith("Not done: ");
  }

  @Test
  void teamsGetsAWorkflowsMessageWithAnAdaptiveCard() {
    JsonNode body = CaptureServer.json(capture.requests("/teams").get(0));
    assertThat(body.get("type").asText()).isEqualTo("message");
    JsonNode card = body.get("attachments").get(0).get("content");
    assertThat(card.get("version").asText()).isEqualTo("1.4");
    assertThat(card.get("body").get(1).get("type").asText()).isEqualTo("FactSet");
    assertThat(card.get("actions").findValuesAsText("title"))
        .containsExactly("Acknowledge", "Resolve", "Open incident");
    assertThat(card.get("actions").get(0).get("url").asText())
        .startsWith("http://localhost:8080/ack/");
  }

  @Test
  void mattermostGetsAnAttachmentColouredBySeverityWithLinks() {
    JsonNode body = CaptureServer.json(capture.requests("/mattermost").get(0));
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("color").asText()).as("SEV-1").isEqualTo("#B71C1C");
    assertThat(attachment.get("fields").findValuesAsText("title"))
        .containsExactly("Severity", "Service", "Status");
    assertThat(attachment.get("text").asText())
        .contains("[Acknowledge](http://localhost:8080/ack/");
  }

  @Test
  void theHttpGatewayGetsItsTemplateWithItsMethodAndHeaders() throws Exception {
    RecordedRequest request = capture.requests("/gateway").get(0);
    assertThat(request.getMethod()).isEqualTo("PUT");
    assertThat(request.getHeaders().get("X-Api-Key")).isEqualTo("gw-secret");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    JsonNode body = JSON.readTree(request.getBody().utf8());
    assertThat(body.get("to").asText()).isEqualTo("tessa");
    assertThat(body.get("text").asText()).startsWith("[SEV-1] #" + incidentId + " ");
    assertThat(body.get("ack").asText()).startsWith("http://localhost:8080/ack/");
    assertThat(body.get("alerts").asInt()).isEqualTo(1);
  }

  @Test
  void twilioGetsAShortTextWithTheLink() {
    RecordedRequest request = capture.requests("/2010-04-01/Accounts/AC123/Messages.json").get(0);
    assertThat(request.getHeaders().get("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("AC123:twilio-token".getBytes(StandardCharsets.UTF_8)));
    Map<String, String> form = form(request.getBody().utf8());
    assertThat(form.get("To")).isEqualTo("+15551234567");
    assertThat(form.get("From")).isEqualTo("+15550000000");
    assertThat(form.get("Body")).hasSizeLessThan(320).contains("Ack: http://localhost:8080/ack/");
  }

  @Test
  void theWebhookGetsTheDocumentedShape() {
    JsonNode body = capture.json("/hook").get(0);
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactly(
            "kind",
            "incidentId",
            "title",
            "severity",
            "urgency",
            "service",
            "status",
            "summary",
            "person",
            "incidentUrl",
            "ackUrl",
            "resolveUrl",
            "alerts",
            "alertsTotal",
            "alertsTruncated",
            "acknowledgedBy",
            "acknowledgedAt",
            "resolvedAt");
  }

  @Test
  void emailHasTextAndHtmlPartsWithTheLink() throws Exception {
    MimeMessage[] messages = SMTP.getReceivedMessages();
    assertThat(messages).hasSize(1);
    MimeMessage mail = messages[0];
    assertThat(mail.getSubject()).isEqualTo("[SEV-1] #" + incidentId + " " + title());
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("tessa@example.com");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    String text = (String) parts.getBodyPart(0).getContent();
    String html = (String) parts.getBodyPart(1).getContent();
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(text).contains("Acknowledge: http://localhost:8080/ack/");
    assertThat(html).contains("href=\"http://localhost:8080/ack/").contains(">Acknowledge</a>");
  }

  private String title() {
    return app.incident(incidentId).get("title").asText();
  }

  public static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      form.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return form;
  }
}
