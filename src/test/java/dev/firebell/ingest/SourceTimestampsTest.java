package dev.firebell.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Alert times as Grafana and Alertmanager write them, and as custom templates print them. */
class SourceTimestampsTest {
  @Test
  void rfc3339WithAnyOffsetIsRead() {
    assertThat(SourceTimestamps.parse("2026-11-28T16:10:00Z", "startsAt"))
        .isEqualTo(Instant.parse("2026-11-28T16:10:00Z"));
    assertThat(SourceTimestamps.parse("2026-11-28T17:10:00+01:00", "startsAt"))
        .isEqualTo(Instant.parse("2026-11-28T16:10:00Z"));
  }

  @Test
  void nanosecondsAreKeptToTheMicrosecondTheDatabaseStores() {
    assertThat(SourceTimestamps.parse("2026-11-28T16:10:00.123456789Z", "startsAt"))
        .isEqualTo(Instant.parse("2026-11-28T16:10:00.123456Z"));
  }

  @Test
  void goZeroTimeAndBlanksMeanNotSet() {
    assertThat(SourceTimestamps.parse("0001-01-01T00:00:00Z", "endsAt")).isNull();
    assertThat(SourceTimestamps.parse("0001-01-01T00:00:00.000+00:00", "endsAt")).isNull();
    assertThat(SourceTimestamps.parse("", "endsAt")).isNull();
    assertThat(SourceTimestamps.parse(null, "endsAt")).isNull();
  }

  @Test
  void goStringFormFromCustomTemplatesIsRead() {
    assertThat(SourceTimestamps.parse("2026-05-27 15:36:00.112 +0000 UTC m=+8560.28", "startsAt"))
        .isEqualTo(Instant.parse("2026-05-27T15:36:00.112Z"));
  }

  @Test
  void anythingElseNamesTheField() {
    assertThatThrownBy(() -> SourceTimestamps.parse("yesterday", "alerts[0].startsAt"))
        .isInstanceOf(InvalidPayload.class)
        .hasMessage("alerts[0].startsAt is not a timestamp: 'yesterday' (expected RFC 3339)");
  }
}
