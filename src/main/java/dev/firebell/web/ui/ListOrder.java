package dev.firebell.web.ui;

import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import java.util.Comparator;
import java.util.List;

/**
 * The order of the incident list, so the one to act on is on top: triggered before acknowledged
 * before resolved, then by severity as {@code severity.map} ranks them (SEV-1 first), then newest
 * first. Pure.
 */
final class ListOrder {
  private ListOrder() {}

  static Comparator<Incident> of(List<String> severities) {
    return Comparator.comparingInt((Incident incident) -> status(incident.status()))
        .thenComparingInt(incident -> rank(severities, incident.severity()))
        .thenComparing(Comparator.comparingLong(Incident::id).reversed());
  }

  private static int status(IncidentStatus status) {
    return switch (status) {
      case TRIGGERED -> 0;
      case ACKNOWLEDGED -> 1;
      case RESOLVED -> 2;
    };
  }

  /** The severity's place among the configured ones; one not configured comes after them. */
  private static int rank(List<String> severities, String severity) {
    int index = severities.indexOf(severity);
    return index < 0 ? severities.size() : index;
  }
}
