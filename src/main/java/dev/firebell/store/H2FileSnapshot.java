package dev.firebell.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of an embedded H2 database file taken before migrations run. H2's DDL is not
 * transactional, so a process killed in the middle of a migration leaves a half-changed schema that
 * Flyway refuses for ever after; with this copy the next start puts the file back as it was before
 * the upgrade and migrates again. No webhook is accepted while migrations run, so nothing answered
 * 2xx is lost by going back.
 *
 * <p>The copy is written to a temporary name, synced and then renamed, so a kill while copying
 * leaves either no snapshot or a whole one.
 */
final class H2FileSnapshot {
  private static final Logger log = LoggerFactory.getLogger(H2FileSnapshot.class);

  private final Path database;
  private final Path snapshot;
  private final Path partial;

  private H2FileSnapshot(Path database) {
    this.database = database;
    this.snapshot = database.resolveSibling(database.getFileName() + ".before-migration");
    this.partial = database.resolveSibling(database.getFileName() + ".before-migration.tmp");
  }

  /** The snapshot for a local H2 file URL ({@code jdbc:h2:file:./data/x}, {@code jdbc:h2:~/x}). */
  static Optional<H2FileSnapshot> forUrl(String url) {
    return H2LocalFile.name(url)
        .map(
            name ->
                name.startsWith("~") ? System.getProperty("user.home") + name.substring(1) : name)
        .map(name -> new H2FileSnapshot(Path.of(name + ".mv.db")));
  }

  /**
   * A snapshot left by an earlier start means that start stopped before its migrations finished:
   * the database goes back to the snapshot.
   */
  void restoreLeftOver() {
    delete(partial);
    if (Files.exists(snapshot)) {
      log.warn(
          "an earlier start stopped while migrating {}; restoring it from {} and migrating again",
          database,
          snapshot);
      restore();
    }
  }

  /** Copies the (closed) database file aside before migrations change it. */
  void take() {
    if (!Files.exists(database)) {
      return;
    }
    try {
      Files.copy(database, partial, StandardCopyOption.REPLACE_EXISTING);
      sync(partial);
      Files.move(partial, snapshot, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not copy " + database + " aside before migrating it (is the disk full?)", e);
    }
  }

  /** Puts the database file back as it was before the migrations started. */
  void restore() {
    if (!Files.exists(snapshot)) {
      return;
    }
    try {
      Files.move(snapshot, database, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not restore " + database + " from " + snapshot + "; copy it back by hand", e);
    }
  }

  /** Migrations finished: the copy is no longer needed. */
  void discard() {
    delete(snapshot);
  }

  String describe() {
    return snapshot.toString();
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + file, e);
    }
  }

  private static void sync(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /** Makes the rename itself durable, where the platform lets a directory be synced. */
  private void syncDirectory() {
    Path directory = database.toAbsolutePath().getParent();
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      log.debug("could not sync directory {}: {}", directory, e.getMessage());
    }
  }
}
