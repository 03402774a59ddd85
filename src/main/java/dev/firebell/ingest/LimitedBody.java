package dev.firebell.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not exceed a limit: reading past it fails with {@link BodyTooLarge}
 * (wrapped in an IOException, as streams must), whatever Content-Length said.
 */
final class LimitedBody extends FilterInputStream {
  private final long limit;
  private long read;

  LimitedBody(InputStream body, long limit) {
    super(body);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int next = super.read();
    if (next >= 0) {
      count(1);
    }
    return next;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int count = super.read(buffer, offset, length);
    if (count > 0) {
      count(count);
    }
    return count;
  }

  private void count(int bytes) throws IOException {
    read += bytes;
    if (read > limit) {
      throw new IOException(new BodyTooLarge(limit));
    }
  }
}
