package dev.firebell.channel.telegram;

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
import dev.firebell.oncall.contact.TelegramContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.Cut;

/**
 * A Telegram bot's {@code sendMessage} to the contact's chat. Text goes without a {@code
 * parse_mode}, so alert text is shown as written and forms no links or mentions. A page carries an
 * inline keyboard: Acknowledge and Resolve answer back through {@link TelegramUpdates} (the
 * pressing Telegram user must be mapped to a person), Open is a link to the incident.
 */
public final class TelegramChannel implements Channel<TelegramContact> {
  /** Telegram's limit for a message's text. */
  static final int TEXT = 4_096;

  private final HttpDelivery http;
  private final TelegramConfig telegram;
  private final ObjectMapper json;

  public TelegramChannel(HttpDelivery http, TelegramConfig telegram, ObjectMapper json) {
    this.http = http;
    this.telegram = telegram;
    this.json = json;
  }

  @Override
  public Sent send(TelegramContact contact, PageMessage message) throws DeliveryFailure {
    post("sendMessage", body(contact, message));
    return Sent.NOTHING;
  }

  @Override
  public Sent notify(TelegramContact contact, Notice notice) throws DeliveryFailure {
    ObjectNode body = json.createObjectNode();
    body.put("chat_id", contact.chatId());
    body.put("text", Cut.toChars(notice.title() + "\n\n" + notice.text(), TEXT));
    ArrayNode row = body.putObject("reply_markup").putArray("inline_keyboard").addArray();
    if (notice.actionUrl() != null) {
      row.addObject().put("text", notice.actionLabel()).put("url", notice.actionUrl());
    }
    row.addObject().put("text", "Open the rota").put("url", notice.url());
    post("sendMessage", body);
    return Sent.NOTHING;
  }

  public ObjectNode body(TelegramContact contact, PageMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("chat_id", contact.chatId());
    body.put("text", text(message));
    body.put("disable_web_page_preview", true);
    body.set(
        "reply_markup",
        keyboard(
            message.incidentId(),
            message.ackUrl() != null,
            message.resolveUrl() != null,
            message.incidentUrl()));
    return body;
  }

  /** The headline, then the summary, cut to Telegram's {@value #TEXT} characters. */
  public static String text(PageMessage message) {
    String service = message.service() == null ? "" : "\nService: " + message.service();
    return Cut.toChars(message.headline() + service + "\n\n" + message.summary(), TEXT);
  }

  /** Acknowledge / Resolve as callbacks (while they apply) and Open as a link. */
  ObjectNode keyboard(long incidentId, boolean canAck, boolean canResolve, String incidentUrl) {
    ObjectNode markup = json.createObjectNode();
    ArrayNode row = markup.putArray("inline_keyboard").addArray();
    if (incidentId > 0 && canAck) {
      row.addObject().put("text", "Acknowledge").put("callback_data", "ack:" + incidentId);
    }
    if (incidentId > 0 && canResolve) {
      row.addObject().put("text", "Resolve").put("callback_data", "resolve:" + incidentId);
    }
    row.addObject().put("text", "Open").put("url", incidentUrl);
    return markup;
  }

  String post(String method, ObjectNode body) throws DeliveryFailure {
    return http.call(
        JsonPost.to(telegram.botUrl() + "/" + method, Json.write(json, body)), "telegram");
  }

  /** A Telegram contact: a chat id, and the telegram: section of firebell.yaml. */
  public static TelegramContact read(ContactEntry entry, ContactCheck check) {
    String chatId = check.required(entry.chatId(), "chatId");
    if (!chatId.matches("-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32}")) {
      throw check.problem("chatId", "a chat id is a number (or @channelusername)");
    }
    if (!check.config().telegram().isConfigured()) {
      throw check.problem(
          null, "telegram contacts need the telegram: section of firebell.yaml (botToken)");
    }
    return new TelegramContact(entry.chatId());
  }
}
