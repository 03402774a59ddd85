package dev.firebell.channel.discord;

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
 * A Discord webhook message: an embed with the incident and Markdown links to acknowledge and
 * resolve (webhooks cannot carry link buttons). Mentions are disabled: alert text is not trusted.
 */
public final class DiscordChannel implements Channel<UrlContact> {
  static final int CONTENT = 2_000;
  static final int TITLE = 256;
  static final int DESCRIPTION = 4_096;
  static final int FIELD_VALUE = 1_024;
  static final int EMBED_TOTAL = 6_000;

  private static final int RED = 0xD32F2F;
  private static final int GREEN = 0x2E7D32;
  private static final int AMBER = 0xF9A825;

  private final HttpDelivery http;
  private final ObjectMapper json;

  public DiscordChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public Sent send(UrlContact contact, PageMessage message) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(message))), "discord");
    return Sent.NOTHING;
  }

  /**
   * Within Discord's documented limits: content {@value #CONTENT} characters, embed title {@value
   * #TITLE}, description {@value #DESCRIPTION}, field values {@value #FIELD_VALUE}, and the whole
   * embed {@value #EMBED_TOTAL}. The summary is what gets cut; the links stay whole.
   */
  public ObjectNode body(PageMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("content", cutEscaped(message.headline(), CONTENT));
    body.putObject("allowed_mentions").putArray("parse");
    ObjectNode embed = body.putArray("embeds").addObject();
    String title = cutEscaped(message.headline(), TITLE);
    embed.put("title", title);
    embed.put("url", message.incidentUrl());
    embed.put("color", color(message));
    ArrayNode fields = embed.putArray("fields");
    int fieldsLength =
        field(fields, "Severity", message.severity())
            + field(fields, "Service", message.service())
            + field(fields, "Status", message.status());
    String links = "\n\n" + links(message);
    int room = Math.min(DESCRIPTION, EMBED_TOTAL - title.length() - fieldsLength) - links.length();
    embed.put("description", cutEscaped(message.summary(), room) + links);
    return body;
  }

  @Override
  public Sent notify(UrlContact contact, Notice notice) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, body(notice))), "discord");
    return Sent.NOTHING;
  }

  public ObjectNode body(Notice notice) {
    ObjectNode body = json.createObjectNode();
    body.put("content", cutEscaped(notice.title(), CONTENT));
    body.putObject("allowed_mentions").putArray("parse");
    ObjectNode embed = body.putArray("embeds").addObject();
    String title = cutEscaped(notice.title(), TITLE);
    embed.put("title", title);
    embed.put("url", notice.url());
    embed.put("color", AMBER);
    String links =
        "\n\n"
            + (notice.actionUrl() == null
                ? ""
                : "[" + notice.actionLabel() + "](" + notice.actionUrl() + ") · ")
            + "[Open the rota]("
            + notice.url()
            + ")";
    int room = Math.min(DESCRIPTION, EMBED_TOTAL - title.length()) - links.length();
    embed.put("description", cutEscaped(notice.text(), room) + links);
    return body;
  }

  private static String links(PageMessage message) {
    StringBuilder links = new StringBuilder();
    if (message.ackUrl() != null) {
      links.append("[Acknowledge](").append(message.ackUrl()).append(") · ");
    }
    if (message.resolveUrl() != null) {
      links.append("[Resolve](").append(message.resolveUrl()).append(") · ");
    }
    return links.append("[Open incident](").append(message.incidentUrl()).append(')').toString();
  }

  private static int color(PageMessage message) {
    return switch (message.status()) {
      case "resolved" -> GREEN;
      case "acknowledged" -> AMBER;
      default -> RED;
    };
  }

  /** Adds a field; returns how many characters it counts towards the embed's total. */
  private static int field(ArrayNode fields, String name, String value) {
    String shown = cutEscaped(value, FIELD_VALUE);
    fields.addObject().put("name", name).put("value", shown).put("inline", true);
    return name.length() + shown.length();
  }

  /** Escapes, then cuts without leaving a lone escaping backslash at the end. */
  private static String cutEscaped(String text, int max) {
    String escaped = escape(text);
    if (escaped.length() <= max) {
      return escaped;
    }
    String cut = Cut.toChars(escaped, Math.max(1, max));
    int backslashes = 0;
    for (int index = cut.length() - 2; index >= 0 && cut.charAt(index) == '\\'; index--) {
      backslashes++;
    }
    return backslashes % 2 == 1 ? cut.substring(0, cut.length() - 2) + Cut.ELLIPSIS : cut;
  }

  /**
   * Alert text is shown as written, never as Markdown: a summary holding {@code
   * [Acknowledge](https://elsewhere)} must not become a link that looks like ours, nor
   * {@code @everyone} a mention (mentions are also switched off in {@code allowed_mentions}).
   */
  public static String escape(String text) {
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
}
