package dev.firebell.oncall.contact;

/** An ntfy server's URL, the topic to publish to and an optional access token. */
public record NtfyContact(String url, String topic, String token) implements Contact {
  @Override
  public ContactType type() {
    return ContactType.NTFY;
  }
}
