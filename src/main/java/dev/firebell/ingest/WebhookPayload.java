package dev.firebell.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * The webhook body Grafana (unified alerting, {@code version} "1") and Alertmanager ({@code
 * version} "4") send. Grafana's body is Alertmanager's plus a few fields; unknown fields are
 * ignored because both add fields over time.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WebhookPayload(
    String version,
    String receiver,
    String status,
    Long orgId,
    List<PayloadAlert> alerts,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    String externalURL,
    String groupKey,
    Integer truncatedAlerts,
    String title,
    String state,
    String message) {

  WebhookPayload {
    receiver = receiver == null ? "" : receiver;
    groupLabels = groupLabels == null ? Map.of() : groupLabels;
    commonLabels = commonLabels == null ? Map.of() : commonLabels;
    commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
  }

  /** The same body with the alerts the streaming parser bound one by one. */
  WebhookPayload withAlerts(List<PayloadAlert> newAlerts) {
    return new WebhookPayload(
        version,
        receiver,
        status,
        orgId,
        newAlerts,
        groupLabels,
        commonLabels,
        commonAnnotations,
        externalURL,
        groupKey,
        truncatedAlerts,
        title,
        state,
        message);
  }
}
