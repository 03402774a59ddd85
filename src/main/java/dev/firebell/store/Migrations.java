package dev.firebell.store;

import dev.firebell.config.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the Flyway migrations so that a kill at any moment cannot brick the database. PostgreSQL
 * runs each migration in a transaction, which a kill rolls back. H2's DDL is not transactional, so
 * an embedded file database is closed and copied aside first ({@link H2FileSnapshot}); the copy is
 * put back when a start finds one left over, or when a migration fails.
 */
final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  private static final String LOCATION = "classpath:db/migration";

  /**
   * The newest migration this build carries; {@code MigrationsTest} checks it against the files.
   */
  static final int LATEST = 26;

  /** The migrations written in Java, beside the SQL files. */
  static final List<JavaMigration> IN_JAVA =
      List.of(new V23OnlyQueriedIndexes(), new V25BinaryGroupHash());

  private Migrations() {}

  /**
   * Whether every migration this build knows has been applied, read straight from Flyway's history
   * table: asking Flyway means scanning the class path and loading its plugins, a large part of a
   * restart. A missing table (a new database), a failed entry or anything unexpected answers false,
   * and Flyway itself then looks.
   */
  static boolean isCurrent(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!hasHistory(connection)) {
        return false; // a new database: nothing to read, and no failed query to log
      }
      return allApplied(connection);
    } catch (SQLException | NumberFormatException e) {
      return false;
    }
  }

  private static boolean hasHistory(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
      return tables.next();
    }
  }

  private static boolean allApplied(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT version, success FROM \"flyway_schema_history\" WHERE version IS NOT NULL")) {
      int newest = 0;
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        newest = Math.max(newest, Integer.parseInt(rows.getString(1)));
      }
      // A newer release's migrations are ignored, as Flyway ignores future ones by default.
      return newest >= LATEST;
    }
  }

  static Flyway flyway(DataSource dataSource) {
    return configured().dataSource(dataSource).load();
  }

  /** Where the migrations are, SQL files and Java alike; upgrade tests start from it too. */
  static FluentConfiguration configured() {
    return Flyway.configure()
        .locations(LOCATION)
        .javaMigrations(IN_JAVA.toArray(JavaMigration[]::new));
  }

  /**
   * Brings an embedded H2 file database up to date while no pool has it open; returns false for
   * every other database, which {@link #onPool} migrates.
   */
  static boolean closedH2File(DatabaseConfig config) {
    Optional<H2FileSnapshot> snapshot = H2FileSnapshot.forUrl(config.url());
    if (snapshot.isEmpty()) {
      return false;
    }
    H2FileSnapshot copy = snapshot.get();
    copy.restoreLeftOver();
    String url = Database.h2Url(config.url());
    Flyway flyway = configured().dataSource(url, config.username(), config.password()).load();
    int pending = flyway.info().pending().length;
    if (pending > 0) {
      log.info(
          "migrating {}: {} pending migrations; a copy is kept until they finish",
          config.url(),
          pending);
      shutdown(url, config);
      copy.take();
      migrate(flyway, copy);
      shutdown(url, config);
      copy.discard();
      log.info("migrated {}", config.url());
    }
    return true;
  }

  /** PostgreSQL (and in-memory H2): each migration is one transaction, which a kill rolls back. */
  static void onPool(Flyway flyway) {
    migrate(flyway, null);
  }

  private static void migrate(Flyway flyway, H2FileSnapshot copy) {
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      if (copy == null) {
        throw new MigrationFailed(
            e.getMessage() + "; nothing was changed (PostgreSQL rolled the migration back)", e);
      }
      copy.restore();
      throw new MigrationFailed(
          e.getMessage() + "; the database file was put back as it was before this start", e);
    }
  }

  /** Closes the embedded database so its file can be copied whole. */
  private static void shutdown(String url, DatabaseConfig config) {
    try (Connection connection =
            DriverManager.getConnection(url, config.username(), config.password());
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new MigrationFailed(
          "could not close " + config.url() + " to copy it: " + e.getMessage(), e);
    }
  }
}
