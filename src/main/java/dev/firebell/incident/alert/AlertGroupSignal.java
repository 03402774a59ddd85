package dev.firebell.incident.alert;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One webhook notification about one alert group, translated from Grafana's or Alertmanager's
 * format. {@code groupHash} identifies the group across deliveries; {@code groupKey} is its
 * readable form. {@code truncatedAlerts} counts the alerts the sender left out of this body
 * (Alertmanager's {@code max_alerts}, Grafana's {@code maxAlerts}).
 */
public record AlertGroupSignal(
    String source,
    String groupHash,
    String groupKey,
    String receiver,
    String title,
    String severity,
    String service,
    boolean test,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String externalUrl,
    List<AlertSignal> alerts,
    int truncatedAlerts,
    Instant receivedAt) {

  /**
   * When the earliest of these alerts started; never after receipt, since a sender's clock that
   * runs ahead must not make an incident start in the future.
   */
  public Instant startedAt(List<AlertSignal> of) {
    return of.stream()
        .map(AlertSignal::startsAt)
        .filter(startsAt -> startsAt.isBefore(receivedAt))
        .min(Comparator.naturalOrder())
        .orElse(receivedAt);
  }

  /** Whether any alert carries numeric values, so peaks are worth comparing. */
  public boolean anyNumbers() {
    return alerts.stream().anyMatch(alert -> AlertValues.hasNumbers(alert.values()));
  }

  public boolean anyFiring() {
    return alerts.stream().anyMatch(AlertSignal::isFiring);
  }

  /** The alert rule's name: the group's common {@code alertname}, else the first alert's. */
  public String alertName() {
    String common = commonLabels.get("alertname");
    if (common != null && !common.isBlank()) {
      return common;
    }
    return alerts.stream()
        .map(alert -> alert.labels().get("alertname"))
        .filter(name -> name != null && !name.isBlank())
        .findFirst()
        .orElse(null);
  }

  /** Sender name for people: "Grafana", "Alertmanager", or Firebell's own heartbeat check. */
  public String senderName() {
    return switch (source) {
      case "alertmanager" -> "Alertmanager";
      case HEARTBEAT_SOURCE -> "Firebell's heartbeat check";
      default -> "Grafana";
    };
  }

  /** The source of the incidents a missed heartbeat opens. */
  public static final String HEARTBEAT_SOURCE = "heartbeat";
}
