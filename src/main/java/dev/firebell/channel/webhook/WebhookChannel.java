package dev.firebell.channel.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channel;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.JsonPost;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.json.Json;
import dev.firebell.oncall.contact.UrlContact;
import dev.firebell.outbox.DeliveryFailure;

/** POSTs the {@link PageMessage} as JSON to any URL: the contract for custom integrations. */
public final class WebhookChannel implements Channel<UrlContact> {
  private final HttpDelivery http;
  private final ObjectMapper json;

  public WebhookChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public Sent send(UrlContact contact, PageMessage message) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, message)), "webhook");
    return Sent.NOTHING;
  }

  @Override
  public Sent notify(UrlContact contact, Notice notice) throws DeliveryFailure {
    http.execute(JsonPost.to(contact.url(), Json.write(json, notice)), "webhook");
    return Sent.NOTHING;
  }
}
