package dev.firebell.outbox;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The lease statements of every outbox table. Each keeps one message a row with the same lease
 * columns ({@code id}, {@code status}, {@code attempts}, {@code next_attempt_at}, {@code
 * lease_until}, {@code last_error}, {@code created_at}; migration V17), so one claim, one retry,
 * one finish and one prune serve pages, notices, digests, silences and annotations alike. The table
 * name comes from {@link OutboxTable}, never from input.
 */
public final class LeasedRows {
  private final Handle handle;
  private final String table;

  public LeasedRows(Handle handle, OutboxTable table) {
    this.handle = handle;
    this.table = table.tableName();
  }

  /**
   * Rows in one of {@code statuses} that are due at {@code now} and not held by a live lease,
   * oldest due first, read with {@code columns} into {@code mapper}.
   */
  public <T> List<T> due(
      String columns,
      Collection<? extends OutboxStatus> statuses,
      Instant now,
      int limit,
      RowMapper<T> mapper) {
    return handle
        .createQuery(
            "SELECT "
                + columns
                + " FROM "
                + table
                + """
                 WHERE status IN (<statuses>) AND next_attempt_at <= :now
                  AND (lease_until IS NULL OR lease_until <= :now)
                ORDER BY next_attempt_at, id LIMIT :limit
                """)
        .bindList("statuses", names(statuses))
        .bind("now", now)
        .bind("limit", limit)
        .map(mapper)
        .list();
  }

  /**
   * Takes a message for one attempt while it is still in {@code status}; 0 rows when someone else
   * holds it or it moved on since it was found due.
   *
   * <p>The conditions sit in a CASE so that only the primary key can serve them. H2 plans a
   * statement once per connection, often while the table is still empty, and then judged the due
   * index ({@code status, next_attempt_at}) cheaper: every claim walked all due rows, 14% of the
   * server's CPU under a burst of new incidents.
   */
  public int claim(long id, OutboxStatus status, Instant now, Instant leaseUntil) {
    return handle
        .createUpdate(claimSql(table))
        .bind("id", id)
        .bind("status", status.name())
        .bind("now", now)
        .bind("leaseUntil", leaseUntil)
        .execute();
  }

  static String claimSql(String table) {
    return "UPDATE "
        + table
        + """
         SET lease_until = :leaseUntil, attempts = attempts + 1
        WHERE id = :id AND CASE WHEN status = :status AND next_attempt_at <= :now
          AND (lease_until IS NULL OR lease_until <= :now) THEN TRUE ELSE FALSE END
        """;
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

  /**
   * Ends a message's lease in {@code status} (FAILED, CANCELLED, EXPIRED …) with its last error.
   */
  public void finish(long id, OutboxStatus status, String error) {
    handle
        .createUpdate(
            "UPDATE "
                + table
                + """
                 SET status = :status, lease_until = NULL, last_error = :error
                WHERE id = :id
                """)
        .bind("id", id)
        .bind("status", status.name())
        .bind("error", error)
        .execute();
  }

  /** Delivered: for the tables that keep when ({@code delivered_at}). */
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

  /**
   * Removes the rows no longer in one of the {@code open} statuses (delivered, failed, cancelled …)
   * that were made before {@code before}; returns how many went.
   */
  public int pruneEnded(Collection<? extends OutboxStatus> open, Instant before) {
    return handle
        .createUpdate(
            "DELETE FROM " + table + " WHERE status NOT IN (<open>) AND created_at < :before")
        .bindList("open", names(open))
        .bind("before", before)
        .execute();
  }

  private static List<String> names(Collection<? extends OutboxStatus> statuses) {
    return statuses.stream().map(OutboxStatus::name).toList();
  }
}
