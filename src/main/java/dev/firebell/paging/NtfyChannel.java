package dev.firebell.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.firebell.oncall.Contact;
import okhttp3.Request;

/**
 * An ntfy message published as JSON to the server's root URL, with view actions that open the
 * acknowledge and resolve pages; a page is sent at the highest priority.
 */
final class NtfyChannel implements Channel {
  private final HttpDelivery http;
  private final ObjectMapper json;

  NtfyChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public void send(Contact contact, PageMessage message) throws DeliveryFailure {
    Request.Builder request =
        WebhookChannel.post(contact.url(), WebhookChannel.write(json, body(contact, message)))
            .newBuilder();
    if (contact.token() != null) {
      request.header("Authorization", "Bearer " + contact.token());
    }
    http.execute(request.build(), "ntfy");
  }

  ObjectNode body(Contact contact, PageMessage message) {
    ObjectNode body = json.createObjectNode();
    body.put("topic", contact.topic());
    body.put("title", message.headline());
    body.put("message", message.summary() + "\nService: " + message.service());
    body.put("priority", message.isPage() ? 5 : 3);
    body.putArray("tags").add(message.isPage() ? "rotating_light" : "white_check_mark");
    body.put("click", message.incidentUrl());
    ArrayNode actions = body.putArray("actions");
    if (message.ackUrl() != null) {
      actions
          .addObject()
          .put("action", "view")
          .put("label", "Acknowledge")
          .put("url", message.ackUrl());
    }
    if (message.resolveUrl() != null) {
      actions
          .addObject()
          .put("action", "view")
          .put("label", "Resolve")
          .put("url", message.resolveUrl());
    }
    return body;
  }
}
