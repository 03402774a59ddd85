package dev.firebell.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.store.Batches;
import dev.firebell.store.BoundedKey;
import dev.firebell.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for the alert instances of incidents, run on the caller's handle. */
public final class AlertRepository {

  /** Widths of the indexed identifier columns; longer values are stored as a {@link BoundedKey}. */
  private static final int FINGERPRINT_WIDTH = 128;

  private static final String ALERT_COLUMNS =
      """
      incident_id, fingerprint, fingerprint_text, status, labels, annotations, alert_values,
      value_string, starts_at, ends_at, generator_url, dashboard_url, panel_url, silence_url,
      image_url, fired_values, fired_value_string, peak_values
      """;

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

  public static String fingerprint(ResultSet row) throws SQLException {
    String text = row.getString("fingerprint_text");
    return text != null ? text : row.getString("fingerprint");
  }

  private final Handle handle;

  public AlertRepository(Handle handle) {
    this.handle = handle;
  }

  /** Every alert of the incident, earliest first. */
  public List<IncidentAlert> alerts(long incidentId) {
    return firstAlerts(incidentId, Integer.MAX_VALUE);
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

  /**
   * The distinct {@code alertname} labels of the incident's alerts, in the order of {@link
   * #alerts}.
   */
  public List<String> alertNames(long incidentId) {
    return handle
        .createQuery(
            """
            SELECT labels FROM incident_alert WHERE incident_id = :incidentId
            ORDER BY starts_at, fingerprint
            """)
        .bind("incidentId", incidentId)
        .map((row, context) -> Rows.label(row, "labels", "alertname"))
        .stream()
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  /** Counted in the database: a storm's incident has tens of thousands of instances. */
  AlertTally tally(long incidentId) {
    return handle
        .createQuery(
            """
            SELECT COUNT(*) AS total,
              COALESCE(SUM(CASE WHEN status = 'FIRING' THEN 1 ELSE 0 END), 0) AS firing,
              MAX(ends_at) AS last_end
            FROM incident_alert WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .map(
            (row, context) ->
                new AlertTally(
                    row.getInt("total"), row.getInt("firing"), Rows.instant(row, "last_end")))
        .one();
  }

  /**
   * How many alerts the incident has, given its {@code first} alerts as read with {@code limit}: a
   * shorter list is all of them, so only a larger incident is counted.
   */
  public int alertCount(long incidentId, List<IncidentAlert> first, int limit) {
    return first.size() < limit ? first.size() : alertCount(incidentId);
  }

  public int alertCount(long incidentId) {
    return handle
        .createQuery("SELECT COUNT(*) FROM incident_alert WHERE incident_id = :incidentId")
        .bind("incidentId", incidentId)
        .mapTo(Integer.class)
        .one();
  }

  private static final String STATES_SQL =
      """
      SELECT fingerprint, fingerprint_text, status, starts_at<peaks> FROM incident_alert
      WHERE incident_id = :incidentId
      """;

  // Built once, as the statements below: every notification to an open group runs one of them.
  private static final String STATES = STATES_SQL.replace("<peaks>", "");
  private static final String STATES_WITH_PEAKS = STATES_SQL.replace("<peaks>", ", peak_values");

  /**
   * Each instance's status and episode start, without its labels: what merging compares. The peak
   * values are read only when the notification carries numbers to compare them with.
   */
  List<AlertState> alertStates(long incidentId, boolean withPeaks) {
    return handle
        .createQuery(withPeaks ? STATES_WITH_PEAKS : STATES)
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

  private static final String INSERT =
      """
      INSERT INTO incident_alert (incident_id, fingerprint, fingerprint_text, status, labels,
        annotations, alert_values, value_string, starts_at, ends_at, generator_url,
        dashboard_url, panel_url, silence_url, image_url, fired_values, fired_value_string,
        peak_values)
      VALUES (:incidentId, :fingerprint, :fingerprintText, :status, :labels, :annotations,
        :values, :valueString, :startsAt, :endsAt, :generatorUrl, :dashboardUrl, :panelUrl,
        :silenceUrl, :imageUrl, :firedValues, :firedValueString, :peakValues)
      """;

  /** New instances, in one batch when several: a storm's notification brings thousands. */
  public void insertAlerts(List<IncidentAlert> alerts) {
    Batches.execute(handle, INSERT, alerts, AlertRepository::bindAlert);
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

  private static final String REFIRED =
      REPORTED.replace(
          "<fired>",
          """
          , fired_values = :firedValues,
            fired_value_string = :firedValueString, peak_values = :peakValues""");

  private static final String RESOLVED = REPORTED.replace("<fired>", "");

  /** A new firing episode replaces what the instance last reported, its fired values included. */
  public void refireAlert(IncidentAlert alert) {
    bindAlert(handle.createUpdate(REFIRED), alert).execute();
  }

  /** A resolution: the values it fired with, and the highest seen, stay. */
  public void resolveAlert(IncidentAlert alert) {
    bindAlert(handle.createUpdate(RESOLVED), alert).execute();
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

  private static <S extends SqlStatement<S>> S bindAlert(S statement, IncidentAlert alert) {
    String fingerprint = alert.fingerprint();
    return statement
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
