package dev.firebell.ingest;

import dev.firebell.config.SeverityConfig;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.AlertSignal;
import dev.firebell.incident.alert.AlertStatus;
import dev.firebell.text.Cut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Translates a Grafana or Alertmanager webhook body into an {@link AlertGroupSignal}. Pure: the
 * receipt time comes in as an argument.
 */
final class AlertTranslator {
  /** The alert name Grafana gives its contact-point "Test" notification. */
  static final String GRAFANA_TEST_ALERT = "TestAlert";

  private static final Pattern STATUS_PREFIX = Pattern.compile("^\\s*\\[[A-Z]+(:[^]]*)?]\\s*");

  /** Display widths: longer titles and services are cut with "…" (README, "Display limits"). */
  static final int TITLE_WIDTH = 1000;

  static final int SERVICE_WIDTH = 255;

  private final SeverityConfig severity;

  AlertTranslator(SeverityConfig severity) {
    this.severity = severity;
  }

  AlertGroupSignal translate(WebhookSource source, WebhookPayload payload, Instant receivedAt) {
    checkSender(source, payload);
    List<AlertSignal> alerts = new ArrayList<>();
    for (int index = 0; index < payload.alerts().size(); index++) {
      alerts.add(alert(payload, index, receivedAt));
    }
    String groupKey = groupKey(payload);
    return new AlertGroupSignal(
        source.id(),
        GroupIdentity.hash(source.id(), payload.orgId(), payload.receiver(), groupKey),
        groupKey,
        payload.receiver(),
        title(payload, alerts),
        severity.severityFor(label(payload, alerts, severity.label()).orElse(null)),
        service(payload, alerts),
        alerts.stream().anyMatch(a -> GRAFANA_TEST_ALERT.equals(a.labels().get("alertname"))),
        payload.groupLabels(),
        payload.commonLabels(),
        payload.commonAnnotations(),
        blankToNull(payload.externalURL()),
        List.copyOf(alerts),
        payload.truncatedAlerts() == null ? 0 : Math.max(0, payload.truncatedAlerts()),
        receivedAt);
  }

  /**
   * A body whose shape is the other sender's was posted to the wrong endpoint: Grafana's carries
   * {@code version} "1" and an {@code orgId}, Alertmanager's {@code version} "4" and none. Said at
   * once, so the contact point is fixed rather than its alerts filed under the wrong source.
   */
  private static void checkSender(WebhookSource source, WebhookPayload payload) {
    boolean grafana = "1".equals(payload.version()) && payload.orgId() != null;
    boolean alertmanager = "4".equals(payload.version()) && payload.orgId() == null;
    if (source == WebhookSource.ALERTMANAGER && grafana) {
      throw new InvalidPayload(
          "version",
          "this is Grafana's webhook body (version \"1\" with orgId); post it to"
              + " /webhooks/grafana");
    }
    if (source == WebhookSource.GRAFANA && alertmanager) {
      throw new InvalidPayload(
          "version",
          "this is Alertmanager's webhook body (version \"4\"); post it to /webhooks/alertmanager");
    }
  }

  private static AlertSignal alert(WebhookPayload payload, int index, Instant receivedAt) {
    PayloadAlert alert = payload.alerts().get(index);
    if (alert == null) {
      throw new InvalidPayload("alerts[" + index + "]", "alerts[" + index + "] must be an object");
    }
    String field = "alerts[" + index + "]";
    AlertStatus status = status(alert.status() != null ? alert.status() : payload.status(), field);
    Instant startsAt = SourceTimestamps.parse(alert.startsAt(), field + ".startsAt");
    Instant endsAt = SourceTimestamps.parse(alert.endsAt(), field + ".endsAt");
    if (status == AlertStatus.FIRING) {
      endsAt = null; // Alertmanager sends a future endsAt while firing: it is only a timeout.
    } else if (endsAt == null) {
      endsAt = receivedAt;
    }
    if (startsAt == null) {
      startsAt = endsAt != null && endsAt.isBefore(receivedAt) ? endsAt : receivedAt;
    }
    if (endsAt != null && endsAt.isBefore(startsAt)) {
      endsAt = startsAt; // a sender's clocks disagreeing must not make a negative duration
    }
    return new AlertSignal(
        fingerprint(alert),
        status,
        alert.labels(),
        alert.annotations(),
        alert.values() == null || alert.values().isNull() ? null : alert.values(),
        blankToNull(alert.valueString()),
        startsAt,
        endsAt,
        blankToNull(alert.generatorURL()),
        blankToNull(alert.dashboardURL()),
        blankToNull(alert.panelURL()),
        blankToNull(alert.silenceURL()),
        blankToNull(alert.imageURL()));
  }

  private static AlertStatus status(String status, String field) {
    if ("firing".equals(status)) {
      return AlertStatus.FIRING;
    }
    if ("resolved".equals(status)) {
      return AlertStatus.RESOLVED;
    }
    throw new InvalidPayload(
        field + ".status",
        field + ".status must be \"firing\" or \"resolved\", got " + quoted(status));
  }

  /** Alert instances are tracked by fingerprint; without one, by a hash of the labels. */
  private static String fingerprint(PayloadAlert alert) {
    if (alert.fingerprint() != null && !alert.fingerprint().isBlank()) {
      return alert.fingerprint().strip();
    }
    return GroupIdentity.labelsFingerprint(alert.labels());
  }

  /** Grafana's and Alertmanager's groupKey; without one, the receiver plus the group labels. */
  private static String groupKey(WebhookPayload payload) {
    if (payload.groupKey() != null && !payload.groupKey().isBlank()) {
      return payload.groupKey();
    }
    return payload.receiver() + new TreeMap<>(payload.groupLabels());
  }

  /**
   * Grafana's title without its "[FIRING:2]" prefix, which would be wrong once the incident
   * resolves. When the title names no group labels, "alert name: summary" says more.
   */
  private static String title(WebhookPayload payload, List<AlertSignal> alerts) {
    if (payload.title() != null) {
      String title = STATUS_PREFIX.matcher(payload.title()).replaceFirst("").strip();
      if (!title.isEmpty() && !title.startsWith("(")) {
        return limit(title);
      }
    }
    String name = label(payload, alerts, "alertname").orElse(null);
    String summary =
        Optional.ofNullable(payload.commonAnnotations().get("summary"))
            .or(
                () ->
                    alerts.stream()
                        .map(a -> a.annotations().get("summary"))
                        .filter(s -> s != null && !s.isBlank())
                        .findFirst())
            .orElse(null);
    if (name == null) {
      name = payload.receiver().isEmpty() ? "Alert" : "Alert from " + payload.receiver();
    }
    return limit(summary == null || summary.isBlank() ? name : name + ": " + summary.strip());
  }

  /**
   * The service label, else {@code job}, else the alert name; cut to {@link #SERVICE_WIDTH} for
   * lists and filters (the alerts keep the full label).
   */
  private static String service(WebhookPayload payload, List<AlertSignal> alerts) {
    String service =
        label(payload, alerts, "service")
            .or(() -> label(payload, alerts, "job"))
            .or(() -> label(payload, alerts, "alertname"))
            .orElse("unknown");
    return Cut.toChars(service, SERVICE_WIDTH);
  }

  /** A label from the group's common labels, else from the first alert that has it. */
  private static Optional<String> label(
      WebhookPayload payload, List<AlertSignal> alerts, String name) {
    String common = payload.commonLabels().get(name);
    if (common != null && !common.isBlank()) {
      return Optional.of(common);
    }
    return alerts.stream()
        .map(AlertSignal::labels)
        .map(labels -> labels.get(name))
        .filter(value -> value != null && !value.isBlank())
        .findFirst();
  }

  private static String limit(String text) {
    return Cut.toChars(text, TITLE_WIDTH);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private static String quoted(String text) {
    return text == null ? "nothing" : "\"" + text + "\"";
  }
}
