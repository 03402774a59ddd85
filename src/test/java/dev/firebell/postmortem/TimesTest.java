package dev.firebell.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times in the postmortem are UTC; durations read in the largest sensible units. */
class TimesTest {
  @Test
  void durationsUseTheLargestSensibleUnits() {
    assertThat(Times.words(Duration.ofSeconds(45))).isEqualTo("45 seconds");
    assertThat(Times.words(Duration.ofSeconds(61))).isEqualTo("1 minute");
    assertThat(Times.words(Duration.ofMinutes(59))).isEqualTo("59 minutes");
    assertThat(Times.words(Duration.ofMinutes(60))).isEqualTo("1 hour");
    assertThat(Times.words(Duration.ofMinutes(125))).isEqualTo("2 hours 5 minutes");
    assertThat(Times.words(Duration.ofDays(7).plusHours(3))).isEqualTo("7 days 3 hours");
    assertThat(Times.words(Duration.ofMinutes(2_706_427))).isEqualTo("1879 days 11 hours");
  }

  @Test
  void clockIsTheUtcHourAndMinuteOfAnyInstant() {
    assertThat(Times.clock(Instant.parse("2026-11-28T16:07:59Z"))).isEqualTo("16:07");
    assertThat(Times.clock(Instant.parse("2026-11-28T00:00:00Z"))).isEqualTo("00:00");
    assertThat(Times.clock(Instant.parse("1969-12-31T23:59:30Z"))).isEqualTo("23:59");
    assertThat(Times.clock(Instant.parse("2026-11-28T09:05:00.999Z"))).isEqualTo("09:05");
  }
}
