package dev.firebell.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.incident.timeline.TimelineKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Durations that add up, the sender's truncation note, and the timeline's names. */
class IncidentTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");

  @Test
  void anOpenIncidentLastsFromItsFirstAlertUntilNow() {
    assertThat(incident(NOW.minusSeconds(600), null, 0).duration(NOW))
        .isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void aResolvedIncidentLastsUntilItsResolution() {
    assertThat(incident(NOW.minusSeconds(600), NOW.minusSeconds(60), 0).duration(NOW))
        .isEqualTo(Duration.ofMinutes(9));
  }

  @Test
  void aDurationIsNeverNegativeWhateverTheClocksSay() {
    assertThat(incident(NOW.plusSeconds(60), NOW, 0).duration(NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void theTruncationNoteNamesTheSenderAndTheAlertsItLeftOut() {
    assertThat(incident(NOW, null, 0).truncationNote()).isNull();
    assertThat(incident(NOW, null, 9000).truncationNote())
        .isEqualTo("and 9000 more not sent by Alertmanager");
  }

  @Test
  void everyTimelineKindReadsBackFromItsName() {
    Arrays.stream(TimelineKind.values())
        .forEach(kind -> assertThat(TimelineKind.of(kind.wireName())).isEqualTo(kind));
  }

  @Test
  void anUnknownTimelineKindIsAnError() {
    assertThatThrownBy(() -> TimelineKind.of("page.teleported"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("page.teleported");
  }

  private static Incident incident(Instant startedAt, Instant resolvedAt, int truncated) {
    return new Incident(
        1,
        "hash",
        "alertmanager",
        "team",
        "title",
        "SEV-2",
        "svc",
        resolvedAt == null ? IncidentStatus.TRIGGERED : IncidentStatus.RESOLVED,
        false,
        NOW,
        null,
        null,
        resolvedAt,
        null,
        Map.of(),
        Map.of(),
        Map.of(),
        "",
        false,
        startedAt,
        truncated,
        dev.firebell.config.Urgency.HIGH);
  }
}
