package dev.firebell.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.store.BoundedKey;
import dev.firebell.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/** SQL for alert groups, incidents, their alerts and timelines, run on the caller's handle. */
public final class IncidentRepository {
  private static final String INCIDENT_COLUMNS =
      """
      id, group_hash, source, receiver, title, severity, service, status, test, opened_at,
      acknowledged_at, acknowledged_by, resolved_at, previous_incident_id, group_labels,
      common_labels, common_annotations, external_url, in_maintenance, started_at,
      truncated_alerts
      """;

  /** Widths of the indexed identifier columns; longer values are stored as a {@link BoundedKey}. */
  private static final int FINGERPRINT_WIDTH = 128;

  private static final int ALERT_NAME_WIDTH = 1000;

  private static final String ALERT_COLUMNS =
      """
      incident_id, fingerprint, fingerprint_text, status, labels, annotations, alert_values,
      value_string, starts_at, ends_at, generator_url, dashboard_url, panel_url, silence_url,
      image_url, fired_values, fired_value_string, peak_values
      """;

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

  private static final RowMapper<IncidentAlert> ALERT =
      (row, context) ->
          new IncidentAlert(
              row.getLong("incident_id"),
              fingerprint(row),
              AlertStatus.valueOf(row.getString("status")),
              Rows.labels(row, "labels"),
              Rows.labels(row, "annotations"),
              Rows.json(row, "alert_values"),
              row.getString("value_string"),
              Rows.instant(row, "starts_at"),
              Rows.instant(row, "ends_at"),
              row.getString("generator_url"),
              row.getString("dashboard_url"),
              row.getString("panel_url"),
              row.getString("silence_url"),
              row.getString("image_url"),
              Rows.json(row, "fired_values"),
              row.getString("fired_value_string"),
              Rows.json(row, "peak_values"));

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

  private static String fingerprint(ResultSet row) throws SQLException {
    String text = row.getString("fingerprint_text");
    return text != null ? text : row.getString("fingerprint");
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

  /** The group's open incident and its status, in one read: the check every repeat makes. */
  Optional<OpenIncident> openIncidentOf(String groupHash) {
    return handle
        .createQuery(
            """
            SELECT i.id, i.status FROM alert_group g JOIN incident i ON i.id = g.open_incident_id
            WHERE g.group_hash = :groupHash
            """)
        .bind("groupHash", groupHash)
        .map(
            (row, context) ->
                new OpenIncident(
                    row.getLong("id"), IncidentStatus.valueOf(row.getString("status"))))
        .findOne();
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

  public List<IncidentAlert> alerts(long incidentId) {
    return handle
        .createQuery(
            "SELECT "
                + ALERT_COLUMNS
                + """
                FROM incident_alert WHERE incident_id = :incidentId
                ORDER BY starts_at, fingerprint
                """)
        .bind("incidentId", incidentId)
        .map(ALERT)
        .list();
  }

  /** The first {@code limit} alerts in the order of {@link #alerts}. */
  public List<IncidentAlert> firstAlerts(long incidentId, int limit) {
    return handle
        .createQuery(
            "SELECT "
                + ALERT_COLUMNS
                + """
                FROM incident_alert WHERE incident_id = :incidentId
                ORDER BY starts_at, fingerprint LIMIT :limit
                """)
        .bind("incidentId", incidentId)
        .bind("limit", limit)
        .map(ALERT)
        .list();
  }

  public int alertCount(long incidentId) {
    return handle
        .createQuery("SELECT COUNT(*) FROM incident_alert WHERE incident_id = :incidentId")
        .bind("incidentId", incidentId)
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Each instance's status and episode start, without its labels: what merging compares. The peak
   * values are read only when the notification carries numbers to compare them with.
   */
  List<AlertState> alertStates(long incidentId, boolean withPeaks) {
    return handle
        .createQuery(
            """
            SELECT fingerprint, fingerprint_text, status, starts_at<peaks> FROM incident_alert
            WHERE incident_id = :incidentId
            """
                .replace("<peaks>", withPeaks ? ", peak_values" : ""))
        .bind("incidentId", incidentId)
        .map(
            (row, context) ->
                new AlertState(
                    fingerprint(row),
                    AlertStatus.valueOf(row.getString("status")),
                    Rows.instant(row, "starts_at"),
                    withPeaks ? Rows.json(row, "peak_values") : null))
        .list();
  }

  public void insertAlert(IncidentAlert alert) {
    bindAlert(
            """
            INSERT INTO incident_alert (incident_id, fingerprint, fingerprint_text, status, labels,
              annotations, alert_values, value_string, starts_at, ends_at, generator_url,
              dashboard_url, panel_url, silence_url, image_url, fired_values, fired_value_string,
              peak_values)
            VALUES (:incidentId, :fingerprint, :fingerprintText, :status, :labels, :annotations,
              :values, :valueString, :startsAt, :endsAt, :generatorUrl, :dashboardUrl, :panelUrl,
              :silenceUrl, :imageUrl, :firedValues, :firedValueString, :peakValues)
            """,
            alert)
        .execute();
  }

  /** What an instance last reported; its fired values are set by a new episode only. */
  private static final String REPORTED =
      """
      UPDATE incident_alert SET status = :status, labels = :labels,
        annotations = :annotations, alert_values = :values, value_string = :valueString,
        starts_at = :startsAt, ends_at = :endsAt, generator_url = :generatorUrl,
        dashboard_url = :dashboardUrl, panel_url = :panelUrl, silence_url = :silenceUrl,
        image_url = :imageUrl<fired>
      WHERE incident_id = :incidentId AND fingerprint = :fingerprint
      """;

  /** A new firing episode replaces what the instance last reported, its fired values included. */
  public void refireAlert(IncidentAlert alert) {
    String fired =
        """
        , fired_values = :firedValues,
          fired_value_string = :firedValueString, peak_values = :peakValues""";
    bindAlert(REPORTED.replace("<fired>", fired), alert).execute();
  }

  /** A resolution: the values it fired with, and the highest seen, stay. */
  public void resolveAlert(IncidentAlert alert) {
    bindAlert(REPORTED.replace("<fired>", ""), alert).execute();
  }

  /** A firing alert reported a higher value than before. */
  public void raisePeak(long incidentId, String fingerprint, JsonNode peakValues) {
    handle
        .createUpdate(
            """
            UPDATE incident_alert SET peak_values = :peakValues
            WHERE incident_id = :incidentId AND fingerprint = :fingerprint
            """)
        .bind("incidentId", incidentId)
        .bind("fingerprint", BoundedKey.of(fingerprint, FINGERPRINT_WIDTH))
        .bindByType("peakValues", peakValues, JsonNode.class)
        .execute();
  }

  private Update bindAlert(String sql, IncidentAlert alert) {
    String fingerprint = alert.fingerprint();
    return handle
        .createUpdate(sql)
        .bind("incidentId", alert.incidentId())
        .bind("fingerprint", BoundedKey.of(fingerprint, FINGERPRINT_WIDTH))
        .bind(
            "fingerprintText",
            BoundedKey.isDigested(fingerprint, FINGERPRINT_WIDTH) ? fingerprint : null)
        .bind("status", alert.status().name())
        .bind("labels", alert.labels())
        .bind("annotations", alert.annotations())
        .bindByType("values", alert.values(), JsonNode.class)
        .bind("valueString", alert.valueString())
        .bind("startsAt", alert.startsAt())
        .bindByType("endsAt", alert.endsAt(), Instant.class)
        .bind("generatorUrl", alert.generatorUrl())
        .bind("dashboardUrl", alert.dashboardUrl())
        .bind("panelUrl", alert.panelUrl())
        .bind("silenceUrl", alert.silenceUrl())
        .bind("imageUrl", alert.imageUrl())
        .bindByType("firedValues", alert.firedValues(), JsonNode.class)
        .bind("firedValueString", alert.firedValueString())
        .bindByType("peakValues", alert.peakValues(), JsonNode.class);
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

  /** The labels of the incident's first alert (the one routing looks at), without the rest. */
  public List<Map<String, String>> firstAlertLabels(long incidentId) {
    return handle
        .createQuery(
            """
            SELECT labels FROM incident_alert WHERE incident_id = :incidentId
            ORDER BY starts_at, fingerprint LIMIT 1
            """)
        .bind("incidentId", incidentId)
        .map((row, context) -> Rows.labels(row, "labels"))
        .list();
  }
}
