package dev.firebell.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The fast "is the schema current" check must know the newest migration the build carries. */
class MigrationsTest {
  @Test
  void latestIsTheNewestMigrationFile() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      int newest =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.matches("V\\d+__.*\\.sql"))
              .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
              .max()
              .orElseThrow();
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

  private static JdbcDataSource inMemory(String name) {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(Database.h2Url("jdbc:h2:mem:" + name));
    return dataSource;
  }
}
