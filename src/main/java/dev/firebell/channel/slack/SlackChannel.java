package dev.firebell.channel.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.Channel;
import dev.firebell.channel.ContactCheck;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.JsonPost;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.json.Json;
import dev.firebell.oncall.contact.ContactEntry;
import dev.firebell.oncall.contact.SlackContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.Cut;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Slack, two ways. An incoming webhook ({@code url}) gets a message whose Acknowledge and Resolve
 * buttons open the link pages. The Slack app ({@code channel}) posts with {@code chat.postMessage};
 * its buttons act in place ({@code /slack/actions}) and the message is edited with {@code
 * chat.update} when the incident moves on, wherever that happened.
 */
public final class SlackChannel implements Channel<SlackContact> {
  static final int SECTION_TEXT = 3_000;
  static final int HEADER_TEXT = 150;
  private static final Pattern CHANNEL_ID = Pattern.compile("[CDGUW][A-Z0-9]{2,30}");

  private final HttpDelivery http;
  private final ObjectMapper json;
  private final SlackApi api;

  public SlackChannel(HttpDelivery http, ObjectMapper json, SlackConfig config) {
    this.http = http;
    this.json = json;
    this.api = new SlackApi(http, config, json);
  }

  /** A Slack contact: an incoming webhook's {@code url}, or a {@code channel} for the app. */
  public static SlackContact read(ContactEntry entry, ContactCheck check) {
    if ((entry.url() == null) == (entry.channel() == null)) {
      throw check.problem(
          null,
          "a slack contact has either url (an incoming webhook) or channel (a channel or member"
              + " id for the Slack app)");
    }
    if (entry.url() != null) {
      check.httpUrl(entry.url(), "url");
      return new SlackContact(entry.url(), null);
    }
    if (!CHANNEL_ID.matcher(entry.channel()).matches()) {
      throw check.problem(
          "channel",
          "'"
              + entry.channel()
              + "' is not a Slack channel or member id (C0123ABCD: a channel's details, at the"
              + " bottom; U0123ABCD: a person's profile, then Copy member ID)");
    }
    if (!check.config().slack().canPost()) {
      throw check.problem(
          null,
          "slack contacts with a channel need the slack: section of firebell.yaml (botToken)");
    }
    return new SlackContact(null, entry.channel());
  }

  @Override
  public Sent send(SlackContact contact, PageMessage message) throws DeliveryFailure {
    if (!contact.byApp()) {
      http.execute(JsonPost.to(contact.url(), Json.write(json, body(message))), "slack");
      return Sent.NOTHING;
    }
    ObjectNode body = appBody(message).put("channel", contact.channelId());
    JsonNode answer = api.call("chat.postMessage", body);
    return new Sent(
        SlackMessageId.of(answer.path("channel").asText(), answer.path("ts").asText()).text(),
        Sent.Watch.NONE);
  }

  /** The app edits every page it posted for this incident; a webhook posts the update anew. */
  @Override
  public Sent update(SlackContact contact, PageMessage message, List<String> earlier)
      throws DeliveryFailure {
    if (!contact.byApp() || earlier.isEmpty()) {
      return send(contact, message);
    }
    for (String id : earlier) {
      SlackMessageId posted = SlackMessageId.parse(id);
      ObjectNode body = appBody(message).put("channel", posted.channel()).put("ts", posted.ts());
      api.call("chat.update", body);
    }
    return Sent.NOTHING;
  }

  @Override
  public Sent notify(SlackContact contact, Notice notice) throws DeliveryFailure {
    if (!contact.byApp()) {
      http.execute(JsonPost.to(contact.url(), Json.write(json, body(notice))), "slack");
      return Sent.NOTHING;
    }
    api.call("chat.postMessage", body(notice).put("channel", contact.channelId()));
    return Sent.NOTHING;
  }

  /**
   * The incoming webhook's message, within Block Kit's limits, so a long alert never makes Slack
   * refuse the page ({@code invalid_blocks}): the fallback text and the section at most {@value
   * #SECTION_TEXT} characters, the header {@value #HEADER_TEXT}; the summary is what gets cut,
   * never the buttons, which open the link pages.
   */
  public ObjectNode body(PageMessage message) {
    ObjectNode body = text(message);
    ArrayNode buttons =
        body.withArray("blocks").addObject().put("type", "actions").putArray("elements");
    if (message.ackUrl() != null) {
      button(buttons, "Acknowledge", message.ackUrl()).put("style", "primary");
    }
    if (message.resolveUrl() != null) {
      button(buttons, "Resolve", message.resolveUrl());
    }
    button(buttons, "Open incident", message.incidentUrl());
    return body;
  }

  /**
   * The app's message: as the webhook's, with who moved the incident on and when, and buttons that
   * act ({@code action_id} {@code ack} and {@code resolve}, the incident id as their value) beside
   * {@code open}, a link. Only the buttons that still apply are shown.
   */
  public ObjectNode appBody(PageMessage message) {
    ObjectNode body = text(message);
    ArrayNode blocks = body.withArray("blocks");
    String state = stateLine(message);
    if (state != null) {
      blocks
          .addObject()
          .put("type", "context")
          .putArray("elements")
          .addObject()
          .put("type", "mrkdwn")
          .put("text", state);
    }
    ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
    String id = Long.toString(message.incidentId());
    if (message.ackUrl() != null) {
      action(buttons, "ack", "Acknowledge", id).put("style", "primary");
    }
    if (message.resolveUrl() != null) {
      action(buttons, "resolve", "Resolve", id);
    }
    button(buttons, "Open incident", message.incidentUrl()).put("action_id", "open");
    return body;
  }

  /** "Acknowledged by Tessa at …" / "Resolved at …", each time in the reader's own zone. */
  static String stateLine(PageMessage message) {
    if (message.resolvedAt() != null) {
      return ":white_check_mark: Resolved "
          + date(message.resolvedAt())
          + (message.acknowledgedBy() == null
              ? ""
              : " · acknowledged by " + name(message.acknowledgedBy()));
    }
    if (message.acknowledgedBy() != null && message.acknowledgedAt() != null) {
      return ":eyes: Acknowledged by "
          + name(message.acknowledgedBy())
          + " "
          + date(message.acknowledgedAt());
    }
    return null;
  }

  /** A name, escaped and cut short enough that the line stays far within Block Kit's 3,000. */
  private static String name(PageMessage.Recipient person) {
    return cutEscaped(escape(person.name()), 200);
  }

  /** Slack shows a date token in each reader's zone; the fallback is UTC. */
  private static String date(Instant at) {
    return "<!date^"
        + at.getEpochSecond()
        + "^{date_short_pretty} at {time}|"
        + at.toString().replace('T', ' ').replaceAll(":\\d\\d(\\.\\d+)?Z$", " UTC")
        + ">";
  }

  /** The header and the section, shared by the webhook's message and the app's. */
  private ObjectNode text(PageMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("text", Cut.toChars(message.headline(), SECTION_TEXT));
    ArrayNode blocks = body.putArray("blocks");
    blocks
        .addObject()
        .put("type", "header")
        .putObject("text")
        .put("type", "plain_text")
        .put("text", Cut.toChars(message.headline(), HEADER_TEXT));
    String facts =
        "\nService: "
            + escape(message.service())
            + " · Status: "
            + message.status()
            + " · For: "
            + escape(message.person().name());
    String summary = cutEscaped(escape(message.summary()), SECTION_TEXT - facts.length());
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", Cut.toChars(summary + facts, SECTION_TEXT));
    return body;
  }

  public ObjectNode body(Notice notice) {
    ObjectNode body = json.createObjectNode();
    body.put("text", Cut.toChars(notice.title(), SECTION_TEXT));
    ArrayNode blocks = body.putArray("blocks");
    blocks
        .addObject()
        .put("type", "header")
        .putObject("text")
        .put("type", "plain_text")
        .put("text", Cut.toChars(notice.title(), HEADER_TEXT));
    blocks
        .addObject()
        .put("type", "section")
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", cutEscaped(escape(notice.text()), SECTION_TEXT));
    ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
    if (notice.actionUrl() != null) {
      button(buttons, notice.actionLabel(), notice.actionUrl()).put("style", "primary");
    }
    button(buttons, "Open the rota", notice.url());
    return body;
  }

  /** Cuts escaped text without leaving half an entity such as "&am" at the end. */
  private static String cutEscaped(String escaped, int max) {
    String cut = Cut.toChars(escaped, Math.max(1, max));
    int amp = cut.lastIndexOf('&');
    if (amp >= 0 && cut.indexOf(';', amp) < 0 && cut.length() < escaped.length()) {
      return cut.substring(0, amp) + Cut.ELLIPSIS;
    }
    return cut;
  }

  private static ObjectNode button(ArrayNode buttons, String label, String url) {
    ObjectNode button = buttons.addObject().put("type", "button").put("url", url);
    button.putObject("text").put("type", "plain_text").put("text", label);
    return button;
  }

  private static ObjectNode action(ArrayNode buttons, String actionId, String label, String value) {
    ObjectNode button =
        buttons.addObject().put("type", "button").put("action_id", actionId).put("value", value);
    button.putObject("text").put("type", "plain_text").put("text", label);
    return button;
  }

  /** Slack's mrkdwn needs only these three escaped. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
