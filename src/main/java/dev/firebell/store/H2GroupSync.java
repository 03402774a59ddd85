package dev.firebell.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Group commit for H2. An H2 commit stays in memory until its background writer runs (every 500
 * ms), so a crash right after a 2xx could lose the data. Each caller joins the next batch, and one
 * {@code CHECKPOINT SYNC} writes and fsyncs every transaction committed before it began. The batch
 * never waits to fill: whoever is queued when the previous sync ends goes next.
 */
final class H2GroupSync implements Durability {
  private static final long SYNC_TIMEOUT_SECONDS = 30;

  private final Jdbi jdbi;
  private final Thread syncer;
  private CompletableFuture<Void> nextBatch;
  private boolean closed;
  private volatile long lastSyncNanos = System.nanoTime();

  H2GroupSync(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.syncer = new Thread(this::syncLoop, "h2-group-sync");
    syncer.setDaemon(true);
    syncer.start();
  }

  /** When intake last waited for a sync ({@link System#nanoTime()}); the start before the first. */
  long lastSyncNanos() {
    return lastSyncNanos;
  }

  @Override
  public void awaitDurable() {
    CompletableFuture<Void> batch;
    synchronized (this) {
      if (closed) {
        // Not durable, like a failed sync: a webhook answers 503, a send waits for its lease.
        throw new DatabaseSyncException("the database is closing", null);
      }
      if (nextBatch == null) {
        nextBatch = new CompletableFuture<>();
        notifyAll();
      }
      batch = nextBatch;
    }
    try {
      batch.get(SYNC_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatabaseSyncException("interrupted while waiting", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new DatabaseSyncException(e);
    }
  }

  private void syncLoop() {
    while (true) {
      CompletableFuture<Void> batch;
      synchronized (this) {
        while (nextBatch == null && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (nextBatch == null) {
          return;
        }
        batch = nextBatch;
        nextBatch = null;
      }
      try {
        jdbi.useHandle(handle -> handle.execute("CHECKPOINT SYNC"));
        lastSyncNanos = System.nanoTime();
        batch.complete(null);
      } catch (JdbiException e) { // H2 turns every failure into an SQLException: 503, loop on
        batch.completeExceptionally(e);
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      syncer.join(TimeUnit.SECONDS.toMillis(SYNC_TIMEOUT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
