package dev.firebell.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.config.Urgency;
import dev.firebell.escalation.EscalationView;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentDetails;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.alert.AlertStatus;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.ActionItem;
import dev.firebell.incident.review.Impact;
import dev.firebell.incident.timeline.TimelineEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the incident API; field names are part of the API contract. */
record IncidentJson(
    long id,
    String title,
    String severity,
    Urgency urgency,
    String service,
    IncidentStatus status,
    boolean test,
    boolean inMaintenance,
    Instant startedAt,
    Instant openedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant resolvedAt,
    Long previousIncidentId,
    int truncatedAlerts,
    String source,
    String receiver,
    Map<String, String> groupLabels,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    @JsonProperty("externalURL") String externalUrl,
    String summary,
    Impact impact,
    String rootCause,
    String resolution,
    String detectionNotes,
    List<ActionItem> actionItems,
    List<Alert> alerts,
    List<Entry> timeline,
    EscalationView escalation) {

  /** Without the escalation: the answer to an edit or a declaration, which reads it no further. */
  static IncidentJson of(IncidentDetails details) {
    return of(details, null);
  }

  static IncidentJson of(IncidentDetails details, EscalationView escalation) {
    Incident incident = details.incident();
    return new IncidentJson(
        incident.id(),
        incident.title(),
        incident.severity(),
        incident.urgency(),
        incident.service(),
        incident.status(),
        incident.test(),
        incident.inMaintenance(),
        incident.startedAt(),
        incident.openedAt(),
        incident.acknowledgedAt(),
        incident.acknowledgedBy(),
        incident.resolvedAt(),
        incident.previousIncidentId(),
        incident.truncatedAlerts(),
        incident.source(),
        incident.receiver(),
        incident.groupLabels(),
        incident.commonLabels(),
        incident.commonAnnotations(),
        incident.externalUrl(),
        details.review().summary(),
        details.review().impact(),
        details.review().rootCause(),
        details.review().resolution(),
        details.review().detectionNotes(),
        details.review().actionItems(),
        details.alerts().stream().map(Alert::of).toList(),
        details.timeline().stream().map(Entry::of).toList(),
        escalation);
  }

  /** An incident in a list, without its alerts and timeline. */
  record Summary(
      long id,
      String title,
      String severity,
      Urgency urgency,
      String service,
      IncidentStatus status,
      boolean test,
      boolean inMaintenance,
      Instant startedAt,
      Instant openedAt,
      Instant acknowledgedAt,
      String acknowledgedBy,
      Instant resolvedAt,
      Long previousIncidentId) {
    static Summary of(Incident incident) {
      return new Summary(
          incident.id(),
          incident.title(),
          incident.severity(),
          incident.urgency(),
          incident.service(),
          incident.status(),
          incident.test(),
          incident.inMaintenance(),
          incident.startedAt(),
          incident.openedAt(),
          incident.acknowledgedAt(),
          incident.acknowledgedBy(),
          incident.resolvedAt(),
          incident.previousIncidentId());
    }
  }

  record Page(List<Summary> incidents) {}

  /** An alert instance, with Grafana's own field names. */
  record Alert(
      String fingerprint,
      AlertStatus status,
      Map<String, String> labels,
      Map<String, String> annotations,
      JsonNode values,
      String valueString,
      Instant startsAt,
      Instant endsAt,
      @JsonProperty("generatorURL") String generatorUrl,
      @JsonProperty("dashboardURL") String dashboardUrl,
      @JsonProperty("panelURL") String panelUrl,
      @JsonProperty("silenceURL") String silenceUrl,
      @JsonProperty("imageURL") String imageUrl) {
    static Alert of(IncidentAlert alert) {
      return new Alert(
          alert.fingerprint(),
          alert.status(),
          alert.labels(),
          alert.annotations(),
          alert.values(),
          alert.valueString(),
          alert.startsAt(),
          alert.endsAt(),
          alert.generatorUrl(),
          alert.dashboardUrl(),
          alert.panelUrl(),
          alert.silenceUrl(),
          alert.imageUrl());
    }
  }

  /** A timeline entry. */
  record Entry(Instant at, String kind, String text, String actor) {
    static Entry of(TimelineEntry entry) {
      return new Entry(entry.at(), entry.kind().wireName(), entry.text(), entry.actor());
    }
  }
}
