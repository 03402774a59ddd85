package dev.firebell.channel.gateway;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channel;
import dev.firebell.channel.ContactCheck;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.channel.Notice;
import dev.firebell.channel.PageMessage;
import dev.firebell.channel.Sent;
import dev.firebell.oncall.contact.ContactEntry;
import dev.firebell.oncall.contact.GatewayContact;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.text.BodyTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The generic gateway for any SMS, voice or paging vendor and internal systems: the contact's
 * {@code method} to its {@code url} with its {@code headers}, and a body rendered from its Mustache
 * template over the same fields as the webhook channel's JSON (a page's {@code ackUrl} and {@code
 * resolveUrl} among them; a notice's {@code title}, {@code text} and {@code actionUrl}). Any 2xx is
 * delivered; failures are retried as for webhooks.
 */
public final class HttpGatewayChannel implements Channel<GatewayContact> {
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

  private final HttpDelivery http;
  private final ObjectMapper json;

  /** Templates were checked at start-up; each is compiled once, on its first use. */
  private final Map<String, BodyTemplate> templates = new ConcurrentHashMap<>();

  public HttpGatewayChannel(HttpDelivery http, ObjectMapper json) {
    this.http = http;
    this.json = json;
  }

  @Override
  public Sent send(GatewayContact contact, PageMessage message) throws DeliveryFailure {
    Map<String, Object> fields = json.convertValue(message, FIELDS);
    fields.put("headline", message.headline());
    http.execute(request(contact, fields), "http");
    return Sent.NOTHING;
  }

  @Override
  public Sent notify(GatewayContact contact, Notice notice) throws DeliveryFailure {
    Map<String, Object> fields = json.convertValue(notice, FIELDS);
    fields.put("headline", notice.title());
    http.execute(request(contact, fields), "http");
    return Sent.NOTHING;
  }

  public Request request(GatewayContact contact, Map<String, Object> fields) {
    String body =
        templates
            .computeIfAbsent(
                contact.contentType() + "\n" + contact.body(),
                key -> BodyTemplate.compile(contact.body(), contact.contentType()))
            .render(fields);
    Request.Builder request =
        new Request.Builder().url(contact.url()).header("User-Agent", "Firebell");
    contact.headers().forEach(request::header);
    return request
        .method(
            BodyTemplate.method(contact.method()),
            RequestBody.create(body, MediaType.get(contact.contentType())))
        .build();
  }

  /** An http contact: a URL, a known method, and a body template that compiles now. */
  public static GatewayContact read(ContactEntry entry, ContactCheck check) {
    check.httpUrl(entry.url(), "url");
    if (entry.method() != null
        && !BodyTemplate.METHODS.contains(BodyTemplate.method(entry.method()))) {
      throw check.problem(
          "method", "'" + entry.method() + "' is not one of " + BodyTemplate.METHODS);
    }
    String contentType = BodyTemplate.contentType(entry.contentType());
    if (MediaType.parse(contentType) == null) {
      throw check.problem("contentType", "'" + entry.contentType() + "' is not a media type");
    }
    String body = check.required(entry.body(), "body");
    BodyTemplate.problem(body, contentType)
        .ifPresent(
            problem -> {
              throw check.problem("body", problem);
            });
    return new GatewayContact(
        entry.url(),
        BodyTemplate.method(entry.method()),
        entry.headers(),
        entry.body(),
        contentType);
  }
}
