package dev.firebell.web.ui;

import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Schedule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Whom the "Declare incident" form can page: each person, everyone on call in each schedule, each
 * policy from its first step. A value is written {@code person:sam}, as the timeline names it.
 */
final class DeclareTargets {
  private DeclareTargets() {}

  static List<Map<String, String>> of(OnCall oncall) {
    List<Map<String, String>> targets = new ArrayList<>();
    oncall.people().values().stream()
        .sorted(Comparator.comparing(Person::name))
        .forEach(person -> targets.add(target("person:" + person.id(), person.name())));
    oncall.schedules().values().stream()
        .sorted(Comparator.comparing(Schedule::id))
        .forEach(
            schedule ->
                targets.add(
                    target("schedule:" + schedule.id(), "Everyone on call in " + schedule.id())));
    oncall.policies().values().stream()
        .sorted(Comparator.comparing(EscalationPolicy::id))
        .forEach(policy -> targets.add(target("policy:" + policy.id(), "Policy " + policy.id())));
    return targets;
  }

  /** People and schedules, for "Add responder" (a policy's steps are for escalation). */
  static List<Map<String, String>> responders(OnCall oncall) {
    return of(oncall).stream()
        .filter(target -> !target.get("value").startsWith("policy:"))
        .toList();
  }

  private static Map<String, String> target(String value, String label) {
    return Map.of("value", value, "label", label);
  }
}
