package dev.firebell.oncall.override;

import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for runtime schedule overrides. */
public final class OverrideRepository {
  private static final RowMapper<StoredOverride> OVERRIDE =
      (row, context) ->
          new StoredOverride(
              row.getString("schedule_id"),
              new ScheduleOverride(
                  row.getLong("id"),
                  row.getString("person_id"),
                  Rows.instant(row, "from_at"),
                  Rows.instant(row, "to_at"),
                  row.getString("replaces"),
                  row.getString("reason"),
                  row.getString("created_by")));

  private final Handle handle;

  public OverrideRepository(Handle handle) {
    this.handle = handle;
  }

  /** Adds an override; returns its id. */
  public long insert(String scheduleId, ScheduleOverride override, Instant now) {
    return handle
        .createUpdate(
            """
            INSERT INTO schedule_override (schedule_id, person_id, replaces, from_at, to_at,
              reason, created_by, created_at)
            VALUES (:schedule, :person, :replaces, :from, :to, :reason, :by, :now)
            """)
        .bind("schedule", scheduleId)
        .bind("person", override.person())
        .bind("replaces", override.replaces())
        .bind("from", override.from())
        .bind("to", override.to())
        .bind("reason", override.reason())
        .bind("by", override.by())
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Overrides of every schedule that end after {@code after}, oldest first (the order they apply).
   */
  public List<StoredOverride> endingAfter(Instant after) {
    return handle
        .createQuery(
            """
            SELECT id, schedule_id, person_id, replaces, from_at, to_at, reason, created_by
            FROM schedule_override WHERE to_at > :after ORDER BY id
            """)
        .bind("after", after)
        .map(OVERRIDE)
        .list();
  }

  /** One schedule's overrides that end after {@code after}, oldest first. */
  public List<StoredOverride> ofSchedule(String scheduleId, Instant after) {
    return handle
        .createQuery(
            """
            SELECT id, schedule_id, person_id, replaces, from_at, to_at, reason, created_by
            FROM schedule_override WHERE schedule_id = :schedule AND to_at > :after ORDER BY id
            """)
        .bind("schedule", scheduleId)
        .bind("after", after)
        .map(OVERRIDE)
        .list();
  }

  /** Removes one schedule's override; false when there is none with that id. */
  public boolean delete(String scheduleId, long id) {
    return handle
            .createUpdate(
                "DELETE FROM schedule_override WHERE id = :id AND schedule_id = :schedule")
            .bind("id", id)
            .bind("schedule", scheduleId)
            .execute()
        == 1;
  }

  /** A runtime override and the schedule it belongs to. */
  public record StoredOverride(String scheduleId, ScheduleOverride override) {}
}
