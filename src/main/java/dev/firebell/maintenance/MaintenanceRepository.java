package dev.firebell.maintenance;

import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for maintenance windows added through the API. */
public final class MaintenanceRepository {
  private static final RowMapper<MaintenanceWindow> WINDOW =
      (row, context) ->
          new MaintenanceWindow(
              row.getLong("id"),
              Rows.labels(row, "label_match"),
              Rows.instant(row, "starts_at"),
              Rows.instant(row, "ends_at"),
              row.getString("reason"),
              row.getString("created_by"));

  private final Handle handle;

  public MaintenanceRepository(Handle handle) {
    this.handle = handle;
  }

  long insert(
      Map<String, String> match,
      Instant startsAt,
      Instant endsAt,
      String reason,
      String createdBy,
      Instant now) {
    return handle
        .createUpdate(
            """
            INSERT INTO maintenance_window (label_match, starts_at, ends_at, reason, created_by,
              created_at)
            VALUES (:match, :startsAt, :endsAt, :reason, :createdBy, :now)
            """)
        .bind("match", match)
        .bind("startsAt", startsAt)
        .bind("endsAt", endsAt)
        .bind("reason", reason)
        .bind("createdBy", createdBy)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .map((row, context) -> row.getLong(1))
        .one();
  }

  /** Windows not over yet (active now or scheduled ahead), soonest first. */
  List<MaintenanceWindow> current(Instant now) {
    return handle
        .createQuery(
            """
            SELECT id, label_match, starts_at, ends_at, reason, created_by
            FROM maintenance_window WHERE ends_at > :now ORDER BY starts_at, id
            """)
        .bind("now", now)
        .map(WINDOW)
        .list();
  }

  /** Ends a window now (or removes one that has not started). */
  int end(long id, Instant now) {
    return handle
        .createUpdate(
            """
            UPDATE maintenance_window
            SET ends_at = CASE WHEN starts_at > :now THEN starts_at ELSE :now END
            WHERE id = :id AND ends_at > :now
            """)
        .bind("id", id)
        .bind("now", now)
        .execute();
  }
}
