package dev.firebell.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hour-by-hour comparison of --verify. */
class RotaCheckTest {
  private static final Instant FROM = Instant.parse("2027-03-01T00:30:00Z");
  private static final Schedule DAILY =
      new Schedule(
          "daily",
          ZoneId.of("UTC"),
          List.of(
              new Rotation(
                  LocalDateTime.parse("2027-03-01T00:00"),
                  Duration.ofDays(1),
                  List.of("ana", "ben"))),
          List.of());

  @Test
  void hoursStartAtTheNextWholeHourAndMatchWhenTheSamePeopleAreOnCall() {
    List<RotaCheck.Shift> vendor =
        List.of(
            new RotaCheck.Shift(
                "ana",
                Instant.parse("2027-03-01T00:00:00Z"),
                Instant.parse("2027-03-02T00:00:00Z")),
            new RotaCheck.Shift(
                "ben",
                Instant.parse("2027-03-02T00:00:00Z"),
                Instant.parse("2027-03-03T00:00:00Z")));
    RotaCheck.Result result =
        RotaCheck.compare(DAILY, vendor, "PagerDuty", FROM, Instant.parse("2027-03-03T00:00:00Z"));
    assertThat(result.line()).isEqualTo("daily: 47 of 47 hours match");
    assertThat(result.matches()).isTrue();
  }

  @Test
  void differencesAreCountedAndTheFirstFiveShown() {
    List<RotaCheck.Shift> vendor =
        List.of(
            new RotaCheck.Shift(
                "ben",
                Instant.parse("2027-03-01T00:00:00Z"),
                Instant.parse("2027-03-01T10:00:00Z")));
    RotaCheck.Result result =
        RotaCheck.compare(DAILY, vendor, "PagerDuty", FROM, Instant.parse("2027-03-01T12:00:00Z"));
    assertThat(result.matched()).isZero();
    assertThat(result.checked()).isEqualTo(11);
    assertThat(result.differences())
        .hasSize(5)
        .first()
        .isEqualTo("2027-03-01T01:00:00Z Firebell ana, PagerDuty ben");
    assertThat(result.line())
        .startsWith("daily: 0 of 11 hours match; first differences: 2027-03-01T01:00:00Z")
        .endsWith("2027-03-01T05:00:00Z Firebell ana, PagerDuty ben");
  }
}
