package dev.firebell.channel.slack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.channel.Channel;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.JsonPost;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.json.Json;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.Cut;

/** A Slack incoming-webhook message with Acknowledge, Resolve and Open buttons. */
public final class SlackChannel implements Channel<UrlContact> {
  static final int SECTION_TEXT = 3_000;
  static final int HEADER_TEXT = 150;

  private final HttpDelivery http;
  private final ObjectMapper json;

  public SlackChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public Sent send(UrlContact contact, PageMessage message) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(message))), "slack");
    return Sent.NOTHING;
  }

  /**
   * Within Block Kit's limits, so a long alert never makes Slack refuse the page ({@code
   * invalid_blocks}): the fallback text and the section at most {@value #SECTION_TEXT} characters,
   * the header {@value #HEADER_TEXT}; the summary is what gets cut, never the buttons.
   */
  public ObjectNode body(PageMessage message) {
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
    ArrayNode buttons = blocks.addObject().put("type", "actions").putArray("elements");
    if (message.ackUrl() != null) {
      button(buttons, "Acknowledge", message.ackUrl()).put("style", "primary");
    }
    if (message.resolveUrl() != null) {
      button(buttons, "Resolve", message.resolveUrl());
    }
    button(buttons, "Open incident", message.incidentUrl());
    return body;
  }

  @Override
  public Sent notify(UrlContact contact, Notice notice) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(notice))), "slack");
    return Sent.NOTHING;
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

  /** Slack's mrkdwn needs only these three escaped. */
  public static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
