package dev.firebell.oncall;

/**
 * One way to reach a person. {@code url} serves webhook, Slack, Discord and ntfy (with {@code
 * topic} and an optional {@code token}); {@code to} serves email and SMS.
 */
public record Contact(ContactType type, String url, String topic, String token, String to) {

  /** How the contact shows in timelines: the channel, never the address or token. */
  public String channel() {
    return type.id();
  }
}
