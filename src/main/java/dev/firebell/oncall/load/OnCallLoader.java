package dev.firebell.oncall.load;

import dev.firebell.config.FirebellConfig;
import dev.firebell.config.Urgency;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.LabelMatcher;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Target;
import dev.firebell.oncall.load.OnCallFile.PolicyEntry;
import dev.firebell.oncall.load.OnCallFile.RouteEntry;
import dev.firebell.oncall.load.OnCallFile.StepEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code oncall.yaml} into an {@link OnCall}, refusing dangling references, policies without
 * steps, bad zones, durations and times, and contacts with missing fields, each with one line
 * naming the file and key.
 */
public final class OnCallLoader {
  private final Fields fields;
  private final PersonReader persons;

  public OnCallLoader(String file, FirebellConfig config) {
    this.fields = new Fields(file);
    this.persons = new PersonReader(file, fields, config);
  }

  /** A way to know a person that names one person only: sign-in and chat act as them. */
  private void unique(
      Map<String, String> taken, String value, Person person, String key, String what) {
    if (value == null) {
      return;
    }
    String other = taken.putIfAbsent(value, person.id());
    if (other != null) {
      throw fields.problem(key, "'" + value + "' is already " + other + "'s " + what);
    }
  }

  public OnCall load(OnCallFile raw) {
    Map<String, Person> people = new LinkedHashMap<>();
    Map<String, String> slackUsers = new HashMap<>();
    Map<String, String> emails = new HashMap<>();
    for (int i = 0; i < raw.people().size(); i++) {
      String key = "people[" + i + "]";
      Person person = persons.read(raw.people().get(i), key);
      if (people.put(person.id(), person) != null) {
        throw fields.problem(key + ".id", "'" + person.id() + "' is listed twice");
      }
      unique(slackUsers, person.slackUserId(), person, key + ".slackUserId", "Slack member id");
      unique(
          emails,
          person.email() == null ? null : person.email().toLowerCase(java.util.Locale.ROOT),
          person,
          key + ".email",
          "email");
    }
    Map<String, Schedule> schedules = new LinkedHashMap<>();
    for (int i = 0; i < raw.schedules().size(); i++) {
      Schedule schedule =
          new ScheduleReader(fields)
              .schedule(raw.schedules().get(i), "schedules[" + i + "]", people);
      if (schedules.put(schedule.id(), schedule) != null) {
        throw fields.problem("schedules[" + i + "].id", "'" + schedule.id() + "' is listed twice");
      }
    }
    Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
    for (int i = 0; i < raw.escalationPolicies().size(); i++) {
      String key = "escalationPolicies[" + i + "]";
      EscalationPolicy policy = policy(raw.escalationPolicies().get(i), key, people, schedules);
      if (policies.put(policy.id(), policy) != null) {
        throw fields.problem(key + ".id", "'" + policy.id() + "' is listed twice");
      }
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < raw.routes().size(); i++) {
      routes.add(route(raw.routes().get(i), "routes[" + i + "]", policies));
    }
    return new OnCall(
        Map.copyOf(people),
        Map.copyOf(schedules),
        Map.copyOf(policies),
        List.copyOf(routes),
        List.of());
  }

  /** A route: its policy, its {@code match} and its Alertmanager {@code matchers}. */
  private Route route(RouteEntry entry, String key, Map<String, EscalationPolicy> policies) {
    String policy = fields.required(entry.policy(), key + ".policy");
    if (!policies.containsKey(policy)) {
      throw fields.problem(key + ".policy", "unknown escalation policy '" + policy + "'");
    }
    List<LabelMatcher> matchers = new ArrayList<>();
    for (int i = 0; i < entry.matchers().size(); i++) {
      String matcherKey = key + ".matchers[" + i + "]";
      try {
        matchers.add(LabelMatcher.parse(fields.required(entry.matchers().get(i), matcherKey)));
      } catch (IllegalArgumentException e) {
        throw fields.problem(matcherKey, e.getMessage());
      }
    }
    Urgency urgency = null;
    if (entry.urgency() != null) {
      try {
        urgency = Urgency.parse(entry.urgency());
      } catch (IllegalArgumentException e) {
        throw fields.problem(key + ".urgency", e.getMessage());
      }
    }
    return new Route(entry.match(), matchers, urgency, policy);
  }

  private EscalationPolicy policy(
      PolicyEntry entry, String key, Map<String, Person> people, Map<String, Schedule> schedules) {
    String id = fields.required(entry.id(), key + ".id");
    if (entry.steps().isEmpty()) {
      throw fields.problem(key + ".steps", "a policy needs at least one step");
    }
    if (entry.repeat() < 0) {
      throw fields.problem(key + ".repeat", "must not be negative");
    }
    List<EscalationStep> steps = new ArrayList<>();
    for (int i = 0; i < entry.steps().size(); i++) {
      steps.add(step(entry.steps().get(i), key + ".steps[" + i + "]", people, schedules));
    }
    Duration ackTimeout = null;
    if (entry.ackTimeout() != null && !entry.ackTimeout().isBlank()) {
      ackTimeout = fields.duration(entry.ackTimeout(), key + ".ackTimeout");
      if (ackTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
        throw fields.problem(key + ".ackTimeout", "must be at least 1m");
      }
    }
    return new EscalationPolicy(id, List.copyOf(steps), entry.repeat(), ackTimeout);
  }

  private EscalationStep step(
      StepEntry entry, String key, Map<String, Person> people, Map<String, Schedule> schedules) {
    if (entry.targets().isEmpty()) {
      throw fields.problem(key + ".targets", "a step needs at least one target");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < entry.targets().size(); i++) {
      targets.add(target(entry.targets().get(i), key + ".targets[" + i + "]", people, schedules));
    }
    Duration after =
        fields.duration(
            fields.required(entry.escalateAfter(), key + ".escalateAfter"), key + ".escalateAfter");
    if (after.compareTo(Duration.ofMinutes(1)) < 0) {
      throw fields.problem(key + ".escalateAfter", "must be at least 1m");
    }
    return new EscalationStep(List.copyOf(targets), after);
  }

  private Target target(
      String text, String key, Map<String, Person> people, Map<String, Schedule> schedules) {
    String value = fields.required(text, key);
    if (value.startsWith("schedule:")) {
      String id = value.substring("schedule:".length());
      if (!schedules.containsKey(id)) {
        throw fields.problem(key, "unknown schedule '" + id + "'");
      }
      return new Target(Target.Kind.SCHEDULE, id);
    }
    if (value.startsWith("person:")) {
      return new Target(
          Target.Kind.PERSON, fields.knownPerson(value.substring("person:".length()), key, people));
    }
    throw fields.problem(key, "'" + value + "' must be schedule:<id> or person:<id>");
  }
}
