package dev.firebell.maintenance;

import java.time.Instant;
import java.util.Map;

/**
 * A time during which alerts whose labels all match {@code match} page nobody. {@code id} is null
 * for windows from {@code firebell.yaml}.
 */
public record MaintenanceWindow(
    Long id,
    Map<String, String> match,
    Instant startsAt,
    Instant endsAt,
    String reason,
    String createdBy) {

  public boolean activeAt(Instant at) {
    return !at.isBefore(startsAt) && at.isBefore(endsAt);
  }

  public boolean matches(Map<String, String> labels) {
    return match.entrySet().stream()
        .allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
  }
}
