package dev.firebell.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system for the embedded database's files: the disk's, with cuts made in the background
 * ({@link GradualCutChannel}). An H2 URL selects it with the {@value #SCHEME} prefix, which {@link
 * Database#h2Url} adds to a local file's name. Public, as H2 creates each path by reflection.
 */
public final class GradualCutPath extends FilePathWrapper {
  static final String SCHEME = "gradualcut";

  /** Makes the scheme known to H2; again is harmless. */
  static void register() {
    FilePath.register(new GradualCutPath());
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    FileChannel file = getBase().open(mode);
    return "r".equals(mode) ? file : new GradualCutChannel(file, getBase().toString());
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }
}
