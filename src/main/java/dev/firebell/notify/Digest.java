package dev.firebell.notify;

import dev.firebell.outbox.Leased;
import java.time.Instant;
import java.util.List;

/**
 * A digest of folded pages for one contact of one person, sent at {@code sendAt}; {@code id} is its
 * outbox row (0 before it is queued).
 */
public record Digest(
    long id, String personId, String contactId, String channel, Instant sendAt, int attempts)
    implements Leased {

  @Override
  public Object key() {
    return List.of(personId, contactId, sendAt);
  }

  @Override
  public String kind() {
    return "DIGEST";
  }

  /** As claimed: the claim counts the attempt it starts. */
  Digest withAttemptCounted() {
    return new Digest(id, personId, contactId, channel, sendAt, attempts + 1);
  }
}
