package dev.firebell.incident;

import dev.firebell.config.Urgency;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.store.BoundedKey;
import dev.firebell.store.HexKey;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for an incident's life-cycle: opened, widened, acknowledged, resolved, run on the caller's
 * handle. Its group ({@code GroupRepository}), alerts, timeline and review have their own; the read
 * models are {@link IncidentQueries}.
 */
public final class IncidentRepository {
  /** Width of the indexed alert-name column; longer names are stored as a {@link BoundedKey}. */
  private static final int ALERT_NAME_WIDTH = 1000;

  private final Handle handle;

  public IncidentRepository(Handle handle) {
    this.handle = handle;
  }

  public long insertIncident(
      AlertGroupSignal signal, Instant startedAt, Long previousIncidentId, Urgency urgency) {
    return handle
        .createUpdate(
            """
            INSERT INTO incident (group_hash, source, receiver, title, severity, service, status,
              test, opened_at, previous_incident_id, group_labels, common_labels,
              common_annotations, external_url, alert_name, started_at, truncated_alerts, urgency)
            VALUES (:groupHash, :source, :receiver, :title, :severity, :service, 'TRIGGERED',
              :test, :receivedAt, :previousIncidentId, :groupLabels, :commonLabels,
              :commonAnnotations, :externalUrl, :alertName, :startedAt, :truncatedAlerts, :urgency)
            """)
        .bind("groupHash", HexKey.bytes(signal.groupHash()))
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
        .bind("urgency", urgency.name())
        .executeAndReturnGeneratedKeys("id")
        .map((row, context) -> row.getLong(1))
        .one();
  }

  public Optional<Incident> findIncident(long id) {
    return handle
        .createQuery("SELECT " + IncidentColumns.COLUMNS + " FROM incident WHERE id = :id")
        .bind("id", id)
        .map(IncidentColumns.INCIDENT)
        .findOne();
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

  /**
   * An acknowledgement that ran out or was taken back: back to triggered; 0 rows when it is not
   * acknowledged.
   */
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

  /** A route set the incident's urgency; 0 rows when it already was. */
  public int setUrgency(long id, Urgency urgency) {
    return handle
        .createUpdate(
            "UPDATE incident SET urgency = :urgency WHERE id = :id AND urgency <> :urgency")
        .bind("id", id)
        .bind("urgency", urgency.name())
        .execute();
  }
}
