package dev.firebell.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationParserTest {
  @Test
  void readsTheFormsPeopleWrite() {
    assertThat(DurationParser.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationParser.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(DurationParser.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationParser.parse("24h")).isEqualTo(Duration.ofDays(1));
    assertThat(DurationParser.parse("1w")).isEqualTo(Duration.ofDays(7));
    assertThat(DurationParser.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationParser.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void formatsTheWayItReads() {
    assertThat(DurationParser.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(DurationParser.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(DurationParser.format(Duration.ofDays(8))).isEqualTo("1w1d");
    assertThat(DurationParser.parse(DurationParser.format(Duration.ofSeconds(3725))))
        .isEqualTo(Duration.ofSeconds(3725));
  }

  @Test
  void refusesAnythingElse() {
    for (String bad : new String[] {"5", "five minutes", "5 m", "-5m", "", "1y"}) {
      assertThatThrownBy(() -> DurationParser.parse(bad)).hasMessageContaining("is not a duration");
    }
  }
}
