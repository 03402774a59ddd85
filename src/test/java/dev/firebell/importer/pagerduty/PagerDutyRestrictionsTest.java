package dev.firebell.importer.pagerduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.firebell.importer.pagerduty.PagerDutyRestrictions.Restriction;
import dev.firebell.oncall.ShiftWindow;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PagerDuty restrictions become windows that cover exactly the same wall-clock time. */
class PagerDutyRestrictionsTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void aDailyRestrictionIsOneWindowOnEveryDayEvenAcrossMidnight() {
    assertThat(PagerDutyRestrictions.windows(List.of(daily("08:00", 9 * 3600))))
        .containsExactly(new ShiftWindow(Set.of(), time("08:00"), time("17:00")));
    assertThat(PagerDutyRestrictions.windows(List.of(daily("22:00", 10 * 3600))))
        .containsExactly(new ShiftWindow(Set.of(), time("22:00"), time("08:00")));
    assertThat(PagerDutyRestrictions.windows(List.of(daily("07:30", 24 * 3600))))
        .containsExactly(new ShiftWindow(Set.of(), time("07:30"), time("07:30")));
  }

  @Test
  void weekdaysNineToFiveJoinIntoOneWindow() {
    List<Restriction> weekdays =
        List.of(
            weekly(1, "09:00", 8 * 3600),
            weekly(2, "09:00", 8 * 3600),
            weekly(3, "09:00", 8 * 3600),
            weekly(4, "09:00", 8 * 3600),
            weekly(5, "09:00", 8 * 3600));
    assertThat(PagerDutyRestrictions.windows(weekdays))
        .containsExactly(
            new ShiftWindow(
                Set.of(
                    DayOfWeek.MONDAY,
                    DayOfWeek.TUESDAY,
                    DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY,
                    DayOfWeek.FRIDAY),
                time("09:00"),
                time("17:00")));
  }

  @Test
  void aWeeklyRangeIsCutAtEachMidnight() {
    // Monday 09:30 to Friday 17:30.
    List<ShiftWindow> windows =
        PagerDutyRestrictions.windows(List.of(weekly(1, "09:30", 4 * 86_400 + 8 * 3600)));
    assertThat(windows)
        .containsExactly(
            new ShiftWindow(Set.of(DayOfWeek.MONDAY), time("09:30"), time("00:00")),
            new ShiftWindow(
                Set.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                time("00:00"),
                time("00:00")),
            new ShiftWindow(Set.of(DayOfWeek.FRIDAY), time("00:00"), time("17:30")));
    assertThat(covered(windows, "2027-03-01T08:29:00Z")).isFalse(); // Monday 09:29 Berlin
    assertThat(covered(windows, "2027-03-01T08:30:00Z")).isTrue();
    assertThat(covered(windows, "2027-03-04T02:00:00Z")).isTrue(); // Thursday night
    assertThat(covered(windows, "2027-03-05T16:29:00Z")).isTrue(); // Friday 17:29
    assertThat(covered(windows, "2027-03-05T16:30:00Z")).isFalse();
  }

  @Test
  void aWeekendFromFridayEveningToMondayMorningWrapsTheWeek() {
    List<ShiftWindow> windows =
        PagerDutyRestrictions.windows(List.of(weekly(5, "18:00", 2 * 86_400 + 15 * 3600)));
    assertThat(windows)
        .containsExactly(
            new ShiftWindow(Set.of(DayOfWeek.FRIDAY), time("18:00"), time("00:00")),
            new ShiftWindow(
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), time("00:00"), time("00:00")),
            new ShiftWindow(Set.of(DayOfWeek.MONDAY), time("00:00"), time("09:00")));
  }

  @Test
  void aWholeWeekCoversEveryHour() {
    List<ShiftWindow> windows =
        PagerDutyRestrictions.windows(List.of(weekly(3, "12:00", 7 * 86_400)));
    for (int hour = 0; hour < 24 * 7; hour++) {
      assertThat(covered(windows, Instant.parse("2027-03-01T00:00:00Z").plusSeconds(hour * 3600L)))
          .isTrue();
    }
  }

  @Test
  void restrictionsOutOfRangeAreRefusedNamingThem() {
    assertThatThrownBy(() -> PagerDutyRestrictions.windows(List.of(daily("08:00", 90_000))))
        .hasMessage("a daily restriction of 90000 seconds");
    assertThatThrownBy(() -> PagerDutyRestrictions.windows(List.of(weekly(8, "08:00", 60))))
        .hasMessage("a weekly restriction starting on day 8");
    assertThatThrownBy(
            () ->
                PagerDutyRestrictions.windows(
                    List.of(new Restriction("monthly_restriction", time("08:00"), 60, 0))))
        .hasMessage("a restriction of type monthly_restriction");
  }

  private static boolean covered(List<ShiftWindow> windows, String at) {
    return covered(windows, Instant.parse(at));
  }

  private static boolean covered(List<ShiftWindow> windows, Instant at) {
    return windows.stream().anyMatch(window -> window.covers(at, BERLIN));
  }

  private static Restriction daily(String from, long seconds) {
    return new Restriction("daily_restriction", time(from), seconds, 0);
  }

  private static Restriction weekly(int day, String from, long seconds) {
    return new Restriction("weekly_restriction", time(from), seconds, day);
  }

  private static LocalTime time(String text) {
    return LocalTime.parse(text);
  }
}
