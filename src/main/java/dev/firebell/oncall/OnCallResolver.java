package dev.firebell.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Who is on call at an instant, and when that changes. Pure: time comes in as an argument. */
public final class OnCallResolver {
  private OnCallResolver() {}

  /**
   * The people on call in a schedule: an active override replaces the rotations; otherwise each
   * rotation that has started contributes its current person.
   */
  public static List<String> onCallAt(Schedule schedule, Instant now) {
    ZoneId zone = schedule.timeZone();
    for (ScheduleOverride override : schedule.overrides()) {
      if (!now.isBefore(instant(override.from(), zone))
          && now.isBefore(instant(override.to(), zone))) {
        return List.of(override.person());
      }
    }
    Set<String> people = new LinkedHashSet<>();
    for (Rotation rotation : schedule.rotations()) {
      turnAt(rotation, zone, now).ifPresent(turn -> people.add(rotation.people().get(turn)));
    }
    return List.copyOf(people);
  }

  /** The next instant after {@code now} at which a hand-off or an override begins or ends. */
  public static Optional<Instant> nextChange(Schedule schedule, Instant now) {
    ZoneId zone = schedule.timeZone();
    List<Instant> candidates = new ArrayList<>();
    for (ScheduleOverride override : schedule.overrides()) {
      candidates.add(instant(override.from(), zone));
      candidates.add(instant(override.to(), zone));
    }
    for (Rotation rotation : schedule.rotations()) {
      long index = handoffIndexAtOrBefore(rotation, zone, now);
      candidates.add(handoff(rotation, zone, index + 1));
    }
    return candidates.stream().filter(now::isBefore).min(Comparator.naturalOrder());
  }

  /** The people on call in a schedule, resolving step targets to person ids in order. */
  public static List<String> peopleFor(EscalationStep step, OnCall oncall, Instant now) {
    Set<String> people = new LinkedHashSet<>();
    for (Target target : step.targets()) {
      if (target.kind() == Target.Kind.PERSON) {
        people.add(target.id());
      } else {
        people.addAll(onCallAt(oncall.schedules().get(target.id()), now));
      }
    }
    return List.copyOf(people);
  }

  /** Index into the rotation's people, empty before the rotation starts. */
  private static Optional<Integer> turnAt(Rotation rotation, ZoneId zone, Instant now) {
    long index = handoffIndexAtOrBefore(rotation, zone, now);
    if (index < 0) {
      return Optional.empty();
    }
    return Optional.of((int) (index % rotation.people().size()));
  }

  /**
   * The number of the last hand-off at or before {@code now} (0 is the start; -1 is before it).
   * Hand-off {@code k} is at wall-clock time {@code start + k * every}, so a weekly 09:00 hand-off
   * stays at 09:00 when clocks change. An estimate from elapsed time is corrected by a step or two.
   */
  private static long handoffIndexAtOrBefore(Rotation rotation, ZoneId zone, Instant now) {
    Instant start = instant(rotation.start(), zone);
    if (now.isBefore(start)) {
      return -1;
    }
    long everyMillis = rotation.every().toMillis();
    long index = Duration.between(start, now).toMillis() / everyMillis;
    while (index > 0 && handoff(rotation, zone, index).isAfter(now)) {
      index--;
    }
    while (!handoff(rotation, zone, index + 1).isAfter(now)) {
      index++;
    }
    return index;
  }

  private static Instant handoff(Rotation rotation, ZoneId zone, long index) {
    LocalDateTime local = rotation.start();
    Duration every = rotation.every();
    if (every.toNanos() % Duration.ofDays(1).toNanos() == 0) {
      local = local.plusDays(every.toDays() * index);
    } else {
      local = local.plus(every.multipliedBy(index));
    }
    return instant(local, zone);
  }

  private static Instant instant(LocalDateTime local, ZoneId zone) {
    return local.atZone(zone).toInstant();
  }
}
