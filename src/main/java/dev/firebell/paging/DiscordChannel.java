package dev.firebell.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.oncall.Contact;

/**
 * A Discord webhook message: an embed with the incident and Markdown links to acknowledge and
 * resolve (webhooks cannot carry link buttons). Mentions are disabled: alert text is not trusted.
 */
final class DiscordChannel implements Channel {
  private static final int RED = 0xD32F2F;
  private static final int GREEN = 0x2E7D32;
  private static final int AMBER = 0xF9A825;

  private final HttpDelivery http;
  private final ObjectMapper json;

  DiscordChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public void send(Contact contact, PageMessage message) throws DeliveryFailure {
    http.execute(
        WebhookChannel.post(contact.url(), WebhookChannel.write(json, body(message))), "discord");
  }

  ObjectNode body(PageMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("content", limit(escape(message.headline()), 2000));
    body.putObject("allowed_mentions").putArray("parse");
    ObjectNode embed = body.putArray("embeds").addObject();
    embed.put("title", limit(escape(message.headline()), 256));
    embed.put("url", message.incidentUrl());
    embed.put("color", color(message));
    StringBuilder description = new StringBuilder(limit(escape(message.summary()), 3000));
    description.append("\n\n");
    if (message.ackUrl() != null) {
      description.append("[Acknowledge](").append(message.ackUrl()).append(") · ");
    }
    if (message.resolveUrl() != null) {
      description.append("[Resolve](").append(message.resolveUrl()).append(") · ");
    }
    description.append("[Open incident](").append(message.incidentUrl()).append(')');
    embed.put("description", description.toString());
    ArrayNode fields = embed.putArray("fields");
    field(fields, "Severity", message.severity());
    field(fields, "Service", message.service());
    field(fields, "Status", message.status());
    return body;
  }

  private static int color(PageMessage message) {
    return switch (message.status()) {
      case "resolved" -> GREEN;
      case "acknowledged" -> AMBER;
      default -> RED;
    };
  }

  private static void field(ArrayNode fields, String name, String value) {
    fields
        .addObject()
        .put("name", name)
        .put("value", limit(escape(value), 1024))
        .put("inline", true);
  }

  /**
   * Alert text is shown as written, never as Markdown: a summary holding {@code
   * [Acknowledge](https://elsewhere)} must not become a link that looks like ours, nor
   * {@code @everyone} a mention (mentions are also switched off in {@code allowed_mentions}).
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if ("\\*_~`|>[]()#<@".indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  private static String limit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
