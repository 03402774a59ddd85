package dev.firebell.upstream;

import dev.firebell.outbox.OutboxStatus;

/** Where an incident's Grafana annotation stands. */
public enum AnnotationStatus implements OutboxStatus {
  /** To be posted. */
  CREATING,
  /** Posted, with a change still to patch in. */
  UPDATING,
  /** Grafana has the latest version. */
  DONE,
  FAILED
}
