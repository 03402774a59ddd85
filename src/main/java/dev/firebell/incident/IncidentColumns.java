package dev.firebell.incident;

import dev.firebell.config.Urgency;
import dev.firebell.store.HexKey;
import dev.firebell.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;

/** How an incident row is read, shared by its writes and its read models. */
final class IncidentColumns {
  private IncidentColumns() {}

  static final String COLUMNS =
      """
      id, group_hash, source, receiver, title, severity, service, status, test, opened_at,
      acknowledged_at, acknowledged_by, resolved_at, previous_incident_id, group_labels,
      common_labels, common_annotations, external_url, in_maintenance, started_at,
      truncated_alerts, urgency
      """;

  static final RowMapper<Incident> INCIDENT =
      (row, context) ->
          new Incident(
              row.getLong("id"),
              HexKey.read(row, "group_hash"),
              row.getString("source"),
              row.getString("receiver"),
              row.getString("title"),
              row.getString("severity"),
              row.getString("service"),
              IncidentStatus.valueOf(row.getString("status")),
              row.getBoolean("test"),
              Rows.instant(row, "opened_at"),
              Rows.instant(row, "acknowledged_at"),
              row.getString("acknowledged_by"),
              Rows.instant(row, "resolved_at"),
              Rows.nullableLong(row, "previous_incident_id"),
              Rows.labels(row, "group_labels"),
              Rows.labels(row, "common_labels"),
              Rows.labels(row, "common_annotations"),
              row.getString("external_url"),
              row.getBoolean("in_maintenance"),
              startedAt(row),
              row.getInt("truncated_alerts"),
              Urgency.valueOf(row.getString("urgency")));

  /** Rows written before started_at existed were backfilled; the receipt is the fallback. */
  private static Instant startedAt(ResultSet row) throws SQLException {
    Instant startedAt = Rows.instant(row, "started_at");
    return startedAt != null ? startedAt : Rows.instant(row, "opened_at");
  }
}
