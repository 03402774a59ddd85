package dev.firebell.channel.pushover;

import dev.firebell.store.Pruning;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Receipts no longer watched are removed after {@code paging.keepDeliveries}. */
public final class ReceiptRetention implements Pruning {
  private final Duration keep;

  public ReceiptRetention(Duration keep) {
    this.keep = keep;
  }

  @Override
  public int prune(Handle handle, Instant now) {
    return new PushoverReceiptRepository(handle).pruneEnded(now.minus(keep));
  }
}
