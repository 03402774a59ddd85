package dev.firebell.config;

import java.time.Duration;
import java.util.Map;

/**
 * A heartbeat (dead-man's switch) in {@code firebell.yaml}: something must beat ({@code POST
 * /heartbeats/{id}}) at least every {@code interval}, or an incident with {@code labels} opens.
 * With {@code alertname} (e.g. {@code Watchdog}), a firing notification whose alerts all carry that
 * name is a beat and opens no incident.
 */
public record HeartbeatEntry(
    String id, Duration interval, Map<String, String> labels, String alertname) {
  public HeartbeatEntry {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    alertname = alertname == null || alertname.isBlank() ? null : alertname;
  }
}
