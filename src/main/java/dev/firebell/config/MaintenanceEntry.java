package dev.firebell.config;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A maintenance window written in {@code firebell.yaml}: alerts whose labels all match {@code
 * match} page nobody from {@code from} until {@code to} (ISO-8601 times with an offset).
 */
public record MaintenanceEntry(Map<String, String> match, String from, String to, String reason) {
  public MaintenanceEntry {
    match = match == null ? Map.of() : Map.copyOf(match);
    reason = reason == null || reason.isBlank() ? "maintenance" : reason;
  }

  public OffsetDateTime fromTime() {
    return OffsetDateTime.parse(from);
  }

  public OffsetDateTime toTime() {
    return OffsetDateTime.parse(to);
  }
}
