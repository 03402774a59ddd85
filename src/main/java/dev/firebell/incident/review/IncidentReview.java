package dev.firebell.incident.review;

import java.util.List;

/** The facts people add to an incident for its postmortem. */
public record IncidentReview(
    String summary,
    Impact impact,
    String rootCause,
    String resolution,
    String detectionNotes,
    List<ActionItem> actionItems) {

  public static IncidentReview empty() {
    return new IncidentReview(null, null, null, null, null, List.of());
  }
}
