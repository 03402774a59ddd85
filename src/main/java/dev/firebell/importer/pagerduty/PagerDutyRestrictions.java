package dev.firebell.importer.pagerduty;

import dev.firebell.importer.WeekWindows;
import dev.firebell.oncall.ShiftWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A schedule layer's restrictions as Firebell's shift windows, covering exactly the same wall-clock
 * time. A {@code daily_restriction} (up to a day from {@code start_time_of_day}) is one window on
 * every day; a {@code weekly_restriction} (from {@code start_day_of_week}, ISO 1 = Monday, for up
 * to a week) is cut at each midnight ({@link WeekWindows}). Pure.
 */
public final class PagerDutyRestrictions {
  private static final Duration DAY = Duration.ofDays(1);

  private PagerDutyRestrictions() {}

  /** One restriction as the API gives it; {@code startDayOfWeek} is 0 for a daily one. */
  public record Restriction(
      String type, LocalTime startTimeOfDay, long durationSeconds, int startDayOfWeek) {}

  /**
   * @throws IllegalArgumentException for an unknown type or a duration out of its range, naming it
   */
  public static List<ShiftWindow> windows(List<Restriction> restrictions) {
    List<ShiftWindow> everyDay = new ArrayList<>();
    WeekWindows week = new WeekWindows();
    for (Restriction restriction : restrictions) {
      Duration duration = Duration.ofSeconds(restriction.durationSeconds());
      LocalTime from = restriction.startTimeOfDay();
      switch (restriction.type()) {
        case "daily_restriction" -> {
          if (duration.isZero() || duration.isNegative() || duration.compareTo(DAY) > 0) {
            throw new IllegalArgumentException(
                "a daily restriction of " + restriction.durationSeconds() + " seconds");
          }
          everyDay.add(new ShiftWindow(Set.of(), from, from.plus(duration)));
        }
        case "weekly_restriction" -> {
          if (duration.isZero()
              || duration.isNegative()
              || duration.compareTo(WeekWindows.WEEK) > 0) {
            throw new IllegalArgumentException(
                "a weekly restriction of " + restriction.durationSeconds() + " seconds");
          }
          if (restriction.startDayOfWeek() < 1 || restriction.startDayOfWeek() > 7) {
            throw new IllegalArgumentException(
                "a weekly restriction starting on day " + restriction.startDayOfWeek());
          }
          week.add(DayOfWeek.of(restriction.startDayOfWeek()), from, duration);
        }
        default ->
            throw new IllegalArgumentException("a restriction of type " + restriction.type());
      }
    }
    List<ShiftWindow> windows = new ArrayList<>(everyDay);
    windows.addAll(week.windows());
    return List.copyOf(windows);
  }
}
