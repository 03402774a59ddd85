package dev.firebell.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.store.fs.FileBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file whose cuts are made a slice at a time, in the background. H2 cuts its file under its store
 * lock, which every commit's sync waits for, and cutting hundreds of megabytes off a file (after a
 * storm, once compaction has moved the live chunks forward) took up to 1.5 s on ext4. Here the cut
 * returns at once: H2 sees the shorter file, and a thread cuts {@link #SLICE_BYTES} at a time from
 * the end down to it.
 *
 * <p>Until then the bytes past {@link #size()} are old chunks H2 no longer refers to: the file is
 * as it would be after a crash between H2's sync and its cut, which H2 opens as usual. A write past
 * the length H2 sees raises the length the cut stops at, so the cut never takes what was written
 * since; it waits for the slice under way at most. Closing finishes the cut.
 */
final class GradualCutChannel extends FileBase {
  private static final Logger log = LoggerFactory.getLogger(GradualCutChannel.class);

  /** About 4-25 ms of cutting on ext4 (0.5-3 ms a megabyte measured). */
  static final long SLICE_BYTES = 8L << 20;

  private final FileChannel file;
  private final String name;
  private final Executor cutter;

  /** Held by a slice of the cut and by a write past {@link #end}: one waits for the other. */
  private final ReentrantLock cutting = new ReentrantLock(true);

  /** The file's length as H2 sees it; the real file is longer while a cut is under way. */
  private volatile long end;

  /** Guarded by {@link #cutting}. */
  private boolean cutterRunning;

  GradualCutChannel(FileChannel file, String name) throws IOException {
    this(file, name, GradualCutChannel::startCutter);
  }

  /** With {@code cutter} to run a cut on (a test holds it back). */
  GradualCutChannel(FileChannel file, String name, Executor cutter) throws IOException {
    this.file = file;
    this.name = name;
    this.cutter = cutter;
    this.end = file.size();
  }

  private static void startCutter(Runnable cut) {
    Thread thread = new Thread(cut, "h2-file-cut");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public long size() {
    return end;
  }

  /** H2 never reads past the length it knows; what lies there is what the cut will remove. */
  @Override
  public int read(ByteBuffer dst, long position) throws IOException {
    return position >= end ? -1 : file.read(dst, position);
  }

  @Override
  public int write(ByteBuffer src, long position) throws IOException {
    long last = position + src.remaining();
    if (last > end) {
      cutting.lock(); // a slice under way finishes first; the next stops at the new end
      try {
        end = Math.max(end, last);
      } finally {
        cutting.unlock();
      }
    }
    return file.write(src, position);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    long position = file.position();
    int read = read(dst, position);
    if (read > 0) {
      file.position(position + read);
    }
    return read;
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    long position = file.position();
    int written = write(src, position);
    file.position(position + written);
    return written;
  }

  @Override
  public long position() throws IOException {
    return file.position();
  }

  @Override
  public FileChannel position(long newPosition) throws IOException {
    file.position(newPosition);
    return this;
  }

  /** Shortens the file as H2 sees it now, and the real file a slice at a time. */
  @Override
  public FileChannel truncate(long length) throws IOException {
    cutting.lock();
    try {
      if (length < end) {
        end = length;
        if (!cutterRunning) {
          cutterRunning = true;
          cutter.execute(this::cut);
        }
      }
    } finally {
      cutting.unlock();
    }
    if (file.position() > length) {
      file.position(length);
    }
    return this;
  }

  /** Cuts a slice at a time until the real file is as long as H2 sees it. */
  private void cut() {
    try {
      boolean more;
      do {
        more = cutSlice(); // the lock is fair: a write waiting for it goes before the next slice
      } while (more);
    } catch (IOException e) { // the old chunks stay at the file's end; H2 never reads them
      log.warn("could not shorten the database file {}: {}", name, e.getMessage());
      cutting.lock();
      try {
        cutterRunning = false;
      } finally {
        cutting.unlock();
      }
    }
  }

  /** One slice off the end; false once the file is as long as H2 sees it, or closed. */
  private boolean cutSlice() throws IOException {
    cutting.lock();
    try {
      long length = file.isOpen() ? file.size() : 0;
      if (length <= end) {
        // Cleared under the lock that found the cut done: a cut asked for after this starts anew.
        cutterRunning = false;
        return false;
      }
      file.truncate(Math.max(end, length - SLICE_BYTES));
      return true;
    } finally {
      cutting.unlock();
    }
  }

  @Override
  public void force(boolean metaData) throws IOException {
    file.force(metaData);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return file.lock(position, size, shared);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return file.tryLock(position, size, shared);
  }

  /** Finishes the cut, so a closed file is as long as H2 last saw it. */
  @Override
  protected void implCloseChannel() throws IOException {
    cutting.lock();
    try {
      try {
        if (file.size() > end) {
          file.truncate(end);
        }
      } finally {
        file.close();
      }
    } finally {
      cutting.unlock();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
