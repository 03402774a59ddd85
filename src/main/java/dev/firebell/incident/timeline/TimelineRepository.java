package dev.firebell.incident.timeline;

import dev.firebell.store.Batches;
import dev.firebell.store.BoundedKey;
import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for incidents' timelines, run on the caller's handle. */
public final class TimelineRepository {
  /** Width of the dedup key column; longer keys are stored as a {@link BoundedKey}. */
  private static final int DEDUP_KEY_WIDTH = 400;

  private static final RowMapper<TimelineEntry> ENTRY =
      (row, context) ->
          new TimelineEntry(
              row.getLong("id"),
              row.getLong("incident_id"),
              Rows.instant(row, "occurred_at"),
              TimelineKind.of(row.getString("kind")),
              row.getString("description"),
              row.getString("actor"));

  private final Handle handle;

  public TimelineRepository(Handle handle) {
    this.handle = handle;
  }

  private static final String INSERT =
      """
      INSERT INTO timeline_entry (incident_id, occurred_at, kind, description, actor, dedup_key)
      VALUES (:incidentId, :at, :kind, :text, :actor, :dedupKey)
      """;

  public void insertTimelineEntry(
      long incidentId, Instant at, TimelineKind kind, String text, String actor, String dedupKey) {
    insert(new NewEntry(incidentId, at, kind, text, actor, dedupKey));
  }

  public void insert(NewEntry entry) {
    bind(handle.createUpdate(INSERT), entry).execute();
  }

  /** Entries in this order, in one batch when several: a storm's incident stamps thousands. */
  public void insertAll(List<NewEntry> entries) {
    Batches.execute(handle, INSERT, entries, TimelineRepository::bind);
  }

  private static <S extends SqlStatement<S>> S bind(S statement, NewEntry entry) {
    return statement
        .bind("incidentId", entry.incidentId())
        .bind("at", entry.at())
        .bind("kind", entry.kind().wireName())
        .bind("text", entry.text())
        .bind("actor", entry.actor())
        .bind("dedupKey", BoundedKey.of(entry.dedupKey(), DEDUP_KEY_WIDTH));
  }

  /** An automatic entry to write; {@code dedupKey} stamps it once (null: no key). */
  public record NewEntry(
      long incidentId, Instant at, TimelineKind kind, String text, String actor, String dedupKey) {}

  /**
   * The ORDER BY names {@code incident_id}, fixed by the WHERE, because H2 only reads an index in
   * order when the ORDER BY starts with the index's first column: ordered by time alone, H2 read
   * the entries through the dedup key's index and sorted them, in a temporary file past 10,000
   * entries (a storm's postmortem). PostgreSQL reads both forms alike.
   */
  static final String TIMELINE =
      """
      SELECT id, incident_id, occurred_at, kind, description, actor
      FROM timeline_entry WHERE incident_id = :incidentId ORDER BY incident_id, occurred_at, id
      """;

  public List<TimelineEntry> timeline(long incidentId) {
    return handle.createQuery(TIMELINE).bind("incidentId", incidentId).map(ENTRY).list();
  }

  public boolean hasEntry(long incidentId, String dedupKey) {
    return handle
            .createQuery(
                """
            SELECT COUNT(*) FROM timeline_entry
            WHERE incident_id = :incidentId AND dedup_key = :dedupKey
            """)
            .bind("incidentId", incidentId)
            .bind("dedupKey", BoundedKey.of(dedupKey, DEDUP_KEY_WIDTH))
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Who resolved an incident: a person's id, or system for auto-resolve; empty while open. */
  public Optional<String> resolvedBy(long id) {
    return handle
        .createQuery(
            """
            SELECT actor FROM timeline_entry
            WHERE incident_id = :id AND kind = :kind
            ORDER BY occurred_at DESC, id DESC LIMIT 1
            """)
        .bind("id", id)
        .bind("kind", TimelineKind.INCIDENT_RESOLVED.wireName())
        .map((row, context) -> row.getString(1))
        .findOne();
  }

  /** A person's note; returns the new entry's id. */
  public long insertNote(long incidentId, Instant at, String text, String actor) {
    return handle
        .createUpdate(
            """
            INSERT INTO timeline_entry (incident_id, occurred_at, kind, description, actor)
            VALUES (:incidentId, :at, :kind, :text, :actor)
            """)
        .bind("incidentId", incidentId)
        .bind("at", at)
        .bind("text", text)
        .bind("actor", actor)
        .bind("kind", TimelineKind.NOTE.wireName())
        .executeAndReturnGeneratedKeys("id")
        .map((row, context) -> row.getLong(1))
        .one();
  }
}
