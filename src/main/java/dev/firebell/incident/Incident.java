package dev.firebell.incident;

import dev.firebell.config.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An incident record: one per firing episode of an alert group. {@code startedAt} is when its
 * earliest alert started (never after {@code openedAt}, the receipt), so durations add up even for
 * a late delivery. {@code inMaintenance} marks one that paging skipped because a maintenance window
 * matched; {@code truncatedAlerts} counts alerts the sender left out of its notifications.
 */
public record Incident(
    long id,
    String groupHash,
    String source,
    String receiver,
    String title,
    String severity,
    String service,
    IncidentStatus status,
    boolean test,
    Instant openedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    Long previousIncidentId,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String externalUrl,
    boolean inMaintenance,
    Instant startedAt,
    int truncatedAlerts,
    Urgency urgency) {

  /**
   * "and 9000 more not sent by Alertmanager" when the sender left alerts out of its notifications
   * (its max_alerts or maxAlerts setting), else null.
   */
  public String truncationNote() {
    if (truncatedAlerts <= 0) {
      return null;
    }
    String sender = "alertmanager".equals(source) ? "Alertmanager" : "Grafana";
    return "and " + truncatedAlerts + " more not sent by " + sender;
  }

  /** From the first alert's start to the resolution (or {@code now}), never negative. */
  public Duration duration(Instant now) {
    Instant end = resolvedAt != null ? resolvedAt : now;
    Duration duration = Duration.between(startedAt, end);
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
