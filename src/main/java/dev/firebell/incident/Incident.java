package dev.firebell.incident;

import java.time.Instant;
import java.util.Map;

/**
 * An incident record: one per firing episode of an alert group. {@code inMaintenance} marks one
 * that paging skipped because a maintenance window matched.
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
    boolean inMaintenance) {}
