package dev.firebell.notify;

import dev.firebell.outbox.LeasedRows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the outbox of notices that belong to no incident. */
final class NoticeRepository {
  private static final RowMapper<QueuedNotice> NOTICE =
      (row, context) ->
          new QueuedNotice(
              row.getLong("id"),
              row.getString("person_id"),
              row.getInt("contact_index"),
              row.getString("channel"),
              row.getString("payload"),
              row.getInt("attempts"));

  private final Handle handle;

  NoticeRepository(Handle handle) {
    this.handle = handle;
  }

  /** Queues one notice for one contact; a second insert with the same key is a unique violation. */
  void insert(
      String onceKey,
      String personId,
      int contactIndex,
      String channel,
      String kind,
      String payload,
      Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO notice_delivery (once_key, person_id, contact_index, channel, kind,
              payload, status, attempts, next_attempt_at, created_at)
            VALUES (:onceKey, :personId, :contactIndex, :channel, :kind, :payload, 'PENDING', 0,
              :now, :now)
            """)
        .bind("onceKey", onceKey)
        .bind("personId", personId)
        .bind("contactIndex", contactIndex)
        .bind("channel", channel)
        .bind("kind", kind)
        .bind("payload", payload)
        .bind("now", now)
        .execute();
  }

  /** Pending notices that are due and not held by a live lease. */
  List<QueuedNotice> due(Instant now, int limit) {
    return handle
        .createQuery(
            """
            SELECT id, person_id, contact_index, channel, payload, attempts
            FROM notice_delivery
            WHERE status = 'PENDING' AND next_attempt_at <= :now
              AND (lease_until IS NULL OR lease_until <= :now)
            ORDER BY next_attempt_at, id LIMIT :limit
            """)
        .bind("now", now)
        .bind("limit", limit)
        .map(NOTICE)
        .list();
  }

  /** Takes a message for one attempt; 0 rows when someone else holds it. */
  int claim(long id, Instant now, Instant leaseUntil) {
    return new LeasedRows(handle, LeasedRows.NOTICES).claim(id, now, leaseUntil);
  }

  void markDelivered(long id, Instant now) {
    new LeasedRows(handle, LeasedRows.NOTICES).markDelivered(id, now);
  }

  void reschedule(long id, Instant nextAttemptAt, String error) {
    new LeasedRows(handle, LeasedRows.NOTICES).reschedule(id, nextAttemptAt, error);
  }

  void finish(long id, String status, String error) {
    new LeasedRows(handle, LeasedRows.NOTICES).finish(id, status, error);
  }
}
