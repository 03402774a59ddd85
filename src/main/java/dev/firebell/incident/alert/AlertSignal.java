package dev.firebell.incident.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One alert instance as a notification reports it, already normalised: {@code startsAt} is never
 * null (receipt time when the sender gave none) and {@code endsAt} is null while firing.
 */
public record AlertSignal(
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

  public String alertName() {
    String name = labels.get("alertname");
    return name == null || name.isBlank() ? "Alert " + fingerprint : name;
  }

  public boolean isFiring() {
    return status == AlertStatus.FIRING;
  }
}
