package dev.firebell.oncall;

import dev.firebell.oncall.override.OverrideRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The on-call configuration: people, schedules, escalation policies and routes, already checked for
 * dangling references. {@code warnings} are problems worth showing but not worth refusing.
 */
public record OnCall(
    Map<String, Person> people,
    Map<String, Schedule> schedules,
    Map<String, EscalationPolicy> policies,
    List<Route> routes,
    List<String> warnings) {

  public static OnCall empty() {
    return new OnCall(Map.of(), Map.of(), Map.of(), List.of(), List.of());
  }

  public Optional<Person> person(String id) {
    return Optional.ofNullable(people.get(id));
  }

  /** "Tessa, Sam" for these people (an id for one gone from the rota), or "nobody". */
  public String names(List<String> ids) {
    return ids.isEmpty()
        ? "nobody"
        : ids.stream()
            .map(id -> person(id).map(Person::name).orElse(id))
            .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The policy of the first route whose labels match. */
  public Optional<EscalationPolicy> policyFor(Map<String, String> labels) {
    return routeFor(labels).map(route -> policies.get(route.policy()));
  }

  /** The first route that matches {@code labels}. */
  public Optional<Route> routeFor(Map<String, String> labels) {
    return routes.stream().filter(route -> route.matches(labels)).findFirst();
  }

  /**
   * This configuration with runtime overrides layered over each schedule's own, in the order given.
   * One whose schedule or person is no longer in the file is left out, with a warning.
   */
  public OnCall withRuntimeOverrides(List<OverrideRepository.StoredOverride> runtime) {
    if (runtime.isEmpty()) {
      return this;
    }
    Map<String, List<ScheduleOverride>> bySchedule = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>(warnings);
    for (OverrideRepository.StoredOverride stored : runtime) {
      ScheduleOverride override = stored.override();
      if (!schedules.containsKey(stored.scheduleId())
          || !people.containsKey(override.person())
          || (override.replaces() != null && !people.containsKey(override.replaces()))) {
        ignored.add(
            override.describe()
                + " is ignored: its schedule or person is no longer in the on-call file");
        continue;
      }
      bySchedule.computeIfAbsent(stored.scheduleId(), id -> new ArrayList<>()).add(override);
    }
    Map<String, Schedule> layered = new LinkedHashMap<>(schedules);
    bySchedule.forEach(
        (id, overrides) -> {
          Schedule schedule = schedules.get(id);
          List<ScheduleOverride> all = new ArrayList<>(schedule.overrides());
          all.addAll(overrides);
          layered.put(
              id, new Schedule(id, schedule.timeZone(), schedule.rotations(), List.copyOf(all)));
        });
    return new OnCall(people, Map.copyOf(layered), policies, routes, List.copyOf(ignored));
  }

  public OnCall withWarnings(List<String> newWarnings) {
    return new OnCall(people, schedules, policies, routes, newWarnings);
  }
}
