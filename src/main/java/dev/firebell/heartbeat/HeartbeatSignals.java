package dev.firebell.heartbeat;

import dev.firebell.config.DurationParser;
import dev.firebell.config.HeartbeatEntry;
import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.AlertSignal;
import dev.firebell.incident.alert.AlertStatus;
import dev.firebell.security.Hashing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert a missed heartbeat raises, and the one that ends it, as a notification from Firebell
 * itself. Each miss is its own group (keyed by the heartbeat and the beat that was due), so every
 * instance that notices it records the same group and there is one incident per miss. Pure.
 */
final class HeartbeatSignals {
  static final String ALERT_NAME = "HeartbeatMissed";

  private HeartbeatSignals() {}

  static AlertGroupSignal missed(
      HeartbeatEntry entry, HeartbeatState state, SeverityConfig severity, Instant now) {
    String since =
        state.lastBeatAt() == null
            ? "no beat since Firebell started (the first was due at " + state.dueAt() + ")"
            : "the last beat was at " + state.lastBeatAt();
    String summary =
        "Heartbeat "
            + entry.id()
            + " was due by "
            + state.dueAt()
            + " (every "
            + DurationParser.format(entry.interval())
            + "): "
            + since;
    return signal(entry, state.dueAt(), AlertStatus.FIRING, summary, severity, now);
  }

  static AlertGroupSignal recovered(
      HeartbeatEntry entry, Instant missedDueAt, SeverityConfig severity, Instant now) {
    return signal(
        entry,
        missedDueAt,
        AlertStatus.RESOLVED,
        "Heartbeat " + entry.id() + " beat again at " + now,
        severity,
        now);
  }

  private static AlertGroupSignal signal(
      HeartbeatEntry entry,
      Instant missedDueAt,
      AlertStatus status,
      String summary,
      SeverityConfig severity,
      Instant now) {
    Map<String, String> labels = new LinkedHashMap<>(entry.labels());
    labels.put("alertname", ALERT_NAME);
    labels.put("heartbeat", entry.id());
    String groupKey = "heartbeat " + entry.id() + " due " + missedDueAt;
    AlertSignal alert =
        new AlertSignal(
            Hashing.sha256Hex(groupKey).substring(0, 16),
            status,
            Map.copyOf(labels),
            Map.of("summary", summary),
            null,
            null,
            missedDueAt,
            status == AlertStatus.RESOLVED ? now : null,
            null,
            null,
            null,
            null,
            null);
    String service = entry.labels().getOrDefault("service", "heartbeat");
    return new AlertGroupSignal(
        AlertGroupSignal.HEARTBEAT_SOURCE,
        Hashing.sha256Hex(AlertGroupSignal.HEARTBEAT_SOURCE + "\n" + groupKey),
        groupKey,
        "",
        "Heartbeat " + entry.id() + " missed",
        severity.severityFor(labels.get(severity.label())),
        service,
        false,
        Map.of("heartbeat", entry.id()),
        Map.copyOf(labels),
        Map.of("summary", summary),
        null,
        List.of(alert),
        0,
        now);
  }
}
