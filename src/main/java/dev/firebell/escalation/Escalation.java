package dev.firebell.escalation;

import java.time.Instant;

/** An incident's escalation: the next unrolled step of its policy and when it is due. */
public record Escalation(
    long incidentId,
    String policyId,
    String state,
    int nextStep,
    Instant nextStepAt,
    String announcedStatus,
    int restarts) {

  /** A policy restarted by an expired acknowledgement pages in rounds of its own. */
  static final int ROUNDS_PER_RESTART = 1000;

  Escalation(
      long incidentId,
      String policyId,
      String state,
      int nextStep,
      Instant nextStepAt,
      String announcedStatus) {
    this(incidentId, policyId, state, nextStep, nextStepAt, announcedStatus, 0);
  }

  /** The outbox round of a page for unrolled step {@code step} in this run of the policy. */
  int pageRound(int step) {
    return restarts * ROUNDS_PER_RESTART + step;
  }

  static final String ACTIVE = "ACTIVE";
  static final String UNROUTED = "UNROUTED";
  static final String EXHAUSTED = "EXHAUSTED";
  static final String MAINTENANCE = "MAINTENANCE";
}
