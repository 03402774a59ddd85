package dev.firebell.incident.alert;

import java.time.Instant;

/**
 * What auto-resolve needs of an incident's alert instances: how many, how many still fire, and the
 * latest end any reported (null when none did).
 */
record AlertTally(int total, int firing, Instant lastEnd) {
  boolean allResolved() {
    return total > 0 && firing == 0;
  }
}
