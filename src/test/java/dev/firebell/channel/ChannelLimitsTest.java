package dev.firebell.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.discord.DiscordChannel;
import dev.firebell.channel.email.EmailChannel;
import dev.firebell.channel.email.SmtpConfig;
import dev.firebell.channel.gateway.HttpGatewayChannel;
import dev.firebell.channel.mattermost.MattermostChannel;
import dev.firebell.channel.ntfy.NtfyChannel;
import dev.firebell.channel.pushover.PushoverChannel;
import dev.firebell.channel.slack.SlackChannel;
import dev.firebell.channel.slack.SlackConfig;
import dev.firebell.channel.teams.TeamsChannel;
import dev.firebell.channel.telegram.TelegramChannel;
import dev.firebell.channel.twilio.SmsChannel;
import dev.firebell.channel.twilio.SmsLength;
import dev.firebell.channel.twilio.VoiceChannel;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.AlertStatus;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.json.Json;
import dev.firebell.notify.FoldedPage;
import dev.firebell.notify.PageComposer;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.contact.GatewayContact;
import dev.firebell.oncall.contact.NtfyContact;
import dev.firebell.oncall.contact.PushoverContact;
import dev.firebell.oncall.contact.TelegramContact;
import dev.firebell.security.LinkTokens;
import dev.firebell.text.Cut;
import dev.firebell.text.Templates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every channel keeps within its service's documented limits for a page, a status update and a
 * digest made from an alert at the extremes: a 100,000-character title and summary, 500 labels,
 * 10,000 alert instances, emoji and right-to-left text at every cut point, Markdown and HTML
 * special characters. The acknowledge link always survives whole, and the result is valid JSON.
 */
class ChannelLimitsTest {
  private static final ObjectMapper JSON = Json.mapper();
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private static final Person TESSA = new Person("tessa", "Tessa", List.of());
  private static final String NASTY =
      "🔥 עברית مرحبا *bold* _it_ [x](https://evil.example) <b>&amp; ";

  static Stream<Arguments> messages() {
    PageComposer composer =
        new PageComposer(
            "https://firebell.example.com",
            new LinkTokens("secret", Duration.ofHours(24)),
            id -> "Tessa");
    IncidentDetails storm = storm();
    PageMessage page = composer.compose(storm, 10_000, TESSA, true, NOW);
    PageMessage update = composer.compose(storm, 10_000, TESSA, false, NOW);
    List<FoldedPage> folded = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      folded.add(new FoldedPage(i, repeated(NASTY, 1_000), "SEV-1", repeated(NASTY, 255)));
    }
    PageMessage digest = composer.digest(TESSA, folded);
    return Stream.of(
        Arguments.of("page", page),
        Arguments.of("status update", update),
        Arguments.of("digest", digest));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void webhookCapsItsAlertList(String kind, PageMessage message) throws Exception {
    JsonNode body = JSON.readTree(JSON.writeValueAsString(message));
    assertThat(body.get("alerts").size()).isLessThanOrEqualTo(100);
    if (!kind.equals("digest")) {
      assertThat(body.get("alertsTotal").asInt()).isEqualTo(10_000);
      assertThat(body.get("alertsTruncated").asBoolean()).isTrue();
    }
    assertAckLinkWhole(message, body.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void slackStaysWithinBlockKit(String kind, PageMessage message) throws Exception {
    ObjectNode body = new SlackChannel(null, JSON, SlackConfig.defaults()).body(message);
    JsonNode blocks = body.get("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    assertThat(body.get("text").asText()).hasSizeLessThanOrEqualTo(3_000);
    for (JsonNode block : blocks) {
      switch (block.get("type").asText()) {
        case "header" -> assertThat(text(block)).hasSizeLessThanOrEqualTo(150);
        case "section" -> assertThat(text(block)).hasSizeLessThanOrEqualTo(3_000);
        case "actions" ->
            block
                .get("elements")
                .forEach(button -> assertThat(text(button)).hasSizeLessThanOrEqualTo(75));
        default -> throw new AssertionError("unexpected block " + block);
      }
    }
    assertValidJson(body);
    if (message.ackUrl() != null) {
      assertThat(blocks.findValuesAsText("url")).contains(message.ackUrl());
    }
  }

  /** The app's message, also with who acknowledged it: a name as long as anyone may write. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void theSlackAppsMessageStaysWithinBlockKit(String kind, PageMessage message) throws Exception {
    PageMessage.Recipient long_name = new PageMessage.Recipient("tessa", NASTY.repeat(500));
    PageMessage acknowledged =
        new PageMessage(
            message.kind(),
            message.incidentId(),
            message.title(),
            message.severity(),
            message.urgency(),
            message.service(),
            "acknowledged",
            message.summary(),
            message.person(),
            message.incidentUrl(),
            null,
            message.resolveUrl(),
            message.alerts(),
            message.alertsTotal(),
            message.alertsTruncated(),
            long_name,
            NOW,
            null,
            message.openMinutes());
    for (PageMessage each : List.of(message, acknowledged)) {
      ObjectNode body = new SlackChannel(null, JSON, SlackConfig.defaults()).appBody(each);
      JsonNode blocks = body.get("blocks");
      assertThat(body.get("text").asText()).hasSizeLessThanOrEqualTo(3_000);
      for (JsonNode block : blocks) {
        switch (block.get("type").asText()) {
          case "header" -> assertThat(text(block)).hasSizeLessThanOrEqualTo(150);
          case "section" -> assertThat(text(block)).hasSizeLessThanOrEqualTo(3_000);
          case "context" ->
              assertThat(block.get("elements").get(0).get("text").asText())
                  .hasSizeLessThanOrEqualTo(3_000);
          case "actions" -> {
            assertThat(block.get("elements").findValuesAsText("action_id")).doesNotHaveDuplicates();
            block
                .get("elements")
                .forEach(button -> assertThat(text(button)).hasSizeLessThanOrEqualTo(75));
          }
          default -> throw new AssertionError("unexpected block " + block);
        }
      }
      assertValidJson(body);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void discordStaysWithinEmbedLimits(String kind, PageMessage message) throws Exception {
    ObjectNode body = new DiscordChannel(null, JSON).body(message);
    assertThat(body.get("content").asText()).hasSizeLessThanOrEqualTo(2_000);
    JsonNode embed = body.get("embeds").get(0);
    int total = embed.get("title").asText().length() + embed.get("description").asText().length();
    assertThat(embed.get("title").asText()).hasSizeLessThanOrEqualTo(256);
    assertThat(embed.get("description").asText()).hasSizeLessThanOrEqualTo(4_096);
    for (JsonNode field : embed.get("fields")) {
      assertThat(field.get("value").asText()).hasSizeLessThanOrEqualTo(1_024);
      total += field.get("name").asText().length() + field.get("value").asText().length();
    }
    assertThat(total).isLessThanOrEqualTo(6_000);
    assertValidJson(body);
    if (message.ackUrl() != null) {
      assertThat(embed.get("description").asText())
          .contains("[Acknowledge](" + message.ackUrl() + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void ntfyKeepsItsMessageUnderFourKib(String kind, PageMessage message) throws Exception {
    NtfyContact contact = new NtfyContact("https://ntfy.sh", "pages", null);
    ObjectNode body = new NtfyChannel(null, JSON).body(contact, message);
    assertThat(body.get("message").asText().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(4_096);
    assertThat(body.get("title").asText()).hasSizeLessThanOrEqualTo(250).doesNotContain("\n");
    body.get("actions")
        .forEach(action -> assertThat(action.get("label").asText()).hasSizeLessThan(20));
    assertValidJson(body);
    if (message.ackUrl() != null) {
      assertThat(body.get("actions").get(0).get("url").asText()).isEqualTo(message.ackUrl());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void teamsSendsOneAdaptiveCardWellUnderTeamsMessageSize(String kind, PageMessage message)
      throws Exception {
    ObjectNode body = new TeamsChannel(null, JSON).body(message);
    assertThat(body.get("type").asText()).isEqualTo("message");
    JsonNode attachment = body.get("attachments").get(0);
    assertThat(attachment.get("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.get("content");
    assertThat(card.get("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8).length)
        .as("Teams refuses messages over about 28 KB")
        .isLessThan(28_000);
    assertThat(card.get("body").toString()).doesNotContain("[x](https://evil.example)");
    assertValidJson(body);
    if (message.ackUrl() != null) {
      assertThat(card.get("actions").get(0).get("type").asText()).isEqualTo("Action.OpenUrl");
      assertThat(card.get("actions").get(0).get("url").asText()).isEqualTo(message.ackUrl());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void mattermostStaysUnderItsPostLimitWithMentionsBroken(String kind, PageMessage message)
      throws Exception {
    ObjectNode body =
        new MattermostChannel(null, JSON, "https://firebell.example.com").body(message);
    JsonNode attachment = body.get("attachments").get(0);
    int length = body.get("text").asText().length() + attachment.get("text").asText().length();
    for (JsonNode field : attachment.get("fields")) {
      length += field.get("title").asText().length() + field.get("value").asText().length();
    }
    assertThat(length).isLessThanOrEqualTo(16_383);
    assertThat(attachment.get("text").asText()).doesNotContain("[x](https://evil.example)");
    assertValidJson(body);
    if (message.ackUrl() != null) {
      assertThat(attachment.get("text").asText())
          .contains("[Acknowledge](" + message.ackUrl() + ")");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void telegramKeepsTo4096CharactersAsPlainTextWithTheButtonsThatApply(
      String kind, PageMessage message) throws Exception {
    TelegramContact chat = new TelegramContact("-100123");
    ObjectNode body =
        new TelegramChannel(null, new dev.firebell.channel.telegram.TelegramConfig("t", null), JSON)
            .body(chat, message);
    assertThat(body.get("text").asText()).hasSizeLessThanOrEqualTo(4_096);
    assertThat(body.has("parse_mode")).isFalse();
    assertValidJson(body);
    List<String> buttons =
        body.get("reply_markup").get("inline_keyboard").get(0).findValuesAsText("text");
    switch (kind) {
      case "page" -> assertThat(buttons).containsExactly("Acknowledge", "Resolve", "Open");
      case "status update" -> assertThat(buttons).containsExactly("Resolve", "Open");
      default -> assertThat(buttons).containsExactly("Open");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void pushoverKeepsToItsLimitsAndPagesAtEmergencyPriority(String kind, PageMessage message)
      throws Exception {
    PushoverContact user = new PushoverContact("u".repeat(30));
    okhttp3.FormBody form =
        new PushoverChannel(null, new dev.firebell.channel.pushover.PushoverConfig("t", null), JSON)
            .form(user, message)
            .build();
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < form.size(); i++) {
      fields.put(form.name(i), form.value(i));
    }
    assertThat(fields.get("title")).hasSizeLessThanOrEqualTo(250).doesNotContain("\n");
    assertThat(fields.get("message")).hasSizeLessThanOrEqualTo(1_024);
    assertThat(fields.get("url")).hasSizeLessThanOrEqualTo(512);
    assertThat(fields.get("priority")).isEqualTo(kind.equals("page") ? "2" : "0");
    assertValidUnicode(fields.get("message"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void voiceReadsAShortEscapedTextAndGathersOnlyForAPage(String kind, PageMessage message) {
    String twiml =
        VoiceChannel.twiml(
            message, kind.equals("page") ? "https://firebell.example.com/twilio/voice/t" : null);
    assertThat(twiml).hasSizeLessThan(2_000).doesNotContain("<b>");
    assertThat(twiml.contains("<Gather")).isEqualTo(kind.equals("page"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void theHttpGatewayRendersValidJsonForEveryKind(String kind, PageMessage message)
      throws Exception {
    GatewayContact gateway =
        new GatewayContact(
            "https://sms.example.com/send",
            "POST",
            Map.of(),
            "{\"kind\": \"{{kind}}\", \"text\": \"{{headline}}\", \"summary\": \"{{summary}}\","
                + " \"ack\": \"{{ackUrl}}\"}",
            "application/json");
    okhttp3.Request request =
        new HttpGatewayChannel(null, JSON)
            .request(
                gateway,
                JSON.convertValue(
                    message,
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {}));
    okio.Buffer buffer = new okio.Buffer();
    request.body().writeTo(buffer);
    JsonNode body = JSON.readTree(buffer.readUtf8());
    assertThat(body.get("kind").asText()).isEqualTo(message.kind());
    assertThat(body.get("summary").asText()).isEqualTo(message.summary());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void emailHasAOneLineSubjectAndListsTwentyAlerts(String kind, PageMessage message)
      throws Exception {
    EmailChannel email =
        new EmailChannel(
            new SmtpConfig("localhost", 25, null, null, false, "firebell@example.com"),
            new Templates(),
            Duration.ofSeconds(5));
    String subject = EmailChannel.subject(message);
    assertThat(subject).hasSizeLessThanOrEqualTo(200).doesNotContain("\n").doesNotContain("\r");
    assertValidUnicode(subject);
    String text = email.text(message);
    if (!kind.equals("digest")) {
      assertThat(text.lines().filter(line -> line.startsWith("- alert-"))).hasSize(20);
      assertThat(text).contains("- and 9980 more alerts: " + message.incidentUrl());
      assertThat(email.html(message)).contains("and 9980 more alerts");
    }
    if (message.ackUrl() != null) {
      assertThat(text).contains("Acknowledge: " + message.ackUrl());
      assertThat(email.html(message)).contains("href=\"" + message.ackUrl() + "\"");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void smsFitsThreeSegmentsWithTheLinkWhole(String kind, PageMessage message) {
    String text = SmsChannel.text(message);
    assertThat(SmsLength.segments(text)).isLessThanOrEqualTo(3);
    assertThat(SmsLength.units(text))
        .isLessThanOrEqualTo(SmsLength.isGsm(text) ? SmsLength.GSM_LIMIT : SmsLength.UCS2_LIMIT);
    assertValidUnicode(text);
    if (message.ackUrl() != null) {
      assertThat(text).endsWith(" Ack: " + message.ackUrl());
    }
  }

  private static void assertAckLinkWhole(PageMessage message, String rendered) {
    if (message.ackUrl() != null) {
      assertThat(rendered).contains(message.ackUrl());
    }
  }

  private static void assertValidJson(ObjectNode body) throws Exception {
    String written = JSON.writeValueAsString(body);
    assertThat(JSON.readTree(written)).isEqualTo(body);
    assertValidUnicode(written);
  }

  /** No lone surrogate: a cut never splits an emoji. */
  private static void assertValidUnicode(String text) {
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (Character.isHighSurrogate(c)) {
        assertThat(index + 1 < text.length() && Character.isLowSurrogate(text.charAt(index + 1)))
            .as("high surrogate at %d is paired", index)
            .isTrue();
        index++;
      } else {
        assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", index).isFalse();
      }
    }
  }

  private static String text(JsonNode element) {
    return element.get("text").get("text").asText();
  }

  /** An incident with a 100,000-character title and summary, 500 labels and 10,000 alerts. */
  private static IncidentDetails storm() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < 500; i++) {
      labels.put("label_" + i, repeated(NASTY, 100));
    }
    Map<String, String> annotations = Map.of("summary", repeated(NASTY, 100_000));
    Incident incident =
        new Incident(
            42,
            "hash",
            "alertmanager",
            "team",
            repeated(NASTY, 100_000),
            "SEV-1",
            repeated(NASTY, 255),
            IncidentStatus.TRIGGERED,
            false,
            NOW,
            null,
            null,
            null,
            null,
            labels,
            labels,
            annotations,
            null,
            false,
            NOW,
            0,
            dev.firebell.config.Urgency.HIGH);
    List<IncidentAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      alerts.add(
          new IncidentAlert(
              42,
              "%016x".formatted(i),
              AlertStatus.FIRING,
              Map.of("alertname", "alert-" + i, "instance", repeated(NASTY, 300)),
              annotations,
              null,
              null,
              NOW,
              null,
              "https://prometheus.example.com/graph?g0.expr=" + "x".repeat(4_000),
              "https://grafana.example.com/d/abc",
              null,
              null,
              null,
              null,
              null,
              null));
    }
    return new IncidentDetails(incident, alerts, List.of(), IncidentReview.empty());
  }

  /** {@code length} characters of {@code pattern}, possibly ending inside a surrogate pair. */
  private static String repeated(String pattern, int length) {
    StringBuilder text = new StringBuilder(length + pattern.length());
    while (text.length() < length) {
      text.append(pattern);
    }
    return Cut.toChars(text.toString(), length);
  }
}
