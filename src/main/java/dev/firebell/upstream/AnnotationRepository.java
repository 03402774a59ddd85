package dev.firebell.upstream;

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
              row.getLong("incident_id"),
              row.getString("api_url"),
              row.getString("dashboard_uid"),
              Rows.nullableLong(row, "panel_id"),
              Rows.instant(row, "starts_at"),
              Rows.instant(row, "ends_at"),
              row.getString("tags"),
              row.getString("text"),
              Rows.nullableLong(row, "annotation_id"),
              row.getString("state"),
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
              text, state, version, attempts, next_attempt_at, created_at)
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
              state = CASE WHEN state = 'DONE' THEN 'UPDATING' ELSE state END,
              next_attempt_at = :now, attempts = CASE WHEN state = 'DONE' THEN 0 ELSE attempts END
            WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .bind("line", line)
        .bindByType("endsAt", endsAt, Instant.class)
        .bind("now", now)
        .execute();
  }

  List<AnnotationCall> due(Instant now, int limit) {
    return handle
        .createQuery(
            """
            SELECT incident_id, api_url, dashboard_uid, panel_id, starts_at, ends_at, tags, text,
              annotation_id, state, version, attempts
            FROM annotation
            WHERE state IN ('CREATING', 'UPDATING') AND next_attempt_at <= :now
              AND (lease_until IS NULL OR lease_until <= :now)
            ORDER BY next_attempt_at LIMIT :limit
            """)
        .bind("now", now)
        .bind("limit", limit)
        .map(ANNOTATION)
        .list();
  }

  int claim(long incidentId, Instant now, Instant leaseUntil) {
    return handle
        .createUpdate(
            """
            UPDATE annotation SET lease_until = :leaseUntil, attempts = attempts + 1
            WHERE incident_id = :incidentId AND state IN ('CREATING', 'UPDATING')
              AND next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now)
            """)
        .bind("incidentId", incidentId)
        .bind("now", now)
        .bind("leaseUntil", leaseUntil)
        .execute();
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
              state = CASE WHEN version = :sent THEN 'DONE' ELSE 'UPDATING' END
            WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .bind("annotationId", annotationId)
        .bind("sent", sent)
        .execute();
  }

  void reschedule(long incidentId, Instant at, String error) {
    handle
        .createUpdate(
            """
            UPDATE annotation SET next_attempt_at = :at, lease_until = NULL, last_error = :error
            WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .bind("at", at)
        .bind("error", error)
        .execute();
  }

  void failed(long incidentId, String error) {
    handle
        .createUpdate(
            """
            UPDATE annotation SET state = 'FAILED', lease_until = NULL, last_error = :error
            WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .bind("error", error)
        .execute();
  }
}
