package dev.firebell.notify;

import dev.firebell.outbox.LeasedRows;
import dev.firebell.outbox.OutboxTable;
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
              row.getString("contact_id"),
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
      String contactId,
      String channel,
      String kind,
      String payload,
      Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO notice_delivery (once_key, person_id, contact_id, channel, kind,
              payload, status, attempts, next_attempt_at, created_at)
            VALUES (:onceKey, :personId, :contactId, :channel, :kind, :payload, 'PENDING', 0,
              :now, :now)
            """)
        .bind("onceKey", onceKey)
        .bind("personId", personId)
        .bind("contactId", contactId)
        .bind("channel", channel)
        .bind("kind", kind)
        .bind("payload", payload)
        .bind("now", now)
        .execute();
  }

  /** Pending notices that are due and not held by a live lease. */
  List<QueuedNotice> due(Instant now, int limit) {
    return rows()
        .due(
            "id, person_id, contact_id, channel, payload, attempts",
            List.of(DeliveryStatus.PENDING),
            now,
            limit,
            NOTICE);
  }

  /** The lease statements of this outbox table. */
  LeasedRows rows() {
    return new LeasedRows(handle, OutboxTable.NOTICE_DELIVERY);
  }
}
