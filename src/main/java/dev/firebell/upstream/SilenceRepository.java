package dev.firebell.upstream;

import dev.firebell.outbox.LeasedRows;
import dev.firebell.outbox.OutboxTable;
import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the silences Firebell sets in senders. */
final class SilenceRepository {
  private static final String COLUMNS =
      "id, incident_id, source, api_url, matchers, ends_at, created_by, comment, silence_id,"
          + " status, attempts";
  private static final RowMapper<SilenceCall> SILENCE =
      (row, context) ->
          new SilenceCall(
              row.getLong("id"),
              row.getLong("incident_id"),
              row.getString("source"),
              row.getString("api_url"),
              row.getString("matchers"),
              Rows.instant(row, "ends_at"),
              row.getString("created_by"),
              row.getString("comment"),
              row.getString("silence_id"),
              SilenceStatus.valueOf(row.getString("status")),
              row.getInt("attempts"));

  private final Handle handle;

  SilenceRepository(Handle handle) {
    this.handle = handle;
  }

  void insert(
      long incidentId,
      String source,
      String apiUrl,
      String matchers,
      Instant endsAt,
      String createdBy,
      String comment,
      Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO silence (incident_id, source, api_url, matchers, ends_at, created_by,
              comment, status, attempts, next_attempt_at, created_at)
            VALUES (:incidentId, :source, :apiUrl, :matchers, :endsAt, :createdBy, :comment,
              'CREATING', 0, :now, :now)
            """)
        .bind("incidentId", incidentId)
        .bind("source", source)
        .bind("apiUrl", apiUrl)
        .bind("matchers", matchers)
        .bind("endsAt", endsAt)
        .bind("createdBy", createdBy)
        .bind("comment", comment)
        .bind("now", now)
        .execute();
  }

  /** Calls due: silences to create or to expire, not held by a live lease. */
  List<SilenceCall> due(Instant now, int limit) {
    return rows()
        .due(COLUMNS, List.of(SilenceStatus.CREATING, SilenceStatus.EXPIRING), now, limit, SILENCE);
  }

  /** The lease statements of this outbox table. */
  LeasedRows rows() {
    return new LeasedRows(handle, OutboxTable.SILENCE);
  }

  /**
   * The sender made the silence. When the incident resolved while the call was in flight, the row
   * is already EXPIRING and stays so: the silence just made is expired next.
   */
  void created(long id, String silenceId, Instant firstPoll) {
    handle
        .createUpdate(
            """
            UPDATE silence SET silence_id = :silenceId, lease_until = NULL, last_error = NULL,
              attempts = 0,
              status = CASE WHEN status = 'CREATING' THEN 'ACTIVE' ELSE status END,
              next_poll_at = :firstPoll
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("silenceId", silenceId)
        .bind("firstPoll", firstPoll)
        .execute();
  }

  /**
   * The incident resolved: an active silence is to be expired now, and one not made yet is not made
   * at all. Returns how many silences are to be expired.
   */
  int incidentResolved(long incidentId, Instant now) {
    handle
        .createUpdate(
            """
            UPDATE silence SET status = 'CANCELLED', lease_until = NULL
            WHERE incident_id = :incidentId AND status = 'CREATING' AND attempts = 0
            """)
        .bind("incidentId", incidentId)
        .execute();
    return handle
        .createUpdate(
            """
            UPDATE silence SET status = 'EXPIRING', next_attempt_at = :now, attempts = 0,
              next_poll_at = NULL
            WHERE incident_id = :incidentId AND status IN ('ACTIVE', 'CREATING')
            """)
        .bind("incidentId", incidentId)
        .bind("now", now)
        .execute();
  }

  /** Active silences whose alerts are due a look. */
  List<SilenceCall> toWatch(Instant now, int limit) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + """
                 FROM silence WHERE status = 'ACTIVE' AND next_poll_at <= :now
                ORDER BY next_poll_at, id LIMIT :limit
                """)
        .bind("now", now)
        .bind("limit", limit)
        .map(SILENCE)
        .list();
  }

  /** Claims one look at a silence's alerts until {@code next}; 0 rows when another instance did. */
  int watched(long id, Instant now, Instant next) {
    return handle
        .createUpdate(
            """
            UPDATE silence SET next_poll_at = :next
            WHERE id = :id AND status = 'ACTIVE' AND next_poll_at <= :now
            """)
        .bind("id", id)
        .bind("now", now)
        .bind("next", next)
        .execute();
  }

  /** Whether the incident has a silence made or being made (so a second is not asked for). */
  boolean hasLive(long incidentId) {
    return handle
            .createQuery(
                """
            SELECT COUNT(*) FROM silence
            WHERE incident_id = :incidentId AND status IN ('CREATING', 'ACTIVE')
            """)
            .bind("incidentId", incidentId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }
}
