package dev.firebell.escalation;

import dev.firebell.incident.IncidentStatus;
import java.time.Instant;

/** An incident's escalation: the next unrolled step of its policy and when it is due. */
public record Escalation(
    long incidentId,
    String policyId,
    EscalationState state,
    int nextStep,
    Instant nextStepAt,
    IncidentStatus announcedStatus,
    int restarts) {

  /** A policy restarted by an expired acknowledgement pages in rounds of its own. */
  static final int ROUNDS_PER_RESTART = 1000;

  /** A new incident's escalation before its first step. */
  static Escalation first(long incidentId, String policyId, Instant now) {
    return new Escalation(
        incidentId, policyId, EscalationState.ACTIVE, 0, now, IncidentStatus.TRIGGERED, 0);
  }

  /** The outbox round of a page for unrolled step {@code step} in this run of the policy. */
  int pageRound(int step) {
    return restarts * ROUNDS_PER_RESTART + step;
  }
}
