package dev.firebell.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.Urgency;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The list puts the incident to act on first. */
class ListOrderTest {
  @Test
  void triggeredFirstThenBySeverityThenNewest() {
    List<Incident> incidents =
        new ArrayList<>(
            List.of(
                incident(1, IncidentStatus.ACKNOWLEDGED, "SEV-1"),
                incident(2, IncidentStatus.TRIGGERED, "SEV-3"),
                incident(3, IncidentStatus.TRIGGERED, "SEV-1"),
                incident(4, IncidentStatus.RESOLVED, "SEV-1"),
                incident(5, IncidentStatus.TRIGGERED, "SEV-1"),
                incident(6, IncidentStatus.TRIGGERED, "P9")));
    incidents.sort(ListOrder.of(List.of("SEV-1", "SEV-2", "SEV-3", "SEV-4")));
    assertThat(incidents).extracting(Incident::id).containsExactly(5L, 3L, 2L, 6L, 1L, 4L);
  }

  private static Incident incident(long id, IncidentStatus status, String severity) {
    Instant at = Instant.parse("2026-11-28T16:00:00Z").plusSeconds(id);
    return new Incident(
        id,
        "g",
        "alertmanager",
        "r",
        "title " + id,
        severity,
        "svc",
        status,
        false,
        at,
        null,
        null,
        null,
        null,
        Map.of(),
        Map.of(),
        Map.of(),
        null,
        false,
        at,
        0,
        Urgency.HIGH);
  }
}
