package dev.firebell.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.oncall.Contact;

/** A Slack incoming-webhook message with Acknowledge, Resolve and Open buttons. */
final class SlackChannel implements Channel {
  private final HttpDelivery http;
  private final ObjectMapper json;

  SlackChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public void send(Contact contact, PageMessage message) throws DeliveryFailure {
    http.execute(
        WebhookChannel.post(contact.url(), WebhookChannel.write(json, body(message))), "slack");
  }

  ObjectNode body(PageMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("text", message.headline());
    ArrayNode blocks = body.putArray("blocks");
    ObjectNode section = blocks.addObject().put("type", "section");
    section
        .putObject("text")
        .put("type", "mrkdwn")
        .put(
            "text",
            "*"
                + escape(message.headline())
                + "*\n"
                + escape(message.summary())
                + "\nService: "
                + escape(message.service())
                + " · Status: "
                + message.status()
                + " · For: "
                + escape(message.person().name()));
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

  private static ObjectNode button(ArrayNode buttons, String label, String url) {
    ObjectNode button = buttons.addObject().put("type", "button").put("url", url);
    button.putObject("text").put("type", "plain_text").put("text", label);
    return button;
  }

  /** Slack's mrkdwn needs only these three escaped. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
