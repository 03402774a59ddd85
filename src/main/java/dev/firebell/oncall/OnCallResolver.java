package dev.firebell.oncall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Who is on call at an instant, and when that changes. Pure: time comes in as an argument. */
public final class OnCallResolver {
  private OnCallResolver() {}

  /** The people on call in a schedule, in order. */
  public static List<String> onCallAt(Schedule schedule, Instant now) {
    return whoAt(schedule, now).stream().map(OnDuty::person).toList();
  }

  /**
   * Who is on call in a schedule and why. Each rotation that has started, has not ended and is
   * inside one of its windows contributes its current person; of those, only the rotations of the
   * highest priority count (a layer laid over another replaces it where it has someone). Then the
   * active overrides apply in order: the first of {@code oncall.yaml}'s (as always), then runtime
   * ones oldest first. An override without {@code replaces} puts its person alone on call; one with
   * {@code replaces} takes only that person's place, and does nothing while they are not on call.
   */
  public static List<OnDuty> whoAt(Schedule schedule, Instant now) {
    List<OnDuty> duty = new ArrayList<>();
    ZoneId zone = schedule.timeZone();
    int top = topPriority(schedule, now);
    for (Rotation rotation : schedule.rotations()) {
      if (rotation.priority() == top && onCallAt(rotation, zone, now)) {
        add(duty, rotation.people().get(turnAt(rotation, zone, now).orElseThrow()), null);
      }
    }
    boolean configuredApplied = false;
    for (ScheduleOverride override : schedule.overrides()) {
      if (!override.activeAt(now) || (override.id() == null && configuredApplied)) {
        continue;
      }
      configuredApplied |= override.id() == null;
      if (override.replacesEveryone()) {
        duty.clear();
        duty.add(new OnDuty(override.person(), override));
        continue;
      }
      for (int i = 0; i < duty.size(); i++) {
        if (duty.get(i).person().equals(override.replaces())) {
          duty.remove(i);
          if (duty.stream().noneMatch(d -> d.person().equals(override.person()))) {
            duty.add(i, new OnDuty(override.person(), override));
          }
          break;
        }
      }
    }
    return List.copyOf(duty);
  }

  /**
   * The position in {@code schedule.rotations()} of the counting rotation (highest priority on
   * call) whose turn has {@code person} on call at {@code at}; empty when none has (an override put
   * them there, or they are not on call).
   */
  public static Optional<Integer> rotationAt(Schedule schedule, String person, Instant at) {
    ZoneId zone = schedule.timeZone();
    List<Rotation> rotations = schedule.rotations();
    int top = topPriority(schedule, at);
    for (int i = 0; i < rotations.size(); i++) {
      Rotation rotation = rotations.get(i);
      if (rotation.priority() == top
          && onCallAt(rotation, zone, at)
          && rotation.people().get(turnAt(rotation, zone, at).orElseThrow()).equals(person)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** The highest priority of the rotations with someone on call at {@code at}. */
  private static int topPriority(Schedule schedule, Instant at) {
    int top = Integer.MIN_VALUE;
    for (Rotation rotation : schedule.rotations()) {
      if (onCallAt(rotation, schedule.timeZone(), at)) {
        top = Math.max(top, rotation.priority());
      }
    }
    return top;
  }

  private static void add(List<OnDuty> duty, String person, ScheduleOverride via) {
    if (duty.stream().noneMatch(d -> d.person().equals(person))) {
      duty.add(new OnDuty(person, via));
    }
  }

  /**
   * The next instant after {@code now} at which a hand-off, a window's edge, a rotation's end or an
   * override begins or ends.
   */
  public static Optional<Instant> nextChange(Schedule schedule, Instant now) {
    ZoneId zone = schedule.timeZone();
    List<Instant> candidates = new ArrayList<>();
    for (ScheduleOverride override : schedule.overrides()) {
      candidates.add(override.from());
      candidates.add(override.to());
    }
    LocalDate today = now.atZone(zone).toLocalDate();
    for (Rotation rotation : schedule.rotations()) {
      long index = handoffIndexAtOrBefore(rotation, zone, now);
      candidates.add(handoff(rotation, zone, index + 1));
      boundaries(rotation, zone, today.minusDays(1), today.plusDays(WEEK), candidates);
    }
    return candidates.stream().filter(now::isBefore).min(Comparator.naturalOrder());
  }

  /** A week and a day of windows ahead or behind always holds the next or last window edge. */
  private static final int WEEK = 8;

  /** A rotation's window edges on the days {@code first} to {@code last}, and its end. */
  private static void boundaries(
      Rotation rotation, ZoneId zone, LocalDate first, LocalDate last, List<Instant> into) {
    for (ShiftWindow window : rotation.windows()) {
      into.addAll(window.edges(first, last, zone));
    }
    if (rotation.end() != null) {
      into.add(instant(rotation.end(), zone));
    }
  }

  /** Whether a rotation has someone on call at {@code at}: started, not ended, in a window. */
  private static boolean onCallAt(Rotation rotation, ZoneId zone, Instant at) {
    if (turnAt(rotation, zone, at).isEmpty()
        || (rotation.end() != null && !at.isBefore(instant(rotation.end(), zone)))) {
      return false;
    }
    return rotation.windows().isEmpty()
        || rotation.windows().stream().anyMatch(window -> window.covers(at, zone));
  }

  /**
   * The last instant at or before {@code at} at which a hand-off, a window's edge, a rotation's end
   * or an override began or ended.
   */
  public static Optional<Instant> lastChange(Schedule schedule, Instant at) {
    ZoneId zone = schedule.timeZone();
    List<Instant> candidates = new ArrayList<>();
    for (ScheduleOverride override : schedule.overrides()) {
      candidates.add(override.from());
      candidates.add(override.to());
    }
    LocalDate today = at.atZone(zone).toLocalDate();
    for (Rotation rotation : schedule.rotations()) {
      long index = handoffIndexAtOrBefore(rotation, zone, at);
      if (index >= 0) {
        candidates.add(handoff(rotation, zone, index));
        boundaries(rotation, zone, today.minusDays(WEEK), today.plusDays(1), candidates);
      }
    }
    return candidates.stream().filter(c -> !c.isAfter(at)).max(Comparator.naturalOrder());
  }

  /** Whether a rotation of the schedule hands over at exactly {@code at}: a new turn begins. */
  public static boolean isHandoff(Schedule schedule, Instant at) {
    ZoneId zone = schedule.timeZone();
    for (Rotation rotation : schedule.rotations()) {
      long index = handoffIndexAtOrBefore(rotation, zone, at);
      if (index >= 0 && handoff(rotation, zone, index).equals(at)) {
        return true;
      }
    }
    return false;
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

  /** The overrides that put people of this step on call now, by person (rotation turns absent). */
  public static Map<String, ScheduleOverride> overridesFor(
      EscalationStep step, OnCall oncall, Instant now) {
    Map<String, ScheduleOverride> via = new LinkedHashMap<>();
    for (Target target : step.targets()) {
      if (target.kind() == Target.Kind.SCHEDULE) {
        for (OnDuty duty : whoAt(oncall.schedules().get(target.id()), now)) {
          if (duty.via() != null) {
            via.putIfAbsent(duty.person(), duty.via());
          }
        }
      }
    }
    return via;
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
