package dev.firebell.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.store.QueryPlans;
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
    String plan =
        QueryPlans.explain(
            "escalation-due-plan",
            EscalationRepository.DUE,
            Timestamp.from(Instant.parse("2026-12-06T10:00:00Z")),
            100);
    assertThat(plan).contains("escalation_due: state = 'ACTIVE'").contains("/* index sorted */");
  }
}
