package dev.firebell.upstream;

import dev.firebell.outbox.LeasedRows;
import dev.firebell.outbox.OutboxTable;
import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for incidents' annotations in Grafana. */
final class AnnotationRepository {
  private static final RowMapper<AnnotationCall> ANNOTATION =
      (row, context) ->
          new AnnotationCall(
              row.getLong("id"),
              row.getLong("incident_id"),
              row.getString("api_url"),
              row.getString("dashboard_uid"),
              Rows.nullableLong(row, "panel_id"),
              Rows.instant(row, "starts_at"),
              Rows.instant(row, "ends_at"),
              row.getString("tags"),
              row.getString("text"),
              Rows.nullableLong(row, "annotation_id"),
              AnnotationStatus.valueOf(row.getString("status")),
              row.getInt("version"),
              row.getInt("attempts"));

  private final Handle handle;

  AnnotationRepository(Handle handle) {
    this.handle = handle;
  }

  void insert(
      long incidentId,
      String apiUrl,
      DashboardRef dashboard,
      Instant startsAt,
      String tags,
      String text,
      Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO annotation (incident_id, api_url, dashboard_uid, panel_id, starts_at, tags,
              text, status, version, attempts, next_attempt_at, created_at)
            VALUES (:incidentId, :apiUrl, :uid, :panelId, :startsAt, :tags, :text, 'CREATING', 0,
              0, :now, :now)
            """)
        .bind("incidentId", incidentId)
        .bind("apiUrl", apiUrl)
        .bind("uid", dashboard == null ? null : dashboard.uid())
        .bindByType("panelId", dashboard == null ? null : dashboard.panelId(), Long.class)
        .bind("startsAt", startsAt)
        .bind("tags", tags)
        .bind("text", text)
        .bind("now", now)
        .execute();
  }

  /** The annotation's text grows (acknowledged, resolved); a sent one is patched again. */
  void change(long incidentId, String line, Instant endsAt, Instant now) {
    handle
        .createUpdate(
            """
            UPDATE annotation SET text = text || :line, version = version + 1,
              ends_at = COALESCE(:endsAt, ends_at),
              status = CASE WHEN status = 'DONE' THEN 'UPDATING' ELSE status END,
              next_attempt_at = :now, attempts = CASE WHEN status = 'DONE' THEN 0 ELSE attempts END
            WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .bind("line", line)
        .bindByType("endsAt", endsAt, Instant.class)
        .bind("now", now)
        .execute();
  }

  List<AnnotationCall> due(Instant now, int limit) {
    return rows()
        .due(
            "id, incident_id, api_url, dashboard_uid, panel_id, starts_at, ends_at, tags, text,"
                + " annotation_id, status, version, attempts",
            List.of(AnnotationStatus.CREATING, AnnotationStatus.UPDATING),
            now,
            limit,
            ANNOTATION);
  }

  /** The lease statements of this outbox table. */
  LeasedRows rows() {
    return new LeasedRows(handle, OutboxTable.ANNOTATION);
  }

  /**
   * Version {@code sent} is in Grafana (as annotation {@code annotationId}); a change made since is
   * patched next.
   */
  void sent(long incidentId, long annotationId, int sent) {
    handle
        .createUpdate(
            """
            UPDATE annotation SET annotation_id = :annotationId, lease_until = NULL,
              last_error = NULL, attempts = 0,
              status = CASE WHEN version = :sent THEN 'DONE' ELSE 'UPDATING' END
            WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .bind("annotationId", annotationId)
        .bind("sent", sent)
        .execute();
  }

  /**
   * Removes annotations made before {@code before} that failed, or that were sent in their final
   * form (the incident resolved: {@code ends_at} is set). One still open may be patched again.
   */
  int pruneEnded(Instant before) {
    return handle
        .createUpdate(
            """
            DELETE FROM annotation
            WHERE created_at < :before
              AND (status = 'FAILED' OR (status = 'DONE' AND ends_at IS NOT NULL))
            """)
        .bind("before", before)
        .execute();
  }
}
