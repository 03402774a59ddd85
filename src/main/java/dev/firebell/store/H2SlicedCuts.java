package dev.firebell.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system {@code firebell:} over H2's own disk files, for the embedded database's {@code
 * .mv.db}: H2 cuts that file's free end while it holds its store lock, which every webhook's commit
 * waits for, and cutting costs the file system about half a millisecond a megabyte here (300 ms for
 * the 600 MB a storm left). Through this wrapper H2's cut returns at once and {@link
 * SlicedCutChannel} cuts the file behind it in slices, a few milliseconds each.
 */
public final class H2SlicedCuts extends FilePathWrapper {
  private static final String SCHEME = "firebell";

  static {
    FilePath.register(new H2SlicedCuts());
  }

  /** H2 makes one of these a path (by reflection), so the constructor stays public. */
  public H2SlicedCuts() {}

  /**
   * {@code url} opening its database through this file system when it names a local file; other
   * URLs (in memory, over TCP, another H2 file system) as they are.
   */
  static String url(String url) {
    return H2FileSnapshot.localDatabase(url)
        .map(database -> "jdbc:h2:" + SCHEME + ":" + database.toAbsolutePath() + settings(url))
        .orElse(url);
  }

  /** The file on disk behind an H2 file name, which may be opened through this file system. */
  static Path onDisk(String fileName) {
    return Path.of(FilePath.get(fileName).unwrap().toString());
  }

  private static String settings(String url) {
    int semicolon = url.indexOf(';');
    return semicolon < 0 ? "" : url.substring(semicolon);
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    FileChannel file = getBase().open(mode);
    return name.endsWith(".mv.db") && !"r".equals(mode) ? new SlicedCutChannel(file, name) : file;
  }
}
