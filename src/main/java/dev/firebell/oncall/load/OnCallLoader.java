package dev.firebell.oncall.load;

import dev.firebell.channel.ChannelTypes;
import dev.firebell.channel.ContactCheck;
import dev.firebell.config.ConfigException;
import dev.firebell.config.DurationParser;
import dev.firebell.config.FirebellConfig;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.Target;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.load.OnCallFile.OverrideEntry;
import dev.firebell.oncall.load.OnCallFile.PersonEntry;
import dev.firebell.oncall.load.OnCallFile.PolicyEntry;
import dev.firebell.oncall.load.OnCallFile.RotationEntry;
import dev.firebell.oncall.load.OnCallFile.ScheduleEntry;
import dev.firebell.oncall.load.OnCallFile.StepEntry;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@code oncall.yaml} into an {@link OnCall}, refusing dangling references, policies without
 * steps, bad zones, durations and times, and contacts with missing fields, each with one line
 * naming the file and key.
 */
public final class OnCallLoader {
  private final String file;
  private final FirebellConfig config;

  public OnCallLoader(String file, FirebellConfig config) {
    this.file = file;
    this.config = config;
  }

  public OnCall load(OnCallFile raw) {
    Map<String, Person> people = new LinkedHashMap<>();
    for (int i = 0; i < raw.people().size(); i++) {
      Person person = person(raw.people().get(i), "people[" + i + "]");
      if (people.put(person.id(), person) != null) {
        throw problem("people[" + i + "].id", "'" + person.id() + "' is listed twice");
      }
    }
    Map<String, Schedule> schedules = new LinkedHashMap<>();
    for (int i = 0; i < raw.schedules().size(); i++) {
      Schedule schedule = schedule(raw.schedules().get(i), "schedules[" + i + "]", people);
      if (schedules.put(schedule.id(), schedule) != null) {
        throw problem("schedules[" + i + "].id", "'" + schedule.id() + "' is listed twice");
      }
    }
    Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
    for (int i = 0; i < raw.escalationPolicies().size(); i++) {
      String key = "escalationPolicies[" + i + "]";
      EscalationPolicy policy = policy(raw.escalationPolicies().get(i), key, people, schedules);
      if (policies.put(policy.id(), policy) != null) {
        throw problem(key + ".id", "'" + policy.id() + "' is listed twice");
      }
    }
    List<Route> routes = new ArrayList<>();
    for (int i = 0; i < raw.routes().size(); i++) {
      String key = "routes[" + i + "].policy";
      String policy = required(raw.routes().get(i).policy(), key);
      if (!policies.containsKey(policy)) {
        throw problem(key, "unknown escalation policy '" + policy + "'");
      }
      routes.add(new Route(Map.copyOf(raw.routes().get(i).match()), policy));
    }
    return new OnCall(
        Map.copyOf(people),
        Map.copyOf(schedules),
        Map.copyOf(policies),
        List.copyOf(routes),
        List.of());
  }

  private Person person(PersonEntry entry, String key) {
    String id = required(entry.id(), key + ".id");
    String name = entry.name() == null || entry.name().isBlank() ? id : entry.name();
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < entry.contacts().size(); i++) {
      contacts.add(
          ChannelTypes.read(
              entry.contacts().get(i),
              new ContactCheck(file, key + ".contacts[" + i + "]", config)));
    }
    return new Person(id, name, List.copyOf(contacts), entry.telegramUserId());
  }

  private Schedule schedule(ScheduleEntry entry, String key, Map<String, Person> people) {
    String id = required(entry.id(), key + ".id");
    ZoneId zone = zone(required(entry.timeZone(), key + ".timeZone"), key + ".timeZone");
    List<Rotation> rotations = new ArrayList<>();
    for (int i = 0; i < entry.rotations().size(); i++) {
      rotations.add(rotation(entry.rotations().get(i), key + ".rotations[" + i + "]", people));
    }
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (int i = 0; i < entry.overrides().size(); i++) {
      overrides.add(
          override(entry.overrides().get(i), key + ".overrides[" + i + "]", people, zone));
    }
    if (rotations.isEmpty() && overrides.isEmpty()) {
      throw problem(key + ".rotations", "a schedule needs at least one rotation");
    }
    return new Schedule(id, zone, List.copyOf(rotations), List.copyOf(overrides));
  }

  private Rotation rotation(RotationEntry entry, String key, Map<String, Person> people) {
    LocalDateTime start = localTime(required(entry.start(), key + ".start"), key + ".start");
    Duration every = duration(required(entry.every(), key + ".every"), key + ".every");
    if (every.compareTo(Duration.ofMinutes(1)) < 0) {
      throw problem(key + ".every", "must be at least 1m");
    }
    if (entry.people().isEmpty()) {
      throw problem(key + ".people", "a rotation needs at least one person");
    }
    for (int i = 0; i < entry.people().size(); i++) {
      knownPerson(entry.people().get(i), key + ".people[" + i + "]", people);
    }
    return new Rotation(start, every, List.copyOf(entry.people()));
  }

  private ScheduleOverride override(
      OverrideEntry entry, String key, Map<String, Person> people, ZoneId zone) {
    String person = knownPerson(required(entry.person(), key + ".person"), key + ".person", people);
    LocalDateTime from = localTime(required(entry.from(), key + ".from"), key + ".from");
    LocalDateTime to = localTime(required(entry.to(), key + ".to"), key + ".to");
    if (!to.isAfter(from)) {
      throw problem(key + ".to", "must be after from");
    }
    return ScheduleOverride.configured(
        person, from.atZone(zone).toInstant(), to.atZone(zone).toInstant());
  }

  private EscalationPolicy policy(
      PolicyEntry entry, String key, Map<String, Person> people, Map<String, Schedule> schedules) {
    String id = required(entry.id(), key + ".id");
    if (entry.steps().isEmpty()) {
      throw problem(key + ".steps", "a policy needs at least one step");
    }
    if (entry.repeat() < 0) {
      throw problem(key + ".repeat", "must not be negative");
    }
    List<EscalationStep> steps = new ArrayList<>();
    for (int i = 0; i < entry.steps().size(); i++) {
      steps.add(step(entry.steps().get(i), key + ".steps[" + i + "]", people, schedules));
    }
    Duration ackTimeout = null;
    if (entry.ackTimeout() != null && !entry.ackTimeout().isBlank()) {
      ackTimeout = duration(entry.ackTimeout(), key + ".ackTimeout");
      if (ackTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
        throw problem(key + ".ackTimeout", "must be at least 1m");
      }
    }
    return new EscalationPolicy(id, List.copyOf(steps), entry.repeat(), ackTimeout);
  }

  private EscalationStep step(
      StepEntry entry, String key, Map<String, Person> people, Map<String, Schedule> schedules) {
    if (entry.targets().isEmpty()) {
      throw problem(key + ".targets", "a step needs at least one target");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < entry.targets().size(); i++) {
      targets.add(target(entry.targets().get(i), key + ".targets[" + i + "]", people, schedules));
    }
    Duration after =
        duration(required(entry.escalateAfter(), key + ".escalateAfter"), key + ".escalateAfter");
    if (after.compareTo(Duration.ofMinutes(1)) < 0) {
      throw problem(key + ".escalateAfter", "must be at least 1m");
    }
    return new EscalationStep(List.copyOf(targets), after);
  }

  private Target target(
      String text, String key, Map<String, Person> people, Map<String, Schedule> schedules) {
    String value = required(text, key);
    if (value.startsWith("schedule:")) {
      String id = value.substring("schedule:".length());
      if (!schedules.containsKey(id)) {
        throw problem(key, "unknown schedule '" + id + "'");
      }
      return new Target(Target.Kind.SCHEDULE, id);
    }
    if (value.startsWith("person:")) {
      return new Target(
          Target.Kind.PERSON, knownPerson(value.substring("person:".length()), key, people));
    }
    throw problem(key, "'" + value + "' must be schedule:<id> or person:<id>");
  }

  private String knownPerson(String id, String key, Map<String, Person> people) {
    if (!people.containsKey(id)) {
      throw problem(key, "unknown person '" + id + "'");
    }
    return id;
  }

  private ZoneId zone(String text, String key) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw problem(key, "'" + text + "' is not a time zone (use a name like America/Denver)");
    }
  }

  private LocalDateTime localTime(String text, String key) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(key, "'" + text + "' is not a local date and time (write 2026-01-05T09:00)");
    }
  }

  private Duration duration(String text, String key) {
    try {
      return DurationParser.parse(text);
    } catch (IllegalArgumentException e) {
      throw problem(key, e.getMessage());
    }
  }

  private String required(String value, String key) {
    if (value == null || value.isBlank()) {
      throw problem(key, "is required");
    }
    return value.strip();
  }

  private ConfigException problem(String key, String message) {
    return new ConfigException(file, key, message);
  }
}
