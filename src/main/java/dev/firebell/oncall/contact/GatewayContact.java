package dev.firebell.oncall.contact;

import java.util.Map;

/** The generic HTTP gateway: where, how, with which headers and a Mustache body template. */
public record GatewayContact(
    String url, String method, Map<String, String> headers, String body, String contentType)
    implements Contact {
  public GatewayContact {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  @Override
  public ContactType type() {
    return ContactType.HTTP;
  }
}
