package dev.firebell.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.store.QueryPlans;
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
    Timestamp now = Timestamp.from(Instant.parse("2026-12-06T03:00:00Z"));
    String plan =
        QueryPlans.explain(
            "claim-plan-" + table,
            LeasedRows.claimSql(table.tableName()),
            now,
            1L,
            "PENDING",
            now,
            now);
    assertThat(plan).as("the index H2 looks the row up in, by id alone").contains(": id = ?2 */");
  }
}
