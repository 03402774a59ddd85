package dev.firebell.notify;

import java.time.Instant;

/** A page as the outbox recorded it: to whom, on which channel, when, and how it ended. */
public record PageRecord(
    String personId,
    String channel,
    int round,
    String status,
    int attempts,
    Instant createdAt,
    Instant deliveredAt,
    String lastError) {

  public boolean delivered() {
    return "DELIVERED".equals(status);
  }

  public boolean failed() {
    return "FAILED".equals(status);
  }
}
