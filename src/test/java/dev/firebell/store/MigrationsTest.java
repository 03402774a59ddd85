package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The fast "is the schema current" check must know the newest migration the build carries. */
class MigrationsTest {
  @Test
  void latestIsTheNewestMigration() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.matches("V\\d+__.*\\.sql"))
              .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
              .max()
              .orElseThrow();
      for (var migration : Migrations.IN_JAVA) {
        newest = Math.max(newest, Integer.parseInt(migration.getVersion().getVersion()));
      }
      assertThat(Migrations.LATEST).isEqualTo(newest);
    }
  }

  @Test
  void aNewDatabaseIsNotCurrentAndAMigratedOneIs() throws SQLException {
    JdbcDataSource dataSource = inMemory("migrations-current");
    assertThat(Migrations.isCurrent(dataSource)).isFalse();
    Migrations.flyway(dataSource).migrate();
    assertThat(Migrations.isCurrent(dataSource)).isTrue();
  }

  @Test
  void aFailedMigrationInTheHistoryLeavesTheDecisionToFlyway() throws SQLException {
    JdbcDataSource dataSource = inMemory("migrations-failed");
    Migrations.flyway(dataSource).migrate();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("UPDATE \"flyway_schema_history\" SET success = FALSE WHERE version = '3'");
    }
    assertThat(Migrations.isCurrent(dataSource)).isFalse();
  }

  /**
   * A new incident writes each of these indexes, so each must serve a query (issue 30): no
   * foreign-key index beside one that already leads with the same column.
   */
  @Test
  void aNewIncidentsTablesCarryOnlyTheIndexesQueriesRead() throws SQLException {
    JdbcDataSource dataSource = inMemory("migrations-indexes");
    Migrations.flyway(dataSource).migrate();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                """
                SELECT table_name, COUNT(*) FROM information_schema.indexes
                WHERE table_name IN ('incident', 'incident_alert', 'timeline_entry', 'page_delivery')
                GROUP BY table_name ORDER BY table_name
                """)) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      while (rows.next()) {
        counts.put(rows.getString(1), rows.getInt(2));
      }
      // incident: primary key, status, alert name, service (its group's earlier incidents are
      // found through previous_incident_id, V24); incident_alert: its key;
      // timeline_entry: key, once, by incident; page_delivery: key, once, due, leased, recent,
      // vendor.
      assertThat(counts)
          .containsExactly(
              Map.entry("incident", 4),
              Map.entry("incident_alert", 1),
              Map.entry("page_delivery", 6),
              Map.entry("timeline_entry", 3));
    }
  }

  private static JdbcDataSource inMemory(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(Database.h2Url("jdbc:h2:mem:" + name));
    return dataSource;
  }
}
