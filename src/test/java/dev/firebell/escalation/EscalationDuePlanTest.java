package dev.firebell.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.DatabaseConfig;
import dev.firebell.json.Json;
import dev.firebell.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Every paging pass looks for the escalations due: read in the due index's order, it stops after
 * the first 100 instead of reading every active escalation (tens of thousands after a storm).
 */
class EscalationDuePlanTest {

  @Test
  void theDueEscalationsAreReadInTheDueIndexOrderWithoutASort() throws Exception {
    try (Database database =
        Database.open(DatabaseConfig.of("jdbc:h2:mem:escalation-due-plan"), Json.mapper())) {
      String plan =
          database
              .jdbi()
              .withHandle(
                  handle -> {
                    String sql = EscalationRepository.DUE.replaceAll(":\\w+", "?");
                    try (PreparedStatement explain =
                        handle.getConnection().prepareStatement("EXPLAIN " + sql)) {
                      explain.setTimestamp(1, Timestamp.from(Instant.now()));
                      explain.setInt(2, 100);
                      try (ResultSet result = explain.executeQuery()) {
                        result.next();
                        return result.getString(1);
                      }
                    }
                  });
      assertThat(plan).contains("escalation_due: state = 'ACTIVE'").contains("/* index sorted */");
    }
  }
}
