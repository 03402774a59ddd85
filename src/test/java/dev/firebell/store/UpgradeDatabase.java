package dev.firebell.store;

import dev.firebell.TestDatabases;
import dev.firebell.config.DatabaseConfig;
import org.jdbi.v3.core.Jdbi;

/**
 * A fresh database for an upgrade test (H2 opened with Firebell's settings, or PostgreSQL when the
 * tests run on it), brought to an older version, filled by the test, then upgraded with every
 * migration this build carries.
 */
record UpgradeDatabase(DatabaseConfig config, Jdbi jdbi) {
  static UpgradeDatabase at(String version) {
    DatabaseConfig fresh = TestDatabases.fresh();
    DatabaseConfig config =
        fresh.url().startsWith("jdbc:h2:")
            ? new DatabaseConfig(
                Database.h2Url(fresh.url()), fresh.username(), fresh.password(), null)
            : fresh;
    UpgradeDatabase database =
        new UpgradeDatabase(
            config, Jdbi.create(config.url(), config.username(), config.password()));
    database.migrate(version);
    return database;
  }

  void upgrade() {
    migrate("latest");
  }

  private void migrate(String target) {
    Migrations.configured()
        .dataSource(config.url(), config.username(), config.password())
        .target(target)
        .load()
        .migrate();
  }
}
