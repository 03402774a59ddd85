package dev.firebell.oncall;

import java.util.Map;

/**
 * One way to reach a person. {@code url} serves webhook, Slack, Discord, Teams, Mattermost, ntfy
 * (with {@code topic} and an optional {@code token}) and the generic {@code http} gateway; {@code
 * to} serves email and SMS, and holds a Pushover contact's user key or a Telegram chat id. The
 * gateway also has its {@code method}, {@code headers}, a Mustache {@code body} template and its
 * {@code contentType}.
 */
public record Contact(
    ContactType type,
    String url,
    String topic,
    String token,
    String to,
    String method,
    Map<String, String> headers,
    String body,
    String contentType) {

  public Contact {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public Contact(ContactType type, String url, String topic, String token, String to) {
    this(type, url, topic, token, to, null, null, null, null);
  }

  /** How the contact shows in timelines: the channel, never the address or token. */
  public String channel() {
    return type.id();
  }
}
