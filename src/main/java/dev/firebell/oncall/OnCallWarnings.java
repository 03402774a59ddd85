package dev.firebell.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Problems that do not stop start-up but will hurt at 3 a.m.: a schedule with a gap in the next
 * seven days, or a person nobody can reach.
 */
public final class OnCallWarnings {
  private static final Duration LOOK_AHEAD = Duration.ofDays(7);

  private OnCallWarnings() {}

  /** The warnings found when the configuration was read, then those about the coming week. */
  public static List<String> all(OnCall oncall, Instant now) {
    List<String> all = new ArrayList<>(oncall.warnings());
    all.addAll(of(oncall, now));
    return List.copyOf(all);
  }

  public static List<String> of(OnCall oncall, Instant now) {
    List<String> warnings = new ArrayList<>();
    oncall.people().values().stream()
        .filter(person -> person.contacts().isEmpty())
        .forEach(
            person ->
                warnings.add(
                    "person '" + person.id() + "' has no contacts: pages to them reach nobody"));
    for (Schedule schedule : oncall.schedules().values()) {
      gapWithin(schedule, now, now.plus(LOOK_AHEAD))
          .ifPresent(
              gap ->
                  warnings.add(
                      "schedule '"
                          + schedule.id()
                          + "' has nobody on call at "
                          + gap
                          + " (within the next 7 days)"));
    }
    return List.copyOf(warnings);
  }

  /** The first instant in [from, until) at which nobody is on call. */
  private static Optional<Instant> gapWithin(Schedule schedule, Instant from, Instant until) {
    Instant at = from;
    while (at.isBefore(until)) {
      if (OnCallResolver.onCallAt(schedule, at).isEmpty()) {
        return Optional.of(at);
      }
      at = OnCallResolver.nextChange(schedule, at).orElse(until);
    }
    return Optional.empty();
  }
}
