package dev.firebell.metrics;

import dev.firebell.store.Rows;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The counts gauges read at scrape time. */
final class MetricsQueries {
  private final Handle handle;

  MetricsQueries(Handle handle) {
    this.handle = handle;
  }

  long incidentsWithStatus(String status) {
    return handle
        .createQuery("SELECT COUNT(*) FROM incident WHERE status = :status AND test = FALSE")
        .bind("status", status)
        .mapTo(Long.class)
        .one();
  }

  long pendingDeliveries() {
    return handle
        .createQuery("SELECT COUNT(*) FROM page_delivery WHERE status = 'PENDING'")
        .mapTo(Long.class)
        .one();
  }

  /** When the oldest pending delivery was queued, or null. */
  Instant oldestPendingDelivery() {
    return handle
        .createQuery("SELECT MIN(created_at) AS oldest FROM page_delivery WHERE status = 'PENDING'")
        .map((row, context) -> Rows.instant(row, "oldest"))
        .one();
  }
}
