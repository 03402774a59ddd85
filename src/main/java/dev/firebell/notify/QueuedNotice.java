package dev.firebell.notify;

import dev.firebell.outbox.Leased;

/** A notice waiting in {@code notice_delivery} for one contact of one person. */
public record QueuedNotice(
    long id, String personId, String contactId, String channel, String payload, int attempts)
    implements Leased {

  static final String KIND = "NOTICE";

  @Override
  public Object key() {
    return "notice-" + id;
  }

  @Override
  public String kind() {
    return KIND;
  }

  QueuedNotice withAttemptCounted() {
    return new QueuedNotice(id, personId, contactId, channel, payload, attempts + 1);
  }
}
