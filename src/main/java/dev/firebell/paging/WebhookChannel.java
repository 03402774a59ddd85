package dev.firebell.paging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.oncall.Contact;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/** POSTs the {@link PageMessage} as JSON to any URL: the contract for custom integrations. */
final class WebhookChannel implements Channel {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpDelivery http;
  private final ObjectMapper json;

  WebhookChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public void send(Contact contact, PageMessage message) throws DeliveryFailure {
    http.execute(post(contact.url(), write(json, message)), "webhook");
  }

  @Override
  public void notify(Contact contact, Notice notice) throws DeliveryFailure {
    http.execute(post(contact.url(), write(json, notice)), "webhook");
  }

  static Request post(String url, String body) {
    return new Request.Builder()
        .url(url)
        .header("User-Agent", "Firebell")
        .post(RequestBody.create(body, JSON))
        .build();
  }

  static String write(ObjectMapper json, Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a message could not be written as JSON", e);
    }
  }
}
