package dev.firebell.channel.teams;

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

/**
 * Microsoft Teams through a Workflows "When a Teams webhook request is received" URL (the route
 * left since Office 365 connectors were retired): a {@code message} carrying one Adaptive Card with
 * the title, facts, summary and Acknowledge / Resolve / Open as {@code Action.OpenUrl}.
 */
public final class TeamsChannel implements Channel<UrlContact> {
  /** Teams refuses messages over about 28 KB; the summary is cut well below that. */
  static final int SUMMARY = 10_000;

  static final int TITLE = 500;

  private final HttpDelivery http;
  private final ObjectMapper json;

  public TeamsChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public Sent send(UrlContact contact, PageMessage message) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(message))), "teams");
    return Sent.NOTHING;
  }

  @Override
  public Sent notify(UrlContact contact, Notice notice) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(notice))), "teams");
    return Sent.NOTHING;
  }

  public ObjectNode body(PageMessage message) {
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    title(body, message.headline(), message.isPage() ? "Attention" : "Good");
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    fact(facts, "Severity", message.severity());
    fact(facts, "Service", message.service());
    fact(facts, "Status", message.status());
    fact(facts, "For", message.person().name());
    text(body, message.summary());
    ArrayNode actions = card.putArray("actions");
    if (message.ackUrl() != null) {
      open(actions, "Acknowledge", message.ackUrl());
    }
    if (message.resolveUrl() != null) {
      open(actions, "Resolve", message.resolveUrl());
    }
    open(actions, "Open incident", message.incidentUrl());
    return envelope(card);
  }

  public ObjectNode body(Notice notice) {
    ObjectNode card = card();
    ArrayNode body = card.putArray("body");
    title(body, notice.title(), "Accent");
    text(body, notice.text());
    ArrayNode actions = card.putArray("actions");
    if (notice.actionUrl() != null) {
      open(actions, notice.actionLabel(), notice.actionUrl());
    }
    open(actions, "Open the rota", notice.url());
    return envelope(card);
  }

  private ObjectNode card() {
    ObjectNode card = json.createObjectNode();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    return card;
  }

  private ObjectNode envelope(ObjectNode card) {
    ObjectNode message = json.createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject();
    attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    attachment.set("content", card);
    return message;
  }

  private static void title(ArrayNode body, String text, String color) {
    body.addObject()
        .put("type", "TextBlock")
        .put("text", Cut.toChars(escape(text), TITLE))
        .put("weight", "Bolder")
        .put("size", "Medium")
        .put("color", color)
        .put("wrap", true);
  }

  private static void text(ArrayNode body, String text) {
    body.addObject()
        .put("type", "TextBlock")
        .put("text", Cut.toChars(escape(text), SUMMARY))
        .put("wrap", true);
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", Cut.toChars(escape(value), 500));
  }

  private static void open(ArrayNode actions, String title, String url) {
    actions.addObject().put("type", "Action.OpenUrl").put("title", title).put("url", url);
  }

  /**
   * TextBlocks render a Markdown subset (emphasis, lists, links) and honour no backslash escapes,
   * so alert text gets an invisible word joiner (U+2060) after each Markdown character and before a
   * line's list marker: it reads as written and forms no link, emphasis or list.
   */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      if (lineStart && (c == '-' || c == '+' || Character.isDigit(c))) {
        escaped.append(JOINER);
      }
      escaped.append(c);
      if ("*_~`[]()#>".indexOf(c) >= 0) {
        escaped.append(JOINER);
      }
      lineStart = c == '\n' || c == '\r' || (lineStart && c == ' ');
    }
    return escaped.toString();
  }

  private static final char JOINER = '\u2060';
}
