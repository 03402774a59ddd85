package dev.firebell.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.RandomAccessStore;
import org.h2.store.fs.FileUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives an embedded H2 file back the space its old row versions hold. H2 writes copy-on-write, a
 * new chunk at every sync, and its own upkeep only repacks chunks: the file keeps every byte it
 * ever reached (the bench's grew to 24 KB an incident). A pass every {@link #EVERY_SECONDS} seconds
 * copies live pages out of chunks of mostly old versions and moves live chunks from the file's end
 * into its holes, {@link #STEP_BYTES} a step, and H2 cuts the file behind them. H2 frees a chunk
 * only once it has been dead for its RETENTION_TIME (45 s by default, kept: a shorter window is
 * what lets H2 overwrite a chunk a reader or a crash may still need). Each of a step's two parts
 * holds H2's store lock, and so the next webhook's sync, by itself: mostly tens of milliseconds
 * (the file's cut is made in the background, {@link GradualCutChannel}), up to a second when the
 * step waits for H2's own upkeep, which copies pages under the same lock after a storm. So steps
 * run only while intake is quiet ({@link #QUIET_MILLIS}), {@link #PAUSE_MILLIS} apart. The thread
 * is never interrupted: an interrupt in the middle of a file operation would close H2's file.
 */
public final class H2Compaction implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(H2Compaction.class);
  private static final long EVERY_SECONDS = 10;
  private static final long STEP_BYTES = 4L << 20;

  /**
   * Live pages copied a step, as H2 stores them (compressed, a third to a half of their size):
   * copying reads, decompresses and rewrites them, and 1 MB a step held the lock up to 418 ms after
   * a bench's storm. A chunk whose live pages alone exceed this is left to H2's own upkeep.
   */
  private static final int REWRITE_BYTES = 256 << 10;

  private static final long PAUSE_MILLIS = 100;

  /** A step that held the lock longer than intake should ever wait is logged by itself. */
  private static final long LONG_STEP_MILLIS = 50;

  private static final long QUIET_MILLIS = 2_000;

  /** Steps go on until this much (percent) of the file holds live chunks. */
  private static final int TARGET_FILL = 90;

  /** A pass's most steps: 400 MB moved, about 40 seconds with the pauses. */
  private static final int MAX_STEPS = 100;

  private final long everyMillis;
  private final LongSupplier lastIntakeNanos;
  private final MVStore store;
  private final RandomAccessStore file;
  private final Path path;
  private final Thread thread;
  private boolean closed;
  private final AtomicLong steps = new AtomicLong();
  private final AtomicLong longestStepNanos = new AtomicLong();

  private H2Compaction(
      MVStore store, RandomAccessStore file, long everyMillis, LongSupplier lastIntakeNanos) {
    this.everyMillis = everyMillis;
    this.lastIntakeNanos = lastIntakeNanos;
    this.store = store;
    this.file = file;
    this.path = Path.of(FileUtils.unwrap(file.getFileName())); // without H2's file system prefix
    this.thread = new Thread(this::run, "h2-compaction");
    thread.setDaemon(true);
  }

  /**
   * Starts compacting the file behind {@code dataSource}, an embedded H2 file database, while
   * intake is quiet: {@code lastIntakeNanos} tells when a webhook last waited for a sync.
   */
  static H2Compaction start(DataSource dataSource, LongSupplier lastIntakeNanos)
      throws SQLException {
    return start(dataSource, TimeUnit.SECONDS.toMillis(EVERY_SECONDS), lastIntakeNanos);
  }

  /** As {@link #start(DataSource, LongSupplier)}, a pass every {@code everyMillis}. */
  static H2Compaction start(DataSource dataSource, long everyMillis, LongSupplier lastIntakeNanos)
      throws SQLException {
    MVStore store;
    try (Connection connection = dataSource.getConnection()) {
      store =
          ((org.h2.engine.SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
              .getDatabase()
              .getStore()
              .getMvStore();
    }
    H2Compaction compaction =
        new H2Compaction(
            store, (RandomAccessStore) store.getFileStore(), everyMillis, lastIntakeNanos);
    compaction.thread.start();
    return compaction;
  }

  /** The database file's size on disk now, in bytes (H2's own count can lag a cut). */
  public long fileBytes() {
    try {
      return Files.size(path);
    } catch (IOException e) { // gone or unreadable: nothing to report
      return 0;
    }
  }

  /** Steps run since start. */
  public long steps() {
    return steps.get();
  }

  /**
   * The longest any part of a step took under H2's store lock, in seconds, with any wait for the
   * lock while H2's own upkeep held it (nothing outside H2 can tell the two apart).
   */
  public double longestStepSeconds() {
    return longestStepNanos.get() / 1e9;
  }

  private void run() {
    while (pause(everyMillis)) {
      try {
        pass();
      } catch (MVStoreException e) { // a closing store or a failed write: the next pass tries again
        log.warn("database file compaction stopped: {}", e.getMessage());
      }
    }
  }

  /**
   * The first step also frees the chunks nothing refers to any more (H2 counts them as used until
   * then), so every quiet pass takes one; more while much of the file is free space and intake
   * stays quiet.
   */
  private void pass() {
    if (!quiet()) {
      return;
    }
    long before = file.size();
    int taken = 0;
    Step longest = new Step(0, 0);
    do {
      Step step = step();
      longest = step.longerPartNanos() > longest.longerPartNanos() ? step : longest;
      taken++;
    } while (taken < MAX_STEPS
        && store.getFillRate() < TARGET_FILL
        && pause(PAUSE_MILLIS)
        && quiet());
    long after = file.size(); // as H2 sees it: the file itself is cut in the background
    if (before - after >= 1 << 20) { // a megabyte or more: worth a line
      log.info(
          "compacted the database file from {} MB to {} MB in {} steps; the longest took {} ms"
              + " under H2's store lock ({} ms copying live pages, then {} ms moving chunks)",
          before >> 20,
          after >> 20,
          taken,
          TimeUnit.NANOSECONDS.toMillis(longest.longerPartNanos()),
          TimeUnit.NANOSECONDS.toMillis(longest.rewriteNanos()),
          TimeUnit.NANOSECONDS.toMillis(longest.moveNanos()));
    }
  }

  /** How long a step's two parts took under the store lock, each with its wait for it. */
  private record Step(long rewriteNanos, long moveNanos) {
    long longerPartNanos() {
      return Math.max(rewriteNanos, moveNanos);
    }
  }

  /**
   * Copies the live pages out of chunks that are mostly old versions (so those chunks die), then
   * moves live chunks from the file's end into free space, so H2 can cut the file.
   */
  private Step step() {
    long started = System.nanoTime();
    store.compact(TARGET_FILL, REWRITE_BYTES);
    long rewrite = System.nanoTime() - started;
    long move = 0;
    // Each part takes the store lock by itself: apart, a sync waits for one part at most.
    if (pause(PAUSE_MILLIS) && quiet()) {
      long moving = System.nanoTime();
      file.compactMoveChunks(TARGET_FILL, STEP_BYTES, store);
      move = System.nanoTime() - moving;
    }
    Step step = new Step(rewrite, move);
    if (step.longerPartNanos() > TimeUnit.MILLISECONDS.toNanos(LONG_STEP_MILLIS)) {
      log.info(
          "a database file compaction step took {} ms under H2's store lock ({} ms copying live"
              + " pages, then {} ms moving chunks)",
          TimeUnit.NANOSECONDS.toMillis(step.longerPartNanos()),
          TimeUnit.NANOSECONDS.toMillis(rewrite),
          TimeUnit.NANOSECONDS.toMillis(move));
    }
    steps.incrementAndGet();
    longestStepNanos.accumulateAndGet(step.longerPartNanos(), Math::max);
    return step;
  }

  /**
   * No webhook waited for a sync in the last {@link #QUIET_MILLIS}: a step holds the store lock,
   * which every sync needs, so a storm's intake is left alone and the file is compacted after.
   */
  private boolean quiet() {
    return System.nanoTime() - lastIntakeNanos.getAsLong()
        >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS);
  }

  /** Waits, unless closing; false once closed. */
  private synchronized boolean pause(long millis) {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left = millis; !closed && left > 0; left = (until - System.nanoTime()) / 1_000_000) {
      try {
        wait(left);
      } catch (InterruptedException e) { // nobody interrupts this thread; stop as if closed
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !closed && !store.isClosed();
  }

  /** Stops after the step under way (a few milliseconds), before the database closes. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
