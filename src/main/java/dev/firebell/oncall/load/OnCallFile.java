package dev.firebell.oncall.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.firebell.oncall.contact.ContactEntry;
import java.util.List;
import java.util.Map;

/**
 * {@code oncall.yaml} as written: text values, checked and turned into {@link
 * dev.firebell.oncall.OnCall} by {@link OnCallLoader}.
 */
public record OnCallFile(
    List<PersonEntry> people,
    List<ScheduleEntry> schedules,
    List<PolicyEntry> escalationPolicies,
    List<RouteEntry> routes) {

  public OnCallFile {
    people = people == null ? List.of() : people;
    schedules = schedules == null ? List.of() : schedules;
    escalationPolicies = escalationPolicies == null ? List.of() : escalationPolicies;
    routes = routes == null ? List.of() : routes;
  }

  public record PersonEntry(
      String id,
      String name,
      List<ContactEntry> contacts,
      @JsonProperty("notify") NotifyEntry rules,
      Long telegramUserId,
      String timeZone,
      String slackUserId,
      String email,
      String role) {
    public PersonEntry {
      contacts = contacts == null ? List.of() : contacts;
    }
  }

  /** A person's notification rules; a list left out is null (not empty), as written. */
  public record NotifyEntry(List<RuleEntry> high, List<RuleEntry> low) {}

  /**
   * Page {@code contact} (an id) {@code after} the step that pages the person (at once if null).
   */
  public record RuleEntry(String contact, String after) {}

  public record ScheduleEntry(
      String id, String timeZone, List<RotationEntry> rotations, List<OverrideEntry> overrides) {
    public ScheduleEntry {
      rotations = rotations == null ? List.of() : rotations;
      overrides = overrides == null ? List.of() : overrides;
    }
  }

  public record RotationEntry(
      String start,
      String every,
      List<String> people,
      List<RestrictionEntry> restrictions,
      Integer priority,
      String end) {
    public RotationEntry {
      people = people == null ? List.of() : people;
      restrictions = restrictions == null ? List.of() : restrictions;
    }
  }

  /** A shift window: {@code days} (every day when left out), {@code from} and {@code to}. */
  public record RestrictionEntry(List<String> days, String from, String to) {
    public RestrictionEntry {
      days = days == null ? List.of() : days;
    }
  }

  public record OverrideEntry(String person, String from, String to) {}

  public record PolicyEntry(String id, List<StepEntry> steps, Integer repeat, String ackTimeout) {
    public PolicyEntry {
      steps = steps == null ? List.of() : steps;
      repeat = repeat == null ? 0 : repeat;
    }
  }

  public record StepEntry(List<String> targets, String escalateAfter) {
    public StepEntry {
      targets = targets == null ? List.of() : targets;
    }
  }

  public record RouteEntry(
      Map<String, String> match, List<String> matchers, String urgency, String policy) {
    public RouteEntry {
      match = match == null ? Map.of() : match;
      matchers = matchers == null ? List.of() : matchers;
    }
  }
}
