package dev.firebell.notify;

import dev.firebell.outbox.LeasedRows;
import dev.firebell.outbox.OutboxTable;
import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for page rate limits and the digests that carry the pages beyond them. */
final class DigestRepository {
  private static final RowMapper<Digest> DIGEST =
      (row, context) ->
          new Digest(
              row.getLong("id"),
              row.getString("person_id"),
              row.getString("contact_id"),
              row.getString("channel"),
              Rows.instant(row, "send_at"),
              row.getInt("attempts"));

  private static final RowMapper<FoldedPage> FOLDED_PAGE =
      (row, context) ->
          new FoldedPage(
              row.getLong("incident_id"),
              row.getString("title"),
              row.getString("severity"),
              row.getString("service"));

  private final Handle handle;

  DigestRepository(Handle handle) {
    this.handle = handle;
  }

  /**
   * Pages to one contact of one person delivered since {@code since} or being sent right now
   * (claimed, lease running), not counting delivery {@code excludeId}; counted only up to {@code
   * limit}, which is all the rate limit asks. Two counts rather than one with OR, so each runs on
   * an index range.
   */
  int recentPages(
      String personId, String contactId, Instant since, Instant now, long excludeId, int limit) {
    return handle
        .createQuery(
            """
            SELECT
              (SELECT COUNT(*) FROM (SELECT 1 FROM page_delivery
                 WHERE person_id = :personId AND contact_id = :contactId
                   AND status = 'DELIVERED' AND delivered_at > :since
                   AND kind = 'PAGE' AND id <> :excludeId LIMIT :limit) delivered)
              + (SELECT COUNT(*) FROM (SELECT 1 FROM page_delivery
                 WHERE person_id = :personId AND contact_id = :contactId
                   AND status = 'PENDING' AND lease_until > :now
                   AND kind = 'PAGE' AND id <> :excludeId LIMIT :limit) sending)
            """)
        .bind("personId", personId)
        .bind("contactId", contactId)
        .bind("since", since)
        .bind("now", now)
        .bind("excludeId", excludeId)
        .bind("limit", limit)
        .mapTo(Integer.class)
        .one();
  }

  void fold(long id, Instant sendAt) {
    handle
        .createUpdate(
            """
            UPDATE page_delivery SET status = 'FOLDED', digest_at = :sendAt, lease_until = NULL
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("sendAt", sendAt)
        .execute();
  }

  int digestsAt(String personId, String contactId, Instant sendAt) {
    return handle
        .createQuery(
            """
            SELECT COUNT(*) FROM page_digest
            WHERE person_id = :personId AND contact_id = :contactId AND send_at = :sendAt
            """)
        .bind("personId", personId)
        .bind("contactId", contactId)
        .bind("sendAt", sendAt)
        .mapTo(Integer.class)
        .one();
  }

  void insert(String personId, String contactId, String channel, Instant sendAt) {
    handle
        .createUpdate(
            """
            INSERT INTO page_digest (person_id, contact_id, channel, send_at, status, attempts,
              next_attempt_at, created_at)
            VALUES (:personId, :contactId, :channel, :sendAt, 'PENDING', 0, :sendAt, :sendAt)
            """)
        .bind("personId", personId)
        .bind("contactId", contactId)
        .bind("channel", channel)
        .bind("sendAt", sendAt)
        .execute();
  }

  /** Folded pages with no digest row to send them: one row per digest they are waiting for. */
  List<Digest> missing() {
    return handle
        .createQuery(
            """
            SELECT DISTINCT 0 AS id, d.person_id, d.contact_id, d.channel,
              d.digest_at AS send_at, 0 AS attempts
            FROM page_delivery d
            WHERE d.status = 'FOLDED' AND NOT EXISTS (
              SELECT 1 FROM page_digest g WHERE g.person_id = d.person_id
                AND g.contact_id = d.contact_id AND g.send_at = d.digest_at)
            LIMIT 50
            """)
        .map(DIGEST)
        .list();
  }

  List<Digest> due(Instant now) {
    return rows()
        .due(
            "id, person_id, contact_id, channel, send_at, attempts",
            List.of(DeliveryStatus.PENDING),
            now,
            50,
            DIGEST);
  }

  /** The lease statements of this outbox table. */
  LeasedRows rows() {
    return new LeasedRows(handle, OutboxTable.PAGE_DIGEST);
  }

  /** The incidents folded into one digest, still open, oldest first. */
  List<FoldedPage> folded(String personId, String contactId, Instant sendAt) {
    return handle
        .createQuery(
            """
            SELECT DISTINCT i.id AS incident_id, i.title, i.severity, i.service
            FROM page_delivery d JOIN incident i ON i.id = d.incident_id
            WHERE d.person_id = :personId AND d.contact_id = :contactId
              AND d.status = 'FOLDED' AND d.digest_at = :sendAt AND i.status = 'TRIGGERED'
            ORDER BY i.id
            """)
        .bind("personId", personId)
        .bind("contactId", contactId)
        .bind("sendAt", sendAt)
        .map(FOLDED_PAGE)
        .list();
  }
}
