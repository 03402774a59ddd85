package dev.firebell.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rotations on call only inside their shift windows, layered by priority, at fixed instants: the
 * follow-the-sun and business-hours rotas of the tools teams move from.
 */
class ShiftWindowsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Set<DayOfWeek> WEEKDAYS =
      Set.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);

  @Test
  void aWindowPastMidnightRunsFromTheDayItNamesIntoTheNext() {
    Schedule nights =
        schedule(
            BERLIN,
            rotation(
                "2026-01-05T00:00",
                Duration.ofDays(7),
                List.of("tessa"),
                window(Set.of(DayOfWeek.FRIDAY), "22:00", "06:00"),
                0));
    // Friday 4 Dec 2026, 22:00 Berlin (CET, UTC+1) = 21:00Z, to Saturday 06:00 = 05:00Z.
    assertOnCall(nights, "2026-12-04T20:59:59Z");
    assertOnCall(nights, "2026-12-04T21:00:00Z", "tessa");
    assertOnCall(nights, "2026-12-05T04:59:59Z", "tessa");
    assertOnCall(nights, "2026-12-05T05:00:00Z");
    // Thursday night is not named.
    assertOnCall(nights, "2026-12-03T23:00:00Z");
  }

  @Test
  void midnightToMidnightIsTheWholeDay() {
    Schedule saturdays =
        schedule(
            BERLIN,
            rotation(
                "2026-01-05T00:00",
                Duration.ofDays(7),
                List.of("sam"),
                window(Set.of(DayOfWeek.SATURDAY), "00:00", "00:00"),
                0));
    assertOnCall(saturdays, "2026-12-04T22:59:59Z");
    assertOnCall(saturdays, "2026-12-04T23:00:00Z", "sam");
    assertOnCall(saturdays, "2026-12-05T22:59:59Z", "sam");
    assertOnCall(saturdays, "2026-12-05T23:00:00Z");
  }

  @Test
  void aWindowKeepsItsWallClockOnTheDaysClocksChangeInEuropeAndAmerica() {
    Schedule berlin =
        schedule(
            BERLIN,
            rotation(
                "2026-01-05T00:00",
                Duration.ofDays(7),
                List.of("tessa"),
                daily("09:00", "17:00"),
                0));
    // Sunday 29 March 2026: Berlin goes from UTC+1 to UTC+2 at 02:00.
    assertOnCall(berlin, "2026-03-29T06:59:59Z");
    assertOnCall(berlin, "2026-03-29T07:00:00Z", "tessa");
    assertOnCall(berlin, "2026-03-29T14:59:59Z", "tessa");
    assertOnCall(berlin, "2026-03-29T15:00:00Z");
    // Sunday 25 October 2026: back to UTC+1.
    assertOnCall(berlin, "2026-10-25T07:59:59Z");
    assertOnCall(berlin, "2026-10-25T08:00:00Z", "tessa");
    assertOnCall(berlin, "2026-10-25T16:00:00Z");

    Schedule newYork =
        schedule(
            NEW_YORK,
            rotation(
                "2026-01-05T00:00",
                Duration.ofDays(7),
                List.of("sam"),
                daily("22:00", "06:00"),
                0));
    // Night of Saturday 7 into Sunday 8 March 2026: New York goes from UTC-5 to UTC-4 at 02:00,
    // so that night is an hour shorter: 22:00 EST (03:00Z) to 06:00 EDT (10:00Z).
    assertOnCall(newYork, "2026-03-08T02:59:59Z");
    assertOnCall(newYork, "2026-03-08T03:00:00Z", "sam");
    assertOnCall(newYork, "2026-03-08T09:59:59Z", "sam");
    assertOnCall(newYork, "2026-03-08T10:00:00Z");
    // Night of 31 October into 1 November: back to UTC-5, an hour longer (02:00Z to 11:00Z).
    assertOnCall(newYork, "2026-11-01T01:59:59Z");
    assertOnCall(newYork, "2026-11-01T02:00:00Z", "sam");
    assertOnCall(newYork, "2026-11-01T10:59:59Z", "sam");
    assertOnCall(newYork, "2026-11-01T11:00:00Z");
  }

  @Test
  void theHigherLayerReplacesTheLowerWhereItHasSomeoneAndOnlyThere() {
    Schedule layered =
        schedule(
            BERLIN,
            rotation("2026-01-05T00:00", Duration.ofDays(7), List.of("ana"), List.of(), 0),
            rotation(
                "2026-01-05T00:00",
                Duration.ofDays(7),
                List.of("tessa"),
                window(WEEKDAYS, "09:00", "17:00"),
                1));
    // Friday 4 December 2026 (CET, UTC+1).
    assertOnCall(layered, "2026-12-04T07:59:59Z", "ana");
    assertOnCall(layered, "2026-12-04T08:00:00Z", "tessa");
    assertOnCall(layered, "2026-12-04T15:59:59Z", "tessa");
    assertOnCall(layered, "2026-12-04T16:00:00Z", "ana");
    // The weekend is a gap in the upper layer: the 24/7 one pages.
    assertOnCall(layered, "2026-12-05T12:00:00Z", "ana");
  }

  @Test
  void rotationsOfEqualPriorityAreOnCallTogether() {
    Schedule both =
        schedule(
            BERLIN,
            rotation("2026-01-05T00:00", Duration.ofDays(7), List.of("ana"), List.of(), 0),
            rotation("2026-01-05T00:00", Duration.ofDays(7), List.of("sam"), List.of(), 0));
    assertOnCall(both, "2026-12-04T12:00:00Z", "ana", "sam");
  }

  @Test
  void aRestrictionStartingMidTurnKeepsTheTurnsCadence() {
    // Daily turns at 12:00 between ana and sam; on call only from 09:00 to 17:00. The turn
    // handed over at 12:00 is not moved to 09:00: ana has 09:00–12:00, sam 12:00–17:00.
    Schedule days =
        schedule(
            BERLIN,
            rotation(
                "2026-01-05T12:00",
                Duration.ofDays(1),
                List.of("ana", "sam"),
                daily("09:00", "17:00"),
                0));
    // 4 December 2026 is day 333 after 5 January: an odd turn (sam) from 12:00, ana before.
    assertOnCall(days, "2026-12-04T07:59:59Z");
    assertOnCall(days, "2026-12-04T08:00:00Z", "ana");
    assertOnCall(days, "2026-12-04T10:59:59Z", "ana");
    assertOnCall(days, "2026-12-04T11:00:00Z", "sam");
    assertOnCall(days, "2026-12-04T16:00:00Z");
  }

  @Test
  void aRotationEnds() {
    Schedule ending =
        schedule(
            BERLIN,
            new Rotation(
                LocalDateTime.parse("2026-01-05T00:00"),
                Duration.ofDays(7),
                List.of("ana"),
                List.of(),
                0,
                LocalDateTime.parse("2026-12-04T18:00")));
    assertOnCall(ending, "2026-12-04T16:59:59Z", "ana");
    assertOnCall(ending, "2026-12-04T17:00:00Z");
    assertThat(OnCallResolver.nextChange(ending, Instant.parse("2026-12-04T12:00:00Z")))
        .contains(Instant.parse("2026-12-04T17:00:00Z"));
  }

  @Test
  void anOverrideReplacesEveryoneOverLayeredHours() {
    Schedule layered =
        new Schedule(
            "primary",
            BERLIN,
            List.of(
                rotation("2026-01-05T00:00", Duration.ofDays(7), List.of("ana"), List.of(), 0),
                rotation(
                    "2026-01-05T00:00",
                    Duration.ofDays(7),
                    List.of("tessa"),
                    window(WEEKDAYS, "09:00", "17:00"),
                    1)),
            List.of(
                ScheduleOverride.configured(
                    "sam",
                    Instant.parse("2026-12-04T07:00:00Z"),
                    Instant.parse("2026-12-04T10:00:00Z"))));
    assertOnCall(layered, "2026-12-04T07:30:00Z", "sam");
    assertOnCall(layered, "2026-12-04T09:00:00Z", "sam");
    assertOnCall(layered, "2026-12-04T10:00:00Z", "tessa");
  }

  @Test
  void theShiftsOfNinetyDaysAgreeWithWhoIsOnCallHourByHour() {
    Schedule followTheSun =
        new Schedule(
            "sun",
            BERLIN,
            List.of(
                rotation(
                    "2026-01-05T09:00",
                    Duration.ofDays(7),
                    List.of("ana", "ben"),
                    window(WEEKDAYS, "09:00", "17:00"),
                    1),
                rotation(
                    "2026-01-05T09:00",
                    Duration.ofDays(1),
                    List.of("cai", "dan", "eve"),
                    window(WEEKDAYS, "17:00", "09:00"),
                    1),
                rotation(
                    "2026-01-03T00:00", Duration.ofDays(7), List.of("fay", "gus"), List.of(), 0)),
            List.of(
                ScheduleOverride.configured(
                    "hal",
                    Instant.parse("2026-03-28T20:00:00Z"),
                    Instant.parse("2026-03-30T07:30:00Z"))));
    Instant from = Instant.parse("2026-02-01T00:00:00Z");
    Instant until = from.plus(Duration.ofDays(90));
    List<Shift> shifts = Shifts.between(followTheSun, from, until);
    for (Instant at = from; at.isBefore(until); at = at.plus(Duration.ofMinutes(30))) {
      Instant now = at;
      List<String> fromShifts =
          shifts.stream()
              .filter(shift -> !shift.from().isAfter(now) && shift.to().isAfter(now))
              .map(Shift::person)
              .sorted()
              .toList();
      List<String> resolved = OnCallResolver.onCallAt(followTheSun, now).stream().sorted().toList();
      assertThat(fromShifts).as(now.toString()).isEqualTo(resolved);
    }
  }

  private static Schedule schedule(ZoneId zone, Rotation... rotations) {
    return new Schedule("primary", zone, List.of(rotations), List.of());
  }

  private static Rotation rotation(
      String start, Duration every, List<String> people, List<ShiftWindow> windows, int priority) {
    return new Rotation(LocalDateTime.parse(start), every, people, windows, priority, null);
  }

  private static List<ShiftWindow> window(Set<DayOfWeek> days, String from, String to) {
    return List.of(new ShiftWindow(days, LocalTime.parse(from), LocalTime.parse(to)));
  }

  private static List<ShiftWindow> daily(String from, String to) {
    return window(Set.of(), from, to);
  }

  private static void assertOnCall(Schedule schedule, String at, String... people) {
    assertThat(OnCallResolver.onCallAt(schedule, Instant.parse(at)))
        .as(at)
        .containsExactlyInAnyOrder(people);
  }
}
