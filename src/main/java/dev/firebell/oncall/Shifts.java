package dev.firebell.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A schedule's time cut into shifts: a person's unbroken time on call, for one reason (their turn,
 * or one override). A rotation hand-off always starts a new shift, even when the same person takes
 * the next turn, so every shift starts at a fixed point and keeps its key however it is looked at.
 * Pure: time comes in as arguments.
 */
public final class Shifts {
  /** Bounds the walk over change points; a year of hourly hand-offs is well below it. */
  private static final int MAX_CHANGES = 20_000;

  private Shifts() {}

  /** Every shift that overlaps [from, until), with its whole extent (not cut at the window). */
  public static List<Shift> between(Schedule schedule, Instant from, Instant until) {
    List<Shift> shifts = new ArrayList<>();
    Map<String, Open> open = new LinkedHashMap<>();
    for (OnDuty duty : OnCallResolver.whoAt(schedule, from)) {
      open.put(duty.person(), new Open(startOf(schedule, duty, from), duty.via()));
    }
    Instant at = from;
    for (int step = 0; !open.isEmpty() || at.isBefore(until); step++) {
      Optional<Instant> next = OnCallResolver.nextChange(schedule, at);
      if (next.isEmpty() || step >= MAX_CHANGES) { // nothing changes any more: cut at the window
        Instant end = next.filter(until::isAfter).orElse(until);
        open.forEach((person, shift) -> shifts.add(shift.close(schedule, person, end)));
        break;
      }
      at = next.get();
      boolean handoff = OnCallResolver.isHandoff(schedule, at);
      Map<String, OnDuty> now = new LinkedHashMap<>();
      OnCallResolver.whoAt(schedule, at).forEach(duty -> now.put(duty.person(), duty));
      Instant changedAt = at;
      open.entrySet()
          .removeIf(
              entry -> {
                OnDuty still = now.get(entry.getKey());
                boolean continues =
                    still != null && !handoff && Objects.equals(still.via(), entry.getValue().via);
                if (!continues) {
                  shifts.add(entry.getValue().close(schedule, entry.getKey(), changedAt));
                }
                return !continues;
              });
      if (at.isBefore(until)) {
        now.values().stream()
            .filter(duty -> !open.containsKey(duty.person()))
            .forEach(duty -> open.put(duty.person(), new Open(changedAt, duty.via())));
      }
    }
    shifts.sort(Comparator.comparing(Shift::from).thenComparing(Shift::person));
    return List.copyOf(shifts);
  }

  /** One person's shifts in every schedule that overlap [from, until), in time order. */
  public static List<Shift> ofPerson(OnCall oncall, String person, Instant from, Instant until) {
    List<Shift> shifts = new ArrayList<>();
    for (Schedule schedule : oncall.schedules().values()) {
      between(schedule, from, until).stream()
          .filter(shift -> shift.person().equals(person))
          .forEach(shifts::add);
    }
    shifts.sort(Comparator.comparing(Shift::from).thenComparing(Shift::scheduleId));
    return List.copyOf(shifts);
  }

  /** The shifts that begin in [from, until). */
  public static List<Shift> startingBetween(Schedule schedule, Instant from, Instant until) {
    return between(schedule, from, until).stream()
        .filter(shift -> !shift.from().isBefore(from) && shift.from().isBefore(until))
        .toList();
  }

  /** Who was on call just before a shift began, other than its own person: who hands over. */
  public static List<String> handingOver(Schedule schedule, Shift shift) {
    return OnCallResolver.onCallAt(schedule, shift.from().minusNanos(1_000)).stream()
        .filter(person -> !person.equals(shift.person()))
        .toList();
  }

  /** Where the shift in progress at {@code at} began: back over changes that did not end it. */
  private static Instant startOf(Schedule schedule, OnDuty duty, Instant at) {
    Instant start = OnCallResolver.lastChange(schedule, at).orElse(at);
    for (int step = 0; step < MAX_CHANGES; step++) {
      if (OnCallResolver.isHandoff(schedule, start)) {
        return start;
      }
      Instant before = start.minusNanos(1_000);
      boolean sameBefore =
          OnCallResolver.whoAt(schedule, before).stream()
              .anyMatch(
                  d -> d.person().equals(duty.person()) && Objects.equals(d.via(), duty.via()));
      Optional<Instant> earlier = OnCallResolver.lastChange(schedule, before);
      if (!sameBefore || earlier.isEmpty()) {
        return start;
      }
      start = earlier.get();
    }
    return start;
  }

  private record Open(Instant from, ScheduleOverride via) {
    Shift close(Schedule schedule, String person, Instant to) {
      return new Shift(schedule.id(), person, from, to, via);
    }
  }
}
