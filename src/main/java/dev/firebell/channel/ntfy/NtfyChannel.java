package dev.firebell.channel.ntfy;

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
import dev.firebell.oncall.contact.NtfyContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.Cut;
import okhttp3.Request;

/**
 * An ntfy message published as JSON to the server's root URL. A page carries three actions (ntfy's
 * most): "Acknowledge" POSTs to the ack link and clears the notification, "Resolve" and "Open" open
 * the resolve and acknowledge pages. A page is sent at the highest priority.
 */
public final class NtfyChannel implements Channel<NtfyContact> {
  static final int MESSAGE_BYTES = 4_096;
  static final int TITLE = 250;

  private final HttpDelivery http;
  private final ObjectMapper json;

  public NtfyChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public Sent send(NtfyContact contact, PageMessage message) throws DeliveryFailure {
    Request.Builder request =
        JsonPost.to(contact.url(), Json.write(json, body(contact, message))).newBuilder();
    if (contact.token() != null) {
      request.header("Authorization", "Bearer " + contact.token());
    }
    http.execute(request.build(), "ntfy");
    return Sent.NOTHING;
  }

  /**
   * ntfy keeps a message of at most {@value #MESSAGE_BYTES} bytes as text (a longer one becomes an
   * attachment or is refused), so the text is cut to that; the title to {@value #TITLE} characters
   * on one line. Acknowledge and Resolve travel as actions, outside the text.
   */
  public ObjectNode body(NtfyContact contact, PageMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("topic", contact.topic());
    body.put("title", Cut.toChars(oneLine(message.headline()), TITLE));
    body.put(
        "message",
        Cut.toUtf8Bytes(message.summary() + "\nService: " + message.service(), MESSAGE_BYTES));
    body.put("priority", message.isPage() ? 5 : 3);
    body.putArray("tags").add(message.isPage() ? "rotating_light" : "white_check_mark");
    body.put("click", message.incidentUrl());
    ArrayNode actions = body.putArray("actions");
    if (message.ackUrl() != null) {
      // One tap acknowledges without a browser: an explicit press, so link scanners never act.
      ObjectNode ack =
          actions
              .addObject()
              .put("action", "http")
              .put("label", "Acknowledge")
              .put("url", message.ackUrl())
              .put("method", "POST")
              .put("clear", true);
      ack.putObject("headers").put("Accept", "text/plain");
    }
    if (message.resolveUrl() != null) {
      actions
          .addObject()
          .put("action", "view")
          .put("label", "Resolve")
          .put("url", message.resolveUrl());
    }
    actions
        .addObject()
        .put("action", "view")
        .put("label", "Open")
        .put("url", message.ackUrl() != null ? message.ackUrl() : message.incidentUrl());
    return body;
  }

  @Override
  public Sent notify(NtfyContact contact, Notice notice) throws DeliveryFailure {
    Request.Builder request =
        JsonPost.to(contact.url(), Json.write(json, body(contact, notice))).newBuilder();
    if (contact.token() != null) {
      request.header("Authorization", "Bearer " + contact.token());
    }
    http.execute(request.build(), "ntfy");
    return Sent.NOTHING;
  }

  public ObjectNode body(NtfyContact contact, Notice notice) {
    ObjectNode body = json.createObjectNode();
    body.put("topic", contact.topic());
    body.put("title", Cut.toChars(oneLine(notice.title()), TITLE));
    body.put("message", Cut.toUtf8Bytes(notice.text(), MESSAGE_BYTES));
    body.put("priority", 3);
    body.putArray("tags").add("calendar");
    body.put("click", notice.url());
    ArrayNode actions = body.putArray("actions");
    if (notice.actionUrl() != null) {
      actions
          .addObject()
          .put("action", "view")
          .put("label", notice.actionLabel())
          .put("url", notice.actionUrl());
    }
    return body;
  }

  private static String oneLine(String text) {
    return text.replaceAll("[\\r\\n]+", " ");
  }

  /** An ntfy contact: the server's URL, a topic, and an optional access token. */
  public static NtfyContact read(ContactEntry entry, ContactCheck check) {
    check.httpUrl(entry.url(), "url");
    check.required(entry.topic(), "topic");
    String token = entry.token() == null || entry.token().isBlank() ? null : entry.token();
    return new NtfyContact(entry.url(), entry.topic(), token);
  }
}
