package dev.firebell.incident;

import dev.firebell.incident.alert.AlertGroup;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.AlertRepository;
import dev.firebell.incident.alert.AlertState;
import dev.firebell.incident.alert.AlertStatus;
import dev.firebell.incident.alert.OpenIncident;
import dev.firebell.incident.review.ReviewRow;
import dev.firebell.store.BoundedKey;
import dev.firebell.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for alert groups, incidents and what people wrote on them, run on the caller's handle. Alerts
 * ({@link AlertRepository}) and timelines ({@link TimelineRepository}) have their own.
 */
public final class IncidentRepository {
  private static final String INCIDENT_COLUMNS =
      """
      id, group_hash, source, receiver, title, severity, service, status, test, opened_at,
      acknowledged_at, acknowledged_by, resolved_at, previous_incident_id, group_labels,
      common_labels, common_annotations, external_url, in_maintenance, started_at,
      truncated_alerts
      """;

  /** Width of the indexed alert-name column; longer names are stored as a {@link BoundedKey}. */
  private static final int ALERT_NAME_WIDTH = 1000;

  private static final RowMapper<AlertGroup> GROUP =
      (row, context) ->
          new AlertGroup(
              row.getString("group_hash"),
              Rows.nullableLong(row, "open_incident_id"),
              Rows.nullableLong(row, "last_incident_id"));

  private static final RowMapper<Incident> INCIDENT =
      (row, context) ->
          new Incident(
              row.getLong("id"),
              row.getString("group_hash"),
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
              row.getInt("truncated_alerts"));

  private static final RowMapper<ReviewRow> REVIEW =
      (row, context) ->
          new ReviewRow(
              row.getString("summary"),
              row.getString("impact"),
              row.getString("root_cause"),
              row.getString("resolution"),
              row.getString("detection_notes"),
              row.getString("action_items"));

  private final Handle handle;

  /** Rows written before started_at existed were backfilled; the receipt is the fallback. */
  private static Instant startedAt(ResultSet row) throws SQLException {
    Instant startedAt = Rows.instant(row, "started_at");
    return startedAt != null ? startedAt : Rows.instant(row, "opened_at");
  }

  public IncidentRepository(Handle handle) {
    this.handle = handle;
  }

  /** Locks the group's row until commit, so deliveries for one group run one at a time. */
  public Optional<AlertGroup> lockGroup(String groupHash) {
    return handle
        .createQuery(
            """
            SELECT group_hash, open_incident_id, last_incident_id FROM alert_group
            WHERE group_hash = :groupHash FOR UPDATE
            """)
        .bind("groupHash", groupHash)
        .map(GROUP)
        .findOne();
  }

  /** First sight of a group; a concurrent first sight fails on the primary key and retries. */
  public void insertGroup(AlertGroupSignal signal) {
    handle
        .createUpdate(
            """
            INSERT INTO alert_group (group_hash, source, group_key, first_seen_at)
            VALUES (:groupHash, :source, :groupKey, :receivedAt)
            """)
        .bind("groupHash", signal.groupHash())
        .bind("source", signal.source())
        .bind("groupKey", signal.groupKey())
        .bind("receivedAt", signal.receivedAt())
        .execute();
  }

  public void updateGroup(String groupHash, Long openIncidentId, Long lastIncidentId) {
    handle
        .createUpdate(
            """
            UPDATE alert_group
            SET open_incident_id = :openIncidentId, last_incident_id = :lastIncidentId
            WHERE group_hash = :groupHash
            """)
        .bind("groupHash", groupHash)
        .bind("openIncidentId", openIncidentId)
        .bind("lastIncidentId", lastIncidentId)
        .execute();
  }

  public long insertIncident(AlertGroupSignal signal, Instant startedAt, Long previousIncidentId) {
    return handle
        .createUpdate(
            """
            INSERT INTO incident (group_hash, source, receiver, title, severity, service, status,
              test, opened_at, previous_incident_id, group_labels, common_labels,
              common_annotations, external_url, alert_name, started_at, truncated_alerts)
            VALUES (:groupHash, :source, :receiver, :title, :severity, :service, 'TRIGGERED',
              :test, :receivedAt, :previousIncidentId, :groupLabels, :commonLabels,
              :commonAnnotations, :externalUrl, :alertName, :startedAt, :truncatedAlerts)
            """)
        .bind("groupHash", signal.groupHash())
        .bind("source", signal.source())
        .bind("receiver", signal.receiver())
        .bind("title", signal.title())
        .bind("severity", signal.severity())
        .bind("service", signal.service())
        .bind("test", signal.test())
        .bind("receivedAt", signal.receivedAt())
        .bind("previousIncidentId", previousIncidentId)
        .bind("groupLabels", signal.groupLabels())
        .bind("commonLabels", signal.commonLabels())
        .bind("commonAnnotations", signal.commonAnnotations())
        .bind("externalUrl", signal.externalUrl())
        .bind("alertName", BoundedKey.of(signal.alertName(), ALERT_NAME_WIDTH))
        .bind("startedAt", startedAt)
        .bind("truncatedAlerts", signal.truncatedAlerts())
        .executeAndReturnGeneratedKeys("id")
        .map((row, context) -> row.getLong(1))
        .one();
  }

  /**
   * The group's open incident with what merging needs of its alert instances, in one query: a
   * storm's repeats are answered from this read alone.
   */
  Optional<OpenIncident> openIncidentOf(String groupHash, boolean withPeaks) {
    OpenIncident found =
        handle
            .createQuery(
                """
            SELECT i.id, i.status, a.fingerprint, a.fingerprint_text, a.status AS alert_status,
              a.starts_at<peaks>
            FROM alert_group g JOIN incident i ON i.id = g.open_incident_id
            LEFT JOIN incident_alert a ON a.incident_id = i.id
            WHERE g.group_hash = :groupHash
            """
                    .replace("<peaks>", withPeaks ? ", a.peak_values" : ""))
            .bind("groupHash", groupHash)
            .reduceResultSet(
                (OpenIncident) null,
                (open, row, context) -> {
                  OpenIncident incident =
                      open != null
                          ? open
                          : new OpenIncident(
                              row.getLong("id"),
                              IncidentStatus.valueOf(row.getString("status")),
                              new HashMap<>());
                  if (row.getString("alert_status") != null) {
                    AlertState state =
                        new AlertState(
                            AlertRepository.fingerprint(row),
                            AlertStatus.valueOf(row.getString("alert_status")),
                            Rows.instant(row, "starts_at"),
                            withPeaks ? Rows.json(row, "peak_values") : null);
                    incident.alerts().put(state.fingerprint(), state);
                  }
                  return incident;
                });
    return Optional.ofNullable(found);
  }

  public Optional<Incident> findIncident(long id) {
    return handle
        .createQuery("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE id = :id")
        .bind("id", id)
        .map(INCIDENT)
        .findOne();
  }

  /** Newest first; "open" means not resolved. */
  public List<Incident> listIncidents(IncidentFilter filter, int limit) {
    return handle
        .createQuery(
            "SELECT "
                + INCIDENT_COLUMNS
                + """
                FROM incident
                WHERE (:filter = 'ALL' OR (:filter = 'OPEN' AND status <> 'RESOLVED')
                       OR (:filter = 'RESOLVED' AND status = 'RESOLVED'))
                ORDER BY id DESC LIMIT :limit
                """)
        .bind("filter", filter.name())
        .bind("limit", limit)
        .map(INCIDENT)
        .list();
  }

  /**
   * A notification that changed the incident: an alert that started earlier moves its start back,
   * and the count of alerts the sender left out keeps its highest value.
   */
  public void widenIncident(long id, Instant startedAt, int truncatedAlerts) {
    handle
        .createUpdate(
            """
            UPDATE incident SET started_at = LEAST(COALESCE(started_at, :startedAt), :startedAt),
              truncated_alerts = GREATEST(truncated_alerts, :truncatedAlerts)
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("startedAt", startedAt)
        .bind("truncatedAlerts", truncatedAlerts)
        .execute();
  }

  public int resolveIncident(long id, Instant resolvedAt) {
    return handle
        .createUpdate(
            """
            UPDATE incident SET status = 'RESOLVED', resolved_at = :resolvedAt
            WHERE id = :id AND status <> 'RESOLVED'
            """)
        .bind("id", id)
        .bind("resolvedAt", resolvedAt)
        .execute();
  }

  /** Acknowledges a triggered incident; 0 rows when it is not triggered any more. */
  public int acknowledge(long id, Instant at, String by) {
    return handle
        .createUpdate(
            """
            UPDATE incident SET status = 'ACKNOWLEDGED', acknowledged_at = :at,
              acknowledged_by = :by
            WHERE id = :id AND status = 'TRIGGERED'
            """)
        .bind("id", id)
        .bind("at", at)
        .bind("by", by)
        .execute();
  }

  /** An acknowledgement that ran out: back to triggered; 0 rows when it is not acknowledged. */
  int expireAcknowledgement(long id) {
    return handle
        .createUpdate(
            """
            UPDATE incident SET status = 'TRIGGERED', acknowledged_at = NULL,
              acknowledged_by = NULL
            WHERE id = :id AND status = 'ACKNOWLEDGED'
            """)
        .bind("id", id)
        .execute();
  }

  /** Marks an incident as opened (or paused) during a maintenance window: nobody is paged. */
  void markInMaintenance(long id) {
    handle
        .createUpdate("UPDATE incident SET in_maintenance = TRUE WHERE id = :id")
        .bind("id", id)
        .execute();
  }

  /** Detaches a resolved incident from its group, so the group's next firing opens a new one. */
  public void closeGroupOf(long id) {
    handle
        .createUpdate(
            """
            UPDATE alert_group SET open_incident_id = NULL, last_incident_id = :id
            WHERE open_incident_id = :id
            """)
        .bind("id", id)
        .execute();
  }

  public ReviewRow review(long id) {
    return handle
        .createQuery(
            """
            SELECT summary, impact, root_cause, resolution, detection_notes, action_items
            FROM incident WHERE id = :id
            """)
        .bind("id", id)
        .map(REVIEW)
        .one();
  }

  public void updateFields(long id, String title, String severity, ReviewRow review) {
    handle
        .createUpdate(
            """
            UPDATE incident SET title = :title, severity = :severity, summary = :summary,
              impact = :impact, root_cause = :rootCause, resolution = :resolution,
              detection_notes = :detectionNotes, action_items = :actionItems
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("title", title)
        .bind("severity", severity)
        .bind("summary", review.summary())
        .bind("impact", review.impact())
        .bind("rootCause", review.rootCause())
        .bind("resolution", review.resolution())
        .bind("detectionNotes", review.detectionNotes())
        .bind("actionItems", review.actionItems())
        .execute();
  }

  /**
   * Earlier incidents of the same alert group or the same alert rule, newest first: the
   * postmortem's Prevention section asks whether this happened before.
   */
  public List<Incident> earlierIncidents(long id, String groupHash, String alertName) {
    return handle
        .createQuery(
            "SELECT "
                + INCIDENT_COLUMNS
                + """
                FROM incident
                WHERE id < :id AND test = FALSE
                  AND (group_hash = :groupHash
                       OR (alert_name IS NOT NULL AND alert_name = :alertName))
                ORDER BY id DESC LIMIT 10
                """)
        .bind("id", id)
        .bind("groupHash", groupHash)
        .bind("alertName", alertName)
        .map(INCIDENT)
        .list();
  }

  public String alertName(long id) {
    return handle
        .createQuery("SELECT alert_name FROM incident WHERE id = :id")
        .bind("id", id)
        .map((row, context) -> row.getString(1))
        .findOne()
        .orElse(null);
  }

  /**
   * The incident list of the web interface: open incidents first, then resolved ones, newest first
   * in each. Two queries, each an index range on (status, id), rather than one sort of every
   * incident ever stored.
   */
  public List<Incident> browse(IncidentFilter filter, String severity, String service, int limit) {
    List<Incident> incidents = new ArrayList<>();
    if (filter != IncidentFilter.RESOLVED) {
      incidents.addAll(
          browseQuery("status IN ('TRIGGERED', 'ACKNOWLEDGED')", severity, service, limit));
    }
    if (filter != IncidentFilter.OPEN && incidents.size() < limit) {
      incidents.addAll(
          browseQuery("status = 'RESOLVED'", severity, service, limit - incidents.size()));
    }
    return incidents;
  }

  private List<Incident> browseQuery(String status, String severity, String service, int limit) {
    return handle
        .createQuery(
            "SELECT "
                + INCIDENT_COLUMNS
                + " FROM incident WHERE "
                + status
                + """
                  AND (:severity IS NULL OR severity = :severity)
                  AND (:service IS NULL OR service = :service)
                ORDER BY id DESC LIMIT :limit
                """)
        .bind("severity", severity)
        .bind("service", service)
        .bind("limit", limit)
        .map(INCIDENT)
        .list();
  }

  /**
   * Every service with an incident, sorted. On the service index: H2 skips from one service to the
   * next, PostgreSQL reads the index only.
   */
  public List<String> services() {
    return handle
        .createQuery("SELECT DISTINCT service FROM incident ORDER BY service")
        .map((row, context) -> row.getString(1))
        .list();
  }
}
