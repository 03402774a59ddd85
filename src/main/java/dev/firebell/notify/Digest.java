package dev.firebell.notify;

import dev.firebell.outbox.Leased;
import java.time.Instant;
import java.util.List;

/** A digest of folded pages for one contact of one person, sent at {@code sendAt}. */
public record Digest(
    String personId, int contactIndex, String channel, Instant sendAt, int attempts)
    implements Leased {

  @Override
  public Object key() {
    return List.of(personId, contactIndex, sendAt);
  }

  @Override
  public String kind() {
    return "DIGEST";
  }

  /** As claimed: the claim counts the attempt it starts. */
  Digest withAttemptCounted() {
    return new Digest(personId, contactIndex, channel, sendAt, attempts + 1);
  }
}
