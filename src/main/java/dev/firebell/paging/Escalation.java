package dev.firebell.paging;

import java.time.Instant;

/** An incident's escalation: the next unrolled step of its policy and when it is due. */
public record Escalation(
    long incidentId,
    String policyId,
    String state,
    int nextStep,
    Instant nextStepAt,
    String announcedStatus) {

  static final String ACTIVE = "ACTIVE";
  static final String UNROUTED = "UNROUTED";
  static final String EXHAUSTED = "EXHAUSTED";
  static final String MAINTENANCE = "MAINTENANCE";
}
