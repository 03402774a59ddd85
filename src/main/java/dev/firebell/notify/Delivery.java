package dev.firebell.notify;

import dev.firebell.outbox.Leased;
import java.time.Instant;

/**
 * One message in the outbox: a page or a status update to one contact of one person, named by the
 * contact's id.
 */
public record Delivery(
    long id,
    long incidentId,
    String personId,
    String contactId,
    String channel,
    String kind,
    int round,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt)
    implements Leased {

  public static final String PAGE = "PAGE";
  public static final String STATUS_UPDATE = "STATUS_UPDATE";

  boolean isPage() {
    return PAGE.equals(kind);
  }

  @Override
  public Object key() {
    return id;
  }

  /** As claimed: the claim counts the attempt it starts. */
  Delivery withAttemptCounted() {
    return new Delivery(
        id,
        incidentId,
        personId,
        contactId,
        channel,
        kind,
        round,
        status,
        attempts + 1,
        nextAttemptAt);
  }
}
