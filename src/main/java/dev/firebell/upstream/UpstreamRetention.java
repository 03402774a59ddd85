package dev.firebell.upstream;

import dev.firebell.store.Pruning;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Silences that ended (expired, failed, cancelled) and annotations with nothing left to send for a
 * resolved incident (or that failed) are removed after {@code paging.keepDeliveries}.
 */
public final class UpstreamRetention implements Pruning {
  private final Duration keep;

  public UpstreamRetention(Duration keep) {
    this.keep = keep;
  }

  @Override
  public int prune(Handle handle, Instant now) {
    Instant before = now.minus(keep);
    return new SilenceRepository(handle)
            .rows()
            .pruneEnded(
                List.of(SilenceStatus.CREATING, SilenceStatus.ACTIVE, SilenceStatus.EXPIRING),
                before)
        + new AnnotationRepository(handle).pruneEnded(before);
  }
}
