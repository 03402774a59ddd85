package dev.firebell.incident;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** An alert instance attached to an incident, as last reported. */
public record IncidentAlert(
    long incidentId,
    String fingerprint,
    AlertStatus status,
    Map<String, String> labels,
    Map<String, String> annotations,
    JsonNode values,
    String valueString,
    Instant startsAt,
    Instant endsAt,
    String generatorUrl,
    String dashboardUrl,
    String panelUrl,
    String silenceUrl,
    String imageUrl) {

  static IncidentAlert of(long incidentId, AlertSignal alert) {
    return new IncidentAlert(
        incidentId,
        alert.fingerprint(),
        alert.status(),
        alert.labels(),
        alert.annotations(),
        alert.values(),
        alert.valueString(),
        alert.startsAt(),
        alert.endsAt(),
        alert.generatorUrl(),
        alert.dashboardUrl(),
        alert.panelUrl(),
        alert.silenceUrl(),
        alert.imageUrl());
  }
}
