package dev.firebell.outbox;

import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The threads that send pages, digests, notices and calls to the alert sources, and run the
 * watchers' looks. Each send first {@link #reserve reserves} one of {@link #MAX_THREADS} threads,
 * before its message is claimed, so a claimed message gets a thread at once and contacts that hang
 * hold only their own sends; a look runs only on a thread free at that moment ({@link #trySubmit}).
 * While every thread is busy nothing more is claimed: the rest stays due, and as soon as a thread
 * frees up {@link #onRoom} asks for the next pass, so a storm's backlog goes out at the receivers'
 * pace instead of one pool's worth a poll interval. 32 threads keep a storm's send bursts from
 * growing the process by a thread stack each: the bench's peak was 115 sender threads with 256
 * allowed, and all 64 with 64, while two cores sent no faster.
 */
public final class SenderPool {
  static final int MAX_THREADS = 32;

  private final ThreadPoolExecutor threads;
  private final Semaphore free;
  private final AtomicBoolean refused = new AtomicBoolean();
  private volatile Runnable onRoom = () -> {};

  /** A pool of {@code size} threads; idle ones end after a minute. */
  SenderPool(int size) {
    // As many threads as reservations, so a reserved send never waits. The queue only bridges the
    // moment between a send giving back its reservation and its thread taking the next one.
    this.threads =
        new ThreadPoolExecutor(
            size,
            size,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "page-sender");
              thread.setDaemon(true);
              return thread;
            });
    threads.allowCoreThreadTimeOut(true);
    this.free = new Semaphore(size);
  }

  public static SenderPool create() {
    return new SenderPool(MAX_THREADS);
  }

  /** Runs once a thread frees up after a {@link #reserve} found none: the next pass. */
  public void onRoom(Runnable nextPass) {
    this.onRoom = nextPass;
  }

  /**
   * Reserves a thread for one send; false while every thread is busy (then {@link #onRoom} runs as
   * soon as one frees up). A reservation ends with its {@link #submit}ted send, or {@link
   * #release}.
   */
  public boolean reserve() {
    if (free.tryAcquire()) {
      return true;
    }
    refused.set(true);
    // A thread that freed up between the two lines above did not see the refusal: look again. (A
    // refusal left set then only costs one pass too many.)
    return free.tryAcquire();
  }

  /** Gives a reservation back: when its send ends, or when it found nothing to send. */
  public void release() {
    free.release();
    if (refused.compareAndSet(true, false)) {
      onRoom.run();
    }
  }

  /**
   * Runs a reserved send on its thread; the reservation ends with the send.
   *
   * @throws RejectedExecutionException once the pool is stopped (the reservation is still held)
   */
  public Future<?> submit(Runnable send) {
    return threads.submit(
        () -> {
          try {
            send.run();
          } finally {
            release();
          }
        });
  }

  /**
   * Runs {@code work} at once on a free thread, as its own reservation: what the watchers' looks
   * use, so they never hold a thread a reserved send is waiting for. Empty (nothing run) while
   * every thread is busy, and once the pool is stopped.
   */
  public Optional<Future<?>> trySubmit(Runnable work) {
    if (!reserve()) {
      return Optional.empty();
    }
    try {
      return Optional.of(submit(work));
    } catch (RejectedExecutionException stopped) {
      release();
      return Optional.empty();
    }
  }

  /** Stops the threads and waits up to {@code timeout} for the sends in flight; false if late. */
  public boolean stop(long timeout, TimeUnit unit) throws InterruptedException {
    threads.shutdownNow();
    return threads.awaitTermination(timeout, unit);
  }
}
