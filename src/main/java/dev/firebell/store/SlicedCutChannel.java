package dev.firebell.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.store.fs.FileBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file whose cuts ({@link #truncate}) take effect at once for its user and on disk a slice at a
 * time, from a thread that lives while a cut is pending. Until the last slice is gone the file on
 * disk is longer than its user's: its tail holds the chunks H2 had freed before cutting them, which
 * is what the file holds anyway between H2 freeing chunks and cutting them (and what a crash in
 * between leaves), and H2 reads nothing past its own end. A write past the pending cut moves the
 * cut behind it. Closing cuts what is left, so a closed file ends where H2 left it.
 */
final class SlicedCutChannel extends FileBase {
  private static final Logger log = LoggerFactory.getLogger(SlicedCutChannel.class);

  /** About 8 ms of the file system's work here; writes wait for one slice at most. */
  static final long SLICE_BYTES = 16L << 20;

  private static final long PAUSE_MILLIS = 10;

  private final FileChannel file;
  private final String name;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition closeCalled = lock.newCondition();

  /** The file's length as its user sees it. Guarded by {@link #lock}, as are the fields below. */
  private long length;

  /** The file's length on disk: longer than {@link #length} while a cut is pending. */
  private long onDisk;

  private boolean closing;

  /** The thread cutting slices, while a cut is pending; none otherwise. */
  private Thread cutter;

  /** Set when the disk refused a cut: the rest waits for close, and is tried once there. */
  private boolean refused;

  SlicedCutChannel(FileChannel file, String name) throws IOException {
    this.file = file;
    this.name = name;
    this.length = file.size();
    this.onDisk = length;
  }

  @Override
  public long size() {
    lock.lock();
    try {
      return length;
    } finally {
      lock.unlock();
    }
  }

  /** The file's length on disk now (longer than {@link #size} while a cut is pending). */
  long sizeOnDisk() {
    lock.lock();
    try {
      return onDisk;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public FileChannel truncate(long newLength) {
    lock.lock();
    try {
      if (newLength < length) {
        length = newLength;
        if (cutter == null && onDisk > length && !refused && !closing) {
          cutter = new Thread(this::cutSlices, "h2-file-cut");
          cutter.setDaemon(true);
          cutter.start();
        }
      }
      return this;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int write(ByteBuffer source, long position) throws IOException {
    extendTo(position + source.remaining());
    return file.write(source, position);
  }

  @Override
  public int read(ByteBuffer target, long position) throws IOException {
    return file.read(target, position);
  }

  @Override
  public int read(ByteBuffer target) throws IOException {
    return file.read(target);
  }

  @Override
  public int write(ByteBuffer source) throws IOException {
    extendTo(file.position() + source.remaining());
    return file.write(source);
  }

  /**
   * Counts a write that ends at {@code end} before it is made: the cutter never cuts below {@link
   * #length}, so the write's bytes are safe from it.
   */
  private void extendTo(long end) {
    lock.lock();
    try {
      length = Math.max(length, end);
      onDisk = Math.max(onDisk, end);
    } finally {
      lock.unlock();
    }
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

  @Override
  public void force(boolean metaData) throws IOException {
    file.force(metaData);
  }

  @Override
  public FileLock tryLock(long position, long size, boolean shared) throws IOException {
    return file.tryLock(position, size, shared);
  }

  @Override
  public FileLock lock(long position, long size, boolean shared) throws IOException {
    return file.lock(position, size, shared);
  }

  /** Cuts what is pending, a slice at a time, each slice under the lock writes take; then ends. */
  private void cutSlices() {
    lock.lock();
    try {
      while (onDisk > length && !refused && !closing) {
        cutSlice();
        closeCalled.await(PAUSE_MILLIS, TimeUnit.MILLISECONDS); // writes go first
      }
    } catch (InterruptedException e) { // nobody interrupts this thread; leave the rest to close
      Thread.currentThread().interrupt();
    } finally {
      cutter = null;
      lock.unlock();
    }
  }

  private void cutSlice() {
    long to = Math.max(length, onDisk - SLICE_BYTES);
    try {
      file.truncate(to);
      onDisk = to;
    } catch (IOException e) { // H2's file is whole, only longer than it needs to be
      log.error(
          "could not shorten the database file {} to {} bytes ({}); trying again when it closes",
          name,
          to,
          e.toString());
      refused = true;
    }
  }

  @Override
  protected void implCloseChannel() throws IOException {
    Thread cutting;
    lock.lock();
    try {
      closing = true;
      closeCalled.signal();
      cutting = cutter;
    } finally {
      lock.unlock();
    }
    if (cutting != null) {
      try {
        cutting.join(); // a slice at most
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lock.lock();
    try {
      if (onDisk > length) {
        file.truncate(length);
      }
    } finally {
      lock.unlock();
      file.close();
    }
  }
}
