package dev.firebell.oncall.contact;

/**
 * A Slack contact: an incoming webhook's {@code url}, or a {@code channelId} (a channel, or a
 * member id for a direct message) the Slack app posts to. Exactly one is set.
 */
public record SlackContact(String url, String channelId) implements Contact {
  @Override
  public ContactType type() {
    return ContactType.SLACK;
  }

  /** Posted by the app, so its message can be updated and its buttons act in place. */
  public boolean byApp() {
    return channelId != null;
  }
}
