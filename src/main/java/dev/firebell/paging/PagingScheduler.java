package dev.firebell.paging;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the escalation engine and the outbox every poll interval, and at once when woken (an
 * incident opened or changed status), so a page goes out within a second of its webhook.
 */
public final class PagingScheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PagingScheduler.class);

  private final EscalationEngine engine;
  private final OutboxSender sender;
  private final Clock clock;
  private final ScheduledExecutorService loop;
  private final AtomicBoolean wakePending = new AtomicBoolean();
  private volatile boolean closed;

  public PagingScheduler(EscalationEngine engine, OutboxSender sender, Clock clock) {
    this.engine = engine;
    this.sender = sender;
    this.clock = clock;
    this.loop =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "paging");
              thread.setDaemon(true);
              return thread;
            });
  }

  public void start(Duration pollInterval) {
    loop.scheduleWithFixedDelay(
        this::runSafely, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs a maintenance task on the same loop every {@code period}, logging its failures. */
  public void every(Duration period, Runnable task) {
    loop.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (Throwable e) { // an escaping error would end the schedule for good
            if (!closed) {
              log.error("maintenance task failed; retrying in {}", period, e);
            }
          }
        },
        period.toMillis(),
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Asks for a run now; several wakes before it runs make one run. */
  public void wake() {
    if (wakePending.compareAndSet(false, true)) {
      try {
        loop.execute(
            () -> {
              wakePending.set(false);
              runSafely();
            });
      } catch (RejectedExecutionException stopped) {
        // Shutting down: the work stays in the database for the next start.
      }
    }
  }

  /** One pass: escalations first, then whatever they queued. */
  public void runOnce() {
    escalate();
    sender.dispatchDue(clock.instant());
  }

  /** Starts, advances and stops escalations; queues pages without sending them. */
  public void escalate() {
    engine.tick(clock.instant());
  }

  /**
   * A scheduled task that throws is never run again, so the loop catches everything, errors too:
   * paging must outlive one bad pass. An OutOfMemoryError is logged here, and the JVM flag
   * -XX:+ExitOnOutOfMemoryError (scripts/run.sh) ends the process so a supervisor restarts it.
   */
  private void runSafely() {
    try {
      runOnce();
    } catch (Throwable e) { // see above
      if (!closed) {
        log.error("paging pass failed; retrying at the next interval", e);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    loop.shutdownNow();
  }
}
