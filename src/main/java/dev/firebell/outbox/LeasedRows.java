package dev.firebell.outbox;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The lease statements that {@code page_delivery} and {@code notice_delivery} share: both keep one
 * message a row with {@code status}, {@code attempts}, {@code next_attempt_at}, {@code lease_until}
 * and {@code last_error}. The table name is one of those two constants, never input.
 */
public final class LeasedRows {
  public static final String PAGES = "page_delivery";
  public static final String NOTICES = "notice_delivery";

  private final Handle handle;
  private final String table;

  public LeasedRows(Handle handle, String table) {
    this.handle = handle;
    this.table = table;
  }

  /** Takes a message for one attempt; 0 rows when someone else holds it. */
  public int claim(long id, Instant now, Instant leaseUntil) {
    return handle
        .createUpdate(
            "UPDATE "
                + table
                + """
                 SET lease_until = :leaseUntil, attempts = attempts + 1
                WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
                  AND (lease_until IS NULL OR lease_until <= :now)
                """)
        .bind("id", id)
        .bind("now", now)
        .bind("leaseUntil", leaseUntil)
        .execute();
  }

  public void markDelivered(long id, Instant now) {
    handle
        .createUpdate(
            "UPDATE "
                + table
                + """
                 SET status = 'DELIVERED', delivered_at = :now, lease_until = NULL,
                  last_error = NULL
                WHERE id = :id
                """)
        .bind("id", id)
        .bind("now", now)
        .execute();
  }

  /** A failed attempt to be tried again at {@code nextAttemptAt}. */
  public void reschedule(long id, Instant nextAttemptAt, String error) {
    handle
        .createUpdate(
            "UPDATE "
                + table
                + """
                 SET next_attempt_at = :nextAttemptAt, lease_until = NULL, last_error = :error
                WHERE id = :id
                """)
        .bind("id", id)
        .bind("nextAttemptAt", nextAttemptAt)
        .bind("error", error)
        .execute();
  }

  /** Ends a message (FAILED, CANCELLED) with its last error. */
  public void finish(long id, String status, String error) {
    handle
        .createUpdate(
            "UPDATE "
                + table
                + """
                 SET status = :status, lease_until = NULL, last_error = :error
                WHERE id = :id
                """)
        .bind("id", id)
        .bind("status", status)
        .bind("error", error)
        .execute();
  }
}
