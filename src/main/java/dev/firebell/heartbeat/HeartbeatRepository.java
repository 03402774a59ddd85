package dev.firebell.heartbeat;

import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for heartbeats. */
final class HeartbeatRepository {
  private static final RowMapper<HeartbeatState> STATE =
      (row, context) ->
          new HeartbeatState(
              row.getString("id"),
              Rows.instant(row, "last_beat_at"),
              Rows.instant(row, "due_at"),
              Rows.nullableLong(row, "missed_incident_id"));

  private final Handle handle;

  HeartbeatRepository(Handle handle) {
    this.handle = handle;
  }

  /** Adds a heartbeat first seen now; another instance adding it a moment earlier is fine. */
  int insertIfAbsent(String id, Instant dueAt) {
    return handle
        .createUpdate(
            """
            INSERT INTO heartbeat (id, due_at)
            SELECT :id, :dueAt WHERE NOT EXISTS (SELECT 1 FROM heartbeat WHERE id = :id)
            """)
        .bind("id", id)
        .bind("dueAt", dueAt)
        .execute();
  }

  /** After a start, a beat is not due before {@code atLeast}: beats sent while down were lost. */
  void postponeDue(String id, Instant atLeast) {
    handle
        .createUpdate(
            """
            UPDATE heartbeat SET due_at = :atLeast
            WHERE id = :id AND due_at < :atLeast AND missed_incident_id IS NULL
            """)
        .bind("id", id)
        .bind("atLeast", atLeast)
        .execute();
  }

  Optional<HeartbeatState> find(String id) {
    return handle
        .createQuery(
            "SELECT id, last_beat_at, due_at, missed_incident_id FROM heartbeat WHERE id = :id")
        .bind("id", id)
        .map(STATE)
        .findOne();
  }

  List<HeartbeatState> all() {
    return handle
        .createQuery(
            "SELECT id, last_beat_at, due_at, missed_incident_id FROM heartbeat ORDER BY id")
        .map(STATE)
        .list();
  }

  /** A beat: the next is due at {@code dueAt}, and any miss is over. */
  void beat(String id, Instant now, Instant dueAt) {
    handle
        .createUpdate(
            """
            UPDATE heartbeat SET last_beat_at = :now, due_at = :dueAt, missed_incident_id = NULL
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("now", now)
        .bind("dueAt", dueAt)
        .execute();
  }

  /** Heartbeats overdue with no incident yet. */
  List<HeartbeatState> overdue(Instant now) {
    return handle
        .createQuery(
            """
            SELECT id, last_beat_at, due_at, missed_incident_id FROM heartbeat
            WHERE due_at <= :now AND missed_incident_id IS NULL ORDER BY id
            """)
        .bind("now", now)
        .map(STATE)
        .list();
  }

  /** Links a miss to its incident; 0 rows when a beat came meanwhile or another instance did. */
  int markMissed(String id, Instant dueAt, long incidentId) {
    return handle
        .createUpdate(
            """
            UPDATE heartbeat SET missed_incident_id = :incidentId
            WHERE id = :id AND due_at = :dueAt AND missed_incident_id IS NULL
            """)
        .bind("id", id)
        .bind("dueAt", dueAt)
        .bind("incidentId", incidentId)
        .execute();
  }
}
