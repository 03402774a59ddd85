package dev.firebell.incident.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.DatabaseConfig;
import dev.firebell.json.Json;
import dev.firebell.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * An incident's timeline is read in the order of its index, with no sort: a storm's incident has
 * tens of thousands of entries, which H2 would sort in a temporary file.
 */
class TimelinePlanTest {

  @Test
  void theTimelineIsReadInItsIndexOrderWithoutASort() throws Exception {
    try (Database database =
        Database.open(DatabaseConfig.of("jdbc:h2:mem:timeline-plan"), Json.mapper())) {
      String plan =
          database
              .jdbi()
              .withHandle(
                  handle -> {
                    String sql = TimelineRepository.TIMELINE.replaceAll(":\\w+", "?");
                    try (PreparedStatement explain =
                        handle.getConnection().prepareStatement("EXPLAIN " + sql)) {
                      explain.setLong(1, 7);
                      try (ResultSet result = explain.executeQuery()) {
                        result.next();
                        return result.getString(1);
                      }
                    }
                  });
      assertThat(plan)
          .contains("timeline_entry_by_incident: incident_id = ?1")
          .contains("/* index sorted */");
    }
  }
}
