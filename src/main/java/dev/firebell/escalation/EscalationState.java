package dev.firebell.escalation;

/** Where an incident's escalation stands, as the {@code escalation.state} column keeps it. */
public enum EscalationState {
  /** Steps run when due. */
  ACTIVE,
  /** No route matched the incident: nobody was paged. */
  UNROUTED,
  /** Every step (and repeat) ran and nobody acknowledged. */
  EXHAUSTED,
  /** A maintenance window covered the incident: nobody is paged. */
  MAINTENANCE,
  /** Acknowledged or resolved. */
  STOPPED
}
