package dev.firebell.importer;

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
 * Spans of the week (from a day and a time, for up to a week) as Firebell's shift windows covering
 * exactly the same wall-clock time: each span is cut at every midnight into windows of one day, and
 * windows with the same hours on different days are joined ({@code [mon..fri] 09:00–17:00}).
 * Vendors' weekly restrictions and weekday ranges come in this way. Pure.
 */
public final class WeekWindows {
  public static final Duration WEEK = Duration.ofDays(7);

  private final Map<List<LocalTime>, Set<DayOfWeek>> byHours = new LinkedHashMap<>();

  /** Adds the span from {@code day} at {@code from}, {@code length} long (at most a week). */
  public WeekWindows add(DayOfWeek day, LocalTime from, Duration length) {
    if (length.isNegative() || length.isZero() || length.compareTo(WEEK) > 0) {
      throw new IllegalArgumentException("a span of " + length.toSeconds() + " seconds");
    }
    Duration left = length;
    while (!left.isZero()) {
      Duration toMidnight = Duration.between(from, LocalTime.MAX).plusNanos(1);
      Duration piece = left.compareTo(toMidnight) < 0 ? left : toMidnight;
      LocalTime to = from.plus(piece); // midnight reads 00:00: a window running up to midnight
      byHours.computeIfAbsent(List.of(from, to), hours -> EnumSet.noneOf(DayOfWeek.class)).add(day);
      left = left.minus(piece);
      day = day.plus(1);
      from = LocalTime.MIDNIGHT;
    }
    return this;
  }

  /** The windows, in the order their hours first appeared; a window on all seven days has none. */
  public List<ShiftWindow> windows() {
    List<ShiftWindow> windows = new ArrayList<>();
    byHours.forEach(
        (hours, days) ->
            windows.add(
                new ShiftWindow(days.size() == 7 ? Set.of() : days, hours.get(0), hours.get(1))));
    return List.copyOf(windows);
  }
}
