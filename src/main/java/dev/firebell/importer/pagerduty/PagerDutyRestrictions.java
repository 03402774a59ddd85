package dev.firebell.importer.pagerduty;

import dev.firebell.oncall.ShiftWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schedule layer's restrictions as Firebell's shift windows, covering exactly the same wall-clock
 * time. A {@code daily_restriction} (up to a day from {@code start_time_of_day}) is one window on
 * every day; a {@code weekly_restriction} (from {@code start_day_of_week}, ISO 1 = Monday, for up
 * to a week) is cut at each midnight into windows of one day, and windows with the same hours on
 * different days are joined. Pure.
 */
public final class PagerDutyRestrictions {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration WEEK = Duration.ofDays(7);

  private PagerDutyRestrictions() {}

  /** One restriction as the API gives it; {@code startDayOfWeek} is 0 for a daily one. */
  public record Restriction(
      String type, LocalTime startTimeOfDay, long durationSeconds, int startDayOfWeek) {}

  /**
   * @throws IllegalArgumentException for an unknown type or a duration out of its range, naming it
   */
  public static List<ShiftWindow> windows(List<Restriction> restrictions) {
    Map<List<LocalTime>, Set<DayOfWeek>> byHours = new LinkedHashMap<>();
    List<ShiftWindow> everyDay = new ArrayList<>();
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
          if (duration.isZero() || duration.isNegative() || duration.compareTo(WEEK) > 0) {
            throw new IllegalArgumentException(
                "a weekly restriction of " + restriction.durationSeconds() + " seconds");
          }
          if (restriction.startDayOfWeek() < 1 || restriction.startDayOfWeek() > 7) {
            throw new IllegalArgumentException(
                "a weekly restriction starting on day " + restriction.startDayOfWeek());
          }
          cutAtMidnights(DayOfWeek.of(restriction.startDayOfWeek()), from, duration, byHours);
        }
        default ->
            throw new IllegalArgumentException("a restriction of type " + restriction.type());
      }
    }
    List<ShiftWindow> windows = new ArrayList<>(everyDay);
    byHours.forEach(
        (hours, days) ->
            windows.add(
                new ShiftWindow(days.size() == 7 ? Set.of() : days, hours.get(0), hours.get(1))));
    return List.copyOf(windows);
  }

  /**
   * Windows of one day each: the first from {@code from} to the end of its span or to midnight,
   * whole days after it, and the last up to the span's end.
   */
  private static void cutAtMidnights(
      DayOfWeek day, LocalTime from, Duration left, Map<List<LocalTime>, Set<DayOfWeek>> byHours) {
    while (!left.isZero()) {
      Duration toMidnight = Duration.between(from, LocalTime.MAX).plusNanos(1);
      Duration piece = left.compareTo(toMidnight) < 0 ? left : toMidnight;
      LocalTime to = from.plus(piece); // midnight reads 00:00: a window running up to midnight
      byHours.computeIfAbsent(List.of(from, to), hours -> EnumSet.noneOf(DayOfWeek.class)).add(day);
      left = left.minus(piece);
      day = day.plus(1);
      from = LocalTime.MIDNIGHT;
    }
  }
}
