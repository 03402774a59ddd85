package dev.firebell.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.Urgency;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentRows;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.Queued;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * With {@code grafana.annotations}, an incident from Grafana writes an annotation on its alert's
 * dashboard and panel (an organisation annotation when the alert names none) at the incident's
 * start, tagged {@code firebell}, {@code incident-<id>} and its severity, and grows it with the
 * acknowledgement and resolution, which makes it a region ending at the resolution. Queued in the
 * incident's transaction; sent by {@link AnnotationMailbox}.
 */
final class Annotations implements IncidentHandOff {
  private final boolean enabled;
  private final UpstreamApis apis;
  private final ObjectMapper json;
  private final String publicUrl;

  Annotations(boolean enabled, UpstreamApis apis, ObjectMapper json, String publicUrl) {
    this.enabled = enabled;
    this.apis = apis;
    this.json = json;
    this.publicUrl = publicUrl;
  }

  @Override
  public Queued opened(
      Handle handle, long id, Map<String, String> routingLabels, Urgency urgency, Instant now) {
    if (!enabled) {
      return Queued.NOTHING;
    }
    IncidentRows rows = IncidentRows.on(handle);
    Incident incident = rows.find(id).orElseThrow();
    Optional<String> root = apis.grafanaRoot(incident);
    if (root.isEmpty()) {
      return Queued.NOTHING;
    }
    List<IncidentAlert> first = rows.firstAlerts(id, 1);
    DashboardRef dashboard =
        first.isEmpty()
            ? null
            : DashboardRef.of(first.get(0).dashboardUrl(), first.get(0).panelUrl()).orElse(null);
    new AnnotationRepository(handle)
        .insert(
            id,
            root.get(),
            dashboard,
            incident.startedAt(),
            Json.write(json, List.of("firebell", "incident-" + id, incident.severity())),
            "Incident #"
                + id
                + " ["
                + incident.severity()
                + "] "
                + incident.title()
                + " "
                + publicUrl
                + "/incidents/"
                + id,
            now);
    return Queued.FOR_THE_PASS;
  }

  @Override
  public void statusChanged(Handle handle, long id, IncidentStatus status, Instant now) {
    if (!enabled) {
      return;
    }
    if (status == IncidentStatus.ACKNOWLEDGED) {
      String by = IncidentRows.on(handle).find(id).map(Incident::acknowledgedBy).orElse(null);
      new AnnotationRepository(handle)
          .change(id, "\nAcknowledged" + (by == null ? "" : " by " + by) + " at " + now, null, now);
    } else if (status == IncidentStatus.RESOLVED) {
      new AnnotationRepository(handle).change(id, "\nResolved at " + now, now, now);
    }
  }
}
