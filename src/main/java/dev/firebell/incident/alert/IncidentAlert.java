package dev.firebell.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * An alert instance attached to an incident, as last reported. {@code firedValues} and {@code
 * firedValueString} are what it reported when it fired; {@code peakValues} the highest number seen
 * per value while it fired. A resolution changes {@code values}, never these.
 */
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
    String imageUrl,
    JsonNode firedValues,
    String firedValueString,
    JsonNode peakValues) {

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
        alert.imageUrl(),
        alert.isFiring() ? alert.values() : null,
        alert.isFiring() ? alert.valueString() : null,
        alert.isFiring() ? AlertValues.numbers(alert.values()) : null);
  }
}
