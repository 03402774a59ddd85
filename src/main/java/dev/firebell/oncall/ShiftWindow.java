package dev.firebell.oncall;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a rotation is on call: from {@code from} to {@code to}, wall-clock times in the schedule's
 * zone, on {@code days} (every day when empty). A window whose {@code to} is not after its {@code
 * from} runs past midnight, and {@code days} names the day it starts: {@code [fri] 22:00–06:00} is
 * Friday night into Saturday, {@code 00:00–00:00} the whole day. Pure.
 */
public record ShiftWindow(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
  public ShiftWindow {
    days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
  }

  /** Whether {@code at} falls in a window that started on its own day or the day before. */
  public boolean covers(Instant at, ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    for (LocalDate start = day.minusDays(1); !start.isAfter(day); start = start.plusDays(1)) {
      if (startsOn(start)
          && !at.isBefore(startOn(start, zone))
          && at.isBefore(endOf(start, zone))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The instants at which windows of the days {@code first} to {@code last} begin and end: the
   * points where the rotation comes on or goes off call.
   */
  public List<Instant> edges(LocalDate first, LocalDate last, ZoneId zone) {
    List<Instant> edges = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      if (startsOn(day)) {
        edges.add(startOn(day, zone));
        edges.add(endOf(day, zone));
      }
    }
    return edges;
  }

  private boolean startsOn(LocalDate day) {
    return days.isEmpty() || days.contains(day.getDayOfWeek());
  }

  private Instant startOn(LocalDate day, ZoneId zone) {
    return day.atTime(from).atZone(zone).toInstant();
  }

  private Instant endOf(LocalDate day, ZoneId zone) {
    LocalDate endDay = to.isAfter(from) ? day : day.plusDays(1);
    return endDay.atTime(to).atZone(zone).toInstant();
  }
}
