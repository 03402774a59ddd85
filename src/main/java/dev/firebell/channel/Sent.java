package dev.firebell.channel;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * What a vendor answered for a message it took: its id when it gave one, and what Firebell keeps
 * watching from then on (a Pushover emergency page's receipt), started with the delivery's outcome.
 */
public record Sent(String vendorId, Watch watch) {
  public static final Sent NOTHING = new Sent(null, Watch.NONE);

  /** Started in the transaction that records a page as delivered. */
  @FunctionalInterface
  public interface Watch {
    Watch NONE = (handle, incidentId, personId, now) -> {};

    void start(Handle handle, long incidentId, String personId, Instant now);
  }
}
