package dev.firebell.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java, for what one SQL file cannot say on both databases: its version and
 * description, run in a transaction like the SQL files, with no checksum (Flyway keeps none for
 * code).
 */
abstract class CodeMigration implements JavaMigration {
  private final MigrationVersion version;
  private final String description;

  CodeMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public final MigrationVersion getVersion() {
    return version;
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    return null;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }
}
