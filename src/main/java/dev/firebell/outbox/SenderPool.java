package dev.firebell.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that send pages. Every send gets a thread of its own at once (up to {@link
 * #MAX_THREADS}, idle ones go after a minute), so contacts that hang hold only their own sends,
 * each for at most {@code paging.requestTimeout}, and never delay anybody else's page. While every
 * thread is busy nothing more is claimed ({@link #hasRoom}): the rest stays due in the outbox for
 * the next pass. 32 threads keep a storm's send bursts from growing the process by a thread stack
 * each: the bench's peak was 115 sender threads with 256 allowed, and all 64 with 64, while two
 * cores sent no faster; with 32 the whole process stays under 80 threads.
 */
public final class SenderPool {
  static final int MAX_THREADS = 32;
  private static final int KEPT_THREADS = 4;

  private SenderPool() {}

  /** Whether a send handed over now gets a thread at once. */
  public static boolean hasRoom(ExecutorService workers) {
    return !(workers instanceof ThreadPoolExecutor pool)
        || pool.getActiveCount() < pool.getMaximumPoolSize();
  }

  public static ExecutorService create() {
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            KEPT_THREADS,
            MAX_THREADS,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "page-sender");
              thread.setDaemon(true);
              return thread;
            });
    pool.allowCoreThreadTimeOut(false);
    return pool;
  }
}
