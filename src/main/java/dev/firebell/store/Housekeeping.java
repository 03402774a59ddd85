package dev.firebell.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every package's {@link Pruning} once an hour, each in a transaction of its own: expired
 * sessions and used links, and the outbox messages, silences, annotations, receipts and requests
 * for cover that ended longer ago than {@code paging.keepDeliveries}. Incidents and their timelines
 * are kept. Safe to run on every instance.
 */
public final class Housekeeping {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final List<Pruning> prunings;

  public Housekeeping(Jdbi jdbi, Clock clock, List<Pruning> prunings) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.prunings = List.copyOf(prunings);
  }

  /** One pass; returns how many rows went. */
  public int run() {
    Instant now = clock.instant();
    int removed = 0;
    for (Pruning pruning : prunings) {
      removed += jdbi.inTransaction(handle -> pruning.prune(handle, now));
    }
    if (removed > 0) {
      log.info("housekeeping removed {} expired sessions, used links and ended messages", removed);
    }
    return removed;
  }
}
