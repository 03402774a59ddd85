package dev.firebell.incident.alert;

import dev.firebell.incident.IncidentStatus;

/** The result of recording one notification; {@code incidentId} is null when it was ignored. */
public record RecordResult(RecordOutcome outcome, Long incidentId, IncidentStatus status) {

  static RecordResult ignored() {
    return new RecordResult(RecordOutcome.IGNORED, null, null);
  }

  /** True when the notification wrote something that must be durable before we answer. */
  public boolean changedSomething() {
    return outcome == RecordOutcome.OPENED || outcome == RecordOutcome.UPDATED;
  }
}
