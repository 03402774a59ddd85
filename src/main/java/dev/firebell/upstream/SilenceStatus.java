package dev.firebell.upstream;

import dev.firebell.outbox.OutboxStatus;

/** Where a silence Firebell asked an alert source for stands. */
public enum SilenceStatus implements OutboxStatus {
  /** To be made in the alert source. */
  CREATING,
  /** Made; its alerts are watched. */
  ACTIVE,
  /** The incident resolved: to be expired in the alert source. */
  EXPIRING,
  EXPIRED,
  FAILED,
  /** The incident resolved before the silence was made. */
  CANCELLED
}
