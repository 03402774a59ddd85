package dev.firebell.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that send pages. Every send gets a thread of its own at once (up to {@link
 * #MAX_THREADS}, idle ones go after a minute), so contacts that hang hold only their own sends,
 * each for at most {@code paging.requestTimeout}, and never delay anybody else's page. A send
 * refused because every thread is busy stays in the outbox and goes out at a later pass.
 */
public final class SenderPool {
  static final int MAX_THREADS = 256;
  private static final int KEPT_THREADS = 4;

  private SenderPool() {}

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
