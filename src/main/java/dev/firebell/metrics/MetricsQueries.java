package dev.firebell.metrics;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The counts gauges read at scrape time. */
public interface MetricsQueries {

  @SqlQuery("SELECT COUNT(*) FROM incident WHERE status = :status AND test = FALSE")
  long incidentsWithStatus(@Bind("status") String status);

  @SqlQuery("SELECT COUNT(*) FROM page_delivery WHERE status = 'PENDING'")
  long pendingDeliveries();

  /** When the oldest pending delivery was queued, or null. */
  @SqlQuery("SELECT MIN(created_at) FROM page_delivery WHERE status = 'PENDING'")
  Instant oldestPendingDelivery();
}
