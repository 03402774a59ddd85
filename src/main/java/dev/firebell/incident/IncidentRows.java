package dev.firebell.incident;

import dev.firebell.config.Urgency;
import dev.firebell.incident.alert.AlertRepository;
import dev.firebell.incident.alert.GroupRecorder;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What other packages read of an incident inside their own transaction, and the one mark paging
 * sets on it. Only this package writes incident, alert and timeline rows (see {@link Timeline} for
 * the timeline).
 */
public final class IncidentRows {
  private final Handle handle;
  private final IncidentRepository incidents;
  private final AlertRepository alerts;

  private IncidentRows(Handle handle) {
    this.handle = handle;
    this.incidents = new IncidentRepository(handle);
    this.alerts = new AlertRepository(handle);
  }

  /** The incident's rows, on the caller's transaction. */
  public static IncidentRows on(Handle handle) {
    return new IncidentRows(handle);
  }

  public Optional<Incident> find(long id) {
    return incidents.findIncident(id);
  }

  /** The first {@code limit} alerts, for a page that cannot carry a storm's thousands. */
  public List<IncidentAlert> firstAlerts(long id, int limit) {
    return alerts.firstAlerts(id, limit);
  }

  /** How many alerts the incident has, given its first as {@link #firstAlerts} read them. */
  public int alertCount(long id, List<IncidentAlert> first, int limit) {
    return alerts.alertCount(id, first, limit);
  }

  /**
   * What routes a stored incident: its common labels, completed by its first alert's, as {@link
   * GroupRecorder#routingLabels} reads them from the notification that opened it. Only that one
   * alert is read: a storm's incident can carry thousands.
   */
  public Map<String, String> routingLabels(Incident incident) {
    Map<String, String> labels = new HashMap<>();
    alerts.firstAlertLabels(incident.id()).forEach(labels::putAll);
    labels.putAll(incident.groupLabels());
    labels.putAll(incident.commonLabels());
    return labels;
  }

  /**
   * An acknowledgement that held longer than its policy's {@code ackTimeout}: the incident goes
   * back to triggered, stamped {@code acknowledgement.expired}. False when it is no longer
   * acknowledged (resolved meanwhile, or another instance got here first).
   */
  public boolean expireAcknowledgement(long id, Instant now, String text) {
    if (incidents.expireAcknowledgement(id) == 0) {
      return false;
    }
    Timeline.on(handle).stamp(id, now, TimelineKind.ACKNOWLEDGEMENT_EXPIRED, text);
    return true;
  }

  /** Opened (or paused) during a maintenance window: recorded, nobody paged. */
  public void markInMaintenance(long id) {
    incidents.markInMaintenance(id);
  }

  /** Sets the urgency a route gave the incident; false when it already had it. */
  public boolean setUrgency(long id, Urgency urgency) {
    return incidents.setUrgency(id, urgency) == 1;
  }
}
