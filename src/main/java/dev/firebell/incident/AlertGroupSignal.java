package dev.firebell.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One webhook notification about one alert group, translated from Grafana's or Alertmanager's
 * format. {@code groupHash} identifies the group across deliveries; {@code groupKey} is its
 * readable form.
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
    Instant receivedAt) {

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

  /** Sender name for people: "Grafana" or "Alertmanager". */
  public String senderName() {
    return "alertmanager".equals(source) ? "Alertmanager" : "Grafana";
  }
}
