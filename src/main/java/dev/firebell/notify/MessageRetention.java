package dev.firebell.notify;

import dev.firebell.store.Pruning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Pages, status updates, digests and notices that ended (delivered, failed, cancelled, folded)
 * longer ago than {@code paging.keepDeliveries} are removed; pending ones are kept however old.
 */
public final class MessageRetention implements Pruning {
  private static final List<DeliveryStatus> OPEN = List.of(DeliveryStatus.PENDING);

  private final Duration keep;

  public MessageRetention(Duration keep) {
    this.keep = keep;
  }

  @Override
  public int prune(Handle handle, Instant now) {
    Instant before = now.minus(keep);
    return new DeliveryRepository(handle).rows().pruneEnded(OPEN, before)
        + new NoticeRepository(handle).rows().pruneEnded(OPEN, before)
        + new DigestRepository(handle).rows().pruneEnded(OPEN, before);
  }
}
