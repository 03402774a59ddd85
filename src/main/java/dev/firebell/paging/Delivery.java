package dev.firebell.paging;

import java.time.Instant;

/** One message in the outbox: a page or a status update to one contact of one person. */
public record Delivery(
    long id,
    long incidentId,
    String personId,
    int contactIndex,
    String channel,
    String kind,
    int round,
    String status,
    int attempts,
    Instant nextAttemptAt) {

  static final String PAGE = "PAGE";
  static final String STATUS_UPDATE = "STATUS_UPDATE";

  boolean isPage() {
    return PAGE.equals(kind);
  }
}
