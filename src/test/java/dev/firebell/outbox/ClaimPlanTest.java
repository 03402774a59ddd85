package dev.firebell.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.DatabaseConfig;
import dev.firebell.json.Json;
import dev.firebell.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * H2 plans a statement once per connection, often while its table is still empty, and keeps the
 * plan. A claim planned on the due index walked every due row on each claim; it must look its row
 * up by its id from the first plan on.
 */
class ClaimPlanTest {

  @ParameterizedTest
  @EnumSource(OutboxTable.class)
  void claimOnAnEmptyTableLooksItsRowUpById(OutboxTable table) throws Exception {
    try (Database database =
        Database.open(DatabaseConfig.of("jdbc:h2:mem:claim-plan-" + table), Json.mapper())) {
      String plan =
          database
              .jdbi()
              .withHandle(
                  handle -> {
                    String sql = LeasedRows.claimSql(table.tableName()).replaceAll(":\\w+", "?");
                    try (PreparedStatement explain =
                        handle.getConnection().prepareStatement("EXPLAIN " + sql)) {
                      Timestamp now = Timestamp.from(Instant.parse("2026-12-06T03:00:00Z"));
                      explain.setTimestamp(1, now);
                      explain.setLong(2, 1);
                      explain.setString(3, "PENDING");
                      explain.setTimestamp(4, now);
                      explain.setTimestamp(5, now);
                      try (ResultSet result = explain.executeQuery()) {
                        result.next();
                        return result.getString(1);
                      }
                    }
                  });
      assertThat(plan).as("the index H2 looks the row up in, by id alone").contains(": id = ?2 */");
    }
  }
}
