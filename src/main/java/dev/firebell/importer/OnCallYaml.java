package dev.firebell.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.DurationParser;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.LabelMatcher;
import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.ShiftWindow;
import dev.firebell.oncall.contact.Contact;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.EmailContact;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.PhoneContact;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes an imported rota as {@code oncall.yaml}, in the order the vendor listed it, every string
 * double-quoted (so no name can change the file's structure), with the report's notes as comments
 * beside the entries they concern.
 */
public final class OnCallYaml {
  private final ObjectMapper json;

  public OnCallYaml(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @param header the first comment lines: where the rota came from and when
   * @param order the ids of people, schedules and policies in the vendor's order
   */
  public String write(List<String> header, Imported imported, Order order) {
    OnCall oncall = imported.oncall();
    ImportReport report = imported.report();
    StringBuilder yaml = new StringBuilder();
    header.forEach(line -> yaml.append("# ").append(line).append('\n'));
    yaml.append("\npeople:").append(order.people().isEmpty() ? " []\n" : "\n");
    for (String id : order.people()) {
      person(yaml, oncall.people().get(id), report.notesFor("person:" + id));
    }
    yaml.append("\nschedules:").append(order.schedules().isEmpty() ? " []\n" : "\n");
    for (String id : order.schedules()) {
      schedule(yaml, oncall.schedules().get(id), report.notesFor("schedule:" + id));
    }
    yaml.append("\nescalationPolicies:").append(order.policies().isEmpty() ? " []\n" : "\n");
    for (String id : order.policies()) {
      policy(yaml, oncall.policies().get(id), report.notesFor("policy:" + id));
    }
    yaml.append("\nroutes:").append(oncall.routes().isEmpty() ? " []\n" : "\n");
    for (int i = 0; i < oncall.routes().size(); i++) {
      route(yaml, oncall.routes().get(i), report.notesFor("route:" + i));
    }
    if (!order.policies().isEmpty()) {
      yaml.append("  # An incident no route matches pages nobody; a catch-all route fixes that:\n")
          .append("  # - { policy: ")
          .append(quote(order.policies().get(0)))
          .append(" }\n");
    }
    return yaml.toString();
  }

  /** The ids of each kind in the vendor's order. */
  public record Order(List<String> people, List<String> schedules, List<String> policies) {}

  private void person(StringBuilder yaml, Person person, List<String> notes) {
    comments(yaml, "  ", notes);
    yaml.append("  - id: ").append(quote(person.id())).append('\n');
    yaml.append("    name: ").append(quote(person.name())).append('\n');
    yaml.append("    contacts:").append(person.contacts().isEmpty() ? " []\n" : "\n");
    for (ContactMethod contact : person.contacts()) {
      yaml.append("      - { id: ")
          .append(quote(contact.id()))
          .append(", type: ")
          .append(contact.channel())
          .append(", to: ")
          .append(quote(address(contact.contact())))
          .append(" }\n");
    }
    if (!person.rules().isEmpty()) {
      yaml.append("    notify:\n");
      rules(yaml, "high", person.rules().high());
      rules(yaml, "low", person.rules().low());
    }
  }

  private void rules(StringBuilder yaml, String urgency, List<NotificationRule> rules) {
    if (rules.isEmpty()) {
      return;
    }
    yaml.append("      ").append(urgency).append(":\n");
    for (NotificationRule rule : rules) {
      yaml.append("        - { contact: ").append(quote(rule.contactId()));
      if (!rule.after().isZero()) {
        yaml.append(", after: ").append(DurationParser.format(rule.after()));
      }
      yaml.append(" }\n");
    }
  }

  private void schedule(StringBuilder yaml, Schedule schedule, List<String> notes) {
    comments(yaml, "  ", notes);
    yaml.append("  - id: ").append(quote(schedule.id())).append('\n');
    yaml.append("    timeZone: ").append(quote(schedule.timeZone().getId())).append('\n');
    yaml.append("    rotations:").append(schedule.rotations().isEmpty() ? " []\n" : "\n");
    for (Rotation rotation : schedule.rotations()) {
      yaml.append("      - start: ").append(quote(local(rotation.start()))).append('\n');
      yaml.append("        every: ").append(DurationParser.format(rotation.every())).append('\n');
      yaml.append("        people: [")
          .append(rotation.people().stream().map(this::quote).collect(Collectors.joining(", ")))
          .append("]\n");
      if (rotation.priority() != 0) {
        yaml.append("        priority: ").append(rotation.priority()).append('\n');
      }
      if (rotation.end() != null) {
        yaml.append("        end: ").append(quote(local(rotation.end()))).append('\n');
      }
      if (!rotation.windows().isEmpty()) {
        yaml.append("        restrictions:\n");
        for (ShiftWindow window : rotation.windows()) {
          yaml.append("          - { ");
          if (!window.days().isEmpty()) {
            yaml.append("days: [").append(days(window)).append("], ");
          }
          yaml.append("from: ")
              .append(quote(window.from().toString()))
              .append(", to: ")
              .append(quote(window.to().toString()))
              .append(" }\n");
        }
      }
    }
    if (!schedule.overrides().isEmpty()) {
      ZoneId zone = schedule.timeZone();
      yaml.append("    overrides:\n");
      for (ScheduleOverride override : schedule.overrides()) {
        yaml.append("      - { person: ")
            .append(quote(override.person()))
            .append(", from: ")
            .append(quote(local(LocalDateTime.ofInstant(override.from(), zone))))
            .append(", to: ")
            .append(quote(local(LocalDateTime.ofInstant(override.to(), zone))))
            .append(" }\n");
      }
    }
  }

  private void policy(StringBuilder yaml, EscalationPolicy policy, List<String> notes) {
    comments(yaml, "  ", notes);
    yaml.append("  - id: ").append(quote(policy.id())).append('\n');
    yaml.append("    steps:\n");
    for (EscalationStep step : policy.steps()) {
      yaml.append("      - { targets: [")
          .append(
              step.targets().stream()
                  .map(target -> quote(target.toString()))
                  .collect(Collectors.joining(", ")))
          .append("], escalateAfter: ")
          .append(DurationParser.format(step.escalateAfter()))
          .append(" }\n");
    }
    if (policy.repeat() > 0) {
      yaml.append("    repeat: ").append(policy.repeat()).append('\n');
    }
  }

  private void route(StringBuilder yaml, Route route, List<String> notes) {
    comments(yaml, "  ", notes);
    yaml.append("  - { ");
    if (!route.matchers().isEmpty()) {
      yaml.append("matchers: [")
          .append(
              route.matchers().stream()
                  .map(LabelMatcher::text)
                  .map(this::quote)
                  .collect(Collectors.joining(", ")))
          .append("], ");
    }
    if (route.urgency() != null) {
      yaml.append("urgency: ").append(route.urgency().wireName()).append(", ");
    }
    yaml.append("policy: ").append(quote(route.policy())).append(" }\n");
  }

  private static void comments(StringBuilder yaml, String indent, List<String> notes) {
    for (String note : notes) {
      yaml.append(indent).append("# ").append(note.replace('\n', ' ')).append('\n');
    }
  }

  private static String address(Contact contact) {
    if (contact instanceof PhoneContact phone) {
      return phone.to();
    }
    if (contact instanceof EmailContact email) {
      return email.to();
    }
    throw new IllegalArgumentException(contact.channel() + " contacts are not imported");
  }

  private static String days(ShiftWindow window) {
    return window.days().stream()
        .sorted(Comparator.naturalOrder())
        .map(OnCallYaml::day)
        .collect(Collectors.joining(", "));
  }

  static String day(DayOfWeek day) {
    return day.name().substring(0, 3).toLowerCase(Locale.ROOT);
  }

  /** A wall-clock time as oncall.yaml reads it: minutes always, seconds when there are any. */
  private static String local(LocalDateTime time) {
    return time.getSecond() == 0 && time.getNano() == 0
        ? time.toLocalDate() + "T" + time.toLocalTime().withSecond(0).toString().substring(0, 5)
        : time.withNano(0).toString();
  }

  private String quote(String text) {
    try {
      return json.writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always writes as JSON", e);
    }
  }
}
