package dev.firebell.notify;

import java.time.Instant;

/** A page as the outbox recorded it: to whom, on which channel, when, and how it ended. */
public record PageRecord(
    String personId,
    String contactId,
    String channel,
    int round,
    DeliveryStatus status,
    int attempts,
    Instant createdAt,
    Instant deliveredAt,
    String lastError) {

  public boolean delivered() {
    return status == DeliveryStatus.DELIVERED;
  }

  public boolean failed() {
    return status == DeliveryStatus.FAILED;
  }
}
