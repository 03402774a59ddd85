package dev.firebell.notify;

import dev.firebell.outbox.OutboxStatus;

/** Where a page, status update, digest or notice stands in the outbox. */
public enum DeliveryStatus implements OutboxStatus {
  /** Waiting to be sent, or being sent under a lease. */
  PENDING,
  DELIVERED,
  /** Given up after the retries, or refused for good. */
  FAILED,
  /** A page no longer needed: the incident was acknowledged or resolved first. */
  CANCELLED,
  /** A page beyond the storm limit, sent in its contact's digest instead. */
  FOLDED,
  /** A digest whose incidents were all handled before it went out. */
  EMPTY
}
