package dev.firebell.oncall.swap;

import dev.firebell.store.Pruning;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Requests for cover that ended (taken or lapsed) are removed after {@code paging.keepDeliveries};
 * an override a taken request made stays, as part of the rota.
 */
public final class SwapRetention implements Pruning {
  private final Duration keep;

  public SwapRetention(Duration keep) {
    this.keep = keep;
  }

  @Override
  public int prune(Handle handle, Instant now) {
    return new SwapRepository(handle).pruneEnded(now.minus(keep));
  }
}
