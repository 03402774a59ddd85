package dev.firebell.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The threads that send pages. A send first {@link #reserve reserves} one of {@link #MAX_THREADS}
 * threads, before its message is claimed, so a claimed message always gets a thread at once and
 * contacts that hang hold only their own sends. While every thread is busy nothing more is claimed:
 * the rest stays due, and as soon as a thread frees up {@link #onRoom} asks for the next pass, so a
 * storm's backlog goes out at the senders' pace instead of one pool's worth a poll interval. 32
 * threads keep a storm's send bursts from growing the process by a thread stack each: the bench's
 * peak was 115 sender threads with 256 allowed, and all 64 with 64, while two cores sent no faster;
 * with 32 the whole process stays under 80 threads.
 */
public final class SenderPool {
  static final int MAX_THREADS = 32;

  private final ThreadPoolExecutor threads;
  private final Semaphore free;
  private final AtomicBoolean refused = new AtomicBoolean();
  private volatile Runnable onRoom = () -> {};

  /** A pool of {@code size} threads; idle ones end after a minute. */
  SenderPool(int size) {
    // As many threads as reservations, so a reserved send never waits; the queue only takes the
    // watchers' looks (silences, receipts) that find every thread busy.
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
   * soon as one frees up). A reservation ends with {@link #submit} or {@link #cancel}.
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

  /** Gives back a reservation that found nothing to send. */
  public void cancel() {
    free.release();
    if (refused.compareAndSet(true, false)) {
      onRoom.run();
    }
  }

  /**
   * Runs a reserved send on its thread; the reservation ends with the send.
   *
   * @throws java.util.concurrent.RejectedExecutionException once the pool is stopped (the
   *     reservation is still held)
   */
  public Future<?> submit(Runnable send) {
    return threads.submit(
        () -> {
          try {
            send.run();
          } finally {
            cancel();
          }
        });
  }

  /** The same threads for work that is not a claimed message, queued while all are busy. */
  public ExecutorService executor() {
    return threads;
  }

  /** Stops the threads and waits up to {@code timeout} for the sends in flight; false if late. */
  public boolean stop(long timeout, TimeUnit unit) throws InterruptedException {
    threads.shutdownNow();
    return threads.awaitTermination(timeout, unit);
  }
}
