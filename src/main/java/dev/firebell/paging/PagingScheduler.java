package dev.firebell.paging;

import dev.firebell.escalation.EscalationEngine;
import dev.firebell.notify.Delivery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the escalation engine and the outbox every poll interval, and at once when woken: an
 * acknowledgement or a resolution wakes the outbox ({@link #wakeSender}), since the status updates
 * it needs were queued in its own transaction; a new incident's first pages are handed to senders
 * without a pass ({@link #handOver}).
 */
public final class PagingScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PagingScheduler.class);

  private final EscalationEngine engine;
  private final OutboxSender sender;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final ScheduledExecutorService catchUp;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private final AtomicBoolean sendPending = new AtomicBoolean();
  private volatile boolean closed;

  public PagingScheduler(EscalationEngine engine, OutboxSender sender, Clock clock) {
    this.engine = engine;
    this.sender = sender;
    this.clock = clock;
    this.loop = singleThread("paging");
    this.catchUp = singleThread("paging-catch-up");
  }

  private static ScheduledExecutorService singleThread(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, name);
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Passes every poll interval; the catch-up (see {@link EscalationEngine#catchUp}) at once and
   * then every minute, on its own thread: its claims are conditional like every other instance's,
   * and its scans of every open incident never hold up a page.
   */
  public void start(Duration pollInterval) {
    loop.scheduleWithFixedDelay(
        () -> runSafely(this::runOnce),
        pollInterval.toMillis(),
        pollInterval.toMillis(),
        TimeUnit.MILLISECONDS);
    catchUp.scheduleWithFixedDelay(
        () -> runSafely(() -> engine.catchUp(clock.instant())), 0, 60, TimeUnit.SECONDS);
  }

  /** Runs a module's job on the same loop every {@code job.every()}, logging its failures. */
  public void every(Job job) {
    long period = job.every().toMillis();
    loop.scheduleWithFixedDelay(
        () -> {
          try {
            job.run().run();
          } catch (Throwable e) { // an escaping error would end the schedule for good
            if (!closed) {
              log.error("{} failed; retrying in {}", job.name(), job.every(), e);
            }
          }
        },
        period,
        period,
        TimeUnit.MILLISECONDS);
  }

  /** Asks for a run now; several wakes before it runs make one run. */
  public void wake() {
    if (wakePending.compareAndSet(false, true)) {
      try {
        loop.execute(
            () -> {
              wakePending.set(false);
              runSafely(this::runOnce);
            });
      } catch (RejectedExecutionException stopped) {
        // Shutting down: the work stays in the database for the next start.
      }
    }
  }

  /**
   * Asks for the outbox to be sent now, without an escalation pass: what an acknowledgement or a
   * resolution needs, as its status updates were queued in its own transaction, and what a thread
   * that frees up asks for. Several wakes before it runs make one run.
   */
  public void wakeSender() {
    if (sendPending.compareAndSet(false, true)) {
      try {
        loop.execute(
            () -> {
              sendPending.set(false);
              runSafely(() -> sender.dispatchDue(clock.instant()));
            });
      } catch (RejectedExecutionException stopped) {
        // Shutting down: the pages stay in the outbox for the next start.
      }
    }
  }

  /**
   * A new incident's first pages go to senders at once, on the caller's thread, unless paging has
   * stopped: then they stay due for the next start, like everything a stopped loop leaves.
   */
  public void handOver(List<Delivery> pages) {
    if (!closed) {
      sender.handOver(pages);
    }
  }

  /** One pass: due escalation steps first, then whatever they queued. */
  public void runOnce() {
    engine.tick(clock.instant());
    sender.dispatchDue(clock.instant());
  }

  /** The catch-up and the due steps at once; queues pages without sending them (for tests). */
  public void escalate() {
    engine.catchUp(clock.instant());
    engine.tick(clock.instant());
  }

  /**
   * A scheduled task that throws is never run again, so the loop catches everything, errors too:
   * paging must outlive one bad pass. An OutOfMemoryError is logged here, and the JVM flag
   * -XX:+ExitOnOutOfMemoryError (scripts/run.sh) ends the process so a supervisor restarts it.
   */
  private void runSafely(Runnable pass) {
    try {
      pass.run();
    } catch (Throwable e) { // see above
      if (!closed) {
        log.error("paging pass failed; retrying at the next interval", e);
      }
    }
  }

  @Override
  /**
   * Stops both threads and waits (a few seconds at most) for a pass under way to end, so nothing
   * the loop started is still claiming work once this returns.
   */
  public void close() {
    closed = true;
    catchUp.shutdownNow();
    loop.shutdownNow();
    try {
      if (!loop.awaitTermination(10, TimeUnit.SECONDS)
          || !catchUp.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("a paging pass did not end within 10 s of shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
