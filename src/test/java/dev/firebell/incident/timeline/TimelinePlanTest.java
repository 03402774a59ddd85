package dev.firebell.incident.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.store.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * An incident's timeline is read in the order of its index, with no sort: a storm's incident has
 * tens of thousands of entries, which H2 would sort in a temporary file.
 */
class TimelinePlanTest {

  @Test
  void theTimelineIsReadInItsIndexOrderWithoutASort() throws Exception {
    String plan = QueryPlans.explain("timeline-plan", TimelineRepository.TIMELINE, 7L);
    assertThat(plan)
        .contains("timeline_entry_by_incident: incident_id = ?1")
        .contains("/* index sorted */");
  }
}
