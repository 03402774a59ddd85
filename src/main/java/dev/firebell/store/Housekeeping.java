package dev.firebell.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what is no longer needed: expired web sessions, used links past their expiry, and outbox
 * messages (pages and notices) that finished (delivered, failed or cancelled) longer ago than
 * {@code keepDeliveries}. Incidents and their timelines are kept. Safe to run on every instance.
 */
public final class Housekeeping {
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final Jdbi jdbi;
  private final Clock clock;
  private final Duration keepDeliveries;
  private final Duration linkTtl;

  public Housekeeping(Jdbi jdbi, Clock clock, Duration keepDeliveries, Duration linkTtl) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.keepDeliveries = keepDeliveries;
    this.linkTtl = linkTtl;
  }

  /** One pass; returns how many rows went. */
  public int run() {
    Instant now = clock.instant();
    int removed =
        jdbi.withHandle(
            handle ->
                handle
                        .createUpdate("DELETE FROM web_session WHERE expires_at <= :now")
                        .bind("now", now)
                        .execute()
                    + handle
                        .createUpdate("DELETE FROM used_link_token WHERE used_at < :before")
                        .bind("before", now.minus(linkTtl))
                        .execute()
                    + handle
                        .createUpdate(
                            """
                            DELETE FROM page_delivery
                            WHERE status <> 'PENDING' AND created_at < :before
                            """)
                        .bind("before", now.minus(keepDeliveries))
                        .execute()
                    + handle
                        .createUpdate(
                            """
                            DELETE FROM notice_delivery
                            WHERE status <> 'PENDING' AND created_at < :before
                            """)
                        .bind("before", now.minus(keepDeliveries))
                        .execute());
    if (removed > 0) {
      log.info("housekeeping removed {} expired sessions, used links and old deliveries", removed);
    }
    return removed;
  }
}
