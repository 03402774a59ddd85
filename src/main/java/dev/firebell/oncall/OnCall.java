package dev.firebell.oncall;

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

  /** The policy of the first route whose labels match. */
  public Optional<EscalationPolicy> policyFor(Map<String, String> labels) {
    return routes.stream()
        .filter(route -> route.matches(labels))
        .findFirst()
        .map(route -> policies.get(route.policy()));
  }

  public OnCall withWarnings(List<String> newWarnings) {
    return new OnCall(people, schedules, policies, routes, newWarnings);
  }
}
