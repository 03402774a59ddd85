package dev.firebell.importer.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.importer.ContactNumbering;
import dev.firebell.importer.ImportFailed;
import dev.firebell.importer.ImportReport;
import dev.firebell.importer.Imported;
import dev.firebell.importer.RotaCheck;
import dev.firebell.importer.Slugs;
import dev.firebell.importer.VendorHttp;
import dev.firebell.importer.VendorImport;
import dev.firebell.importer.VendorValues;
import dev.firebell.oncall.EscalationPolicy;
import dev.firebell.oncall.EscalationStep;
import dev.firebell.oncall.LabelMatcher;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Route;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.ShiftWindow;
import dev.firebell.oncall.Target;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.ContactType;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.NotificationRules;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Imports from Opsgenie's REST API v2. People are its users ({@code username} is their email;
 * contacts: voice → voice, sms → sms, email → email; the mobile app is reported), with the steps of
 * their create-alert notification rule and each step's {@code sendAfter}. Schedules keep their
 * rotations, all on call together as in Opsgenie, each handing off every {@code length} hours, days
 * or weeks from its {@code startDate}, with its {@code timeRestriction} as shift windows.
 * Escalation rules count their delays from the alert; Firebell's steps wait from one step to the
 * next, so the delays become the differences between steps (rules with the same delay are one step)
 * and {@code repeat.count} the policy's {@code repeat}. Teams' routing rules on extra properties
 * become routes.
 */
public final class OpsgenieImport implements VendorImport {
  static final Duration OVERRIDES_AHEAD = Duration.ofDays(90);
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  private final OpsgenieApi api;
  private final Map<String, String> personOfUser = new HashMap<>();

  public OpsgenieImport(VendorHttp http) {
    this.api = new OpsgenieApi(http);
  }

  public static Map<String, String> headers(String key) {
    return OpsgenieApi.headers(key);
  }

  @Override
  public String vendor() {
    return "Opsgenie";
  }

  @Override
  public Imported read(Instant now) throws ImportFailed {
    ImportReport report = new ImportReport();
    Map<String, Person> people = new LinkedHashMap<>();
    Slugs personIds = new Slugs();
    for (JsonNode user : api.all("/v2/users")) {
      Person person = person(user, personIds, report);
      people.put(person.id(), person);
      personOfUser.put(user.path("id").asText(), person.id());
    }

    Map<String, Schedule> schedules = new LinkedHashMap<>();
    Map<String, String> scheduleIds = new HashMap<>();
    Map<String, String> vendorScheduleIds = new LinkedHashMap<>();
    Slugs scheduleSlugs = new Slugs();
    for (JsonNode schedule : api.list("/v2/schedules?expand=rotation")) {
      String vendorId = schedule.path("id").asText();
      if (!schedule.path("enabled").asBoolean(true)) {
        report.skipped(
            "schedule", vendorId, "'" + schedule.path("name").asText() + "' is disabled");
        continue;
      }
      String id = scheduleSlugs.of(schedule.path("name").asText(), vendorId);
      Schedule mapped = schedule(id, vendorId, schedule, now, report);
      if (mapped != null) {
        schedules.put(id, mapped);
        scheduleIds.put(vendorId, id);
        vendorScheduleIds.put(id, vendorId);
      }
    }

    Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
    Map<String, String> policyIds = new HashMap<>();
    Slugs policySlugs = new Slugs();
    for (JsonNode escalation : api.list("/v2/escalations")) {
      String vendorId = escalation.path("id").asText();
      String id = policySlugs.of(escalation.path("name").asText(), vendorId);
      EscalationPolicy policy = policy(id, vendorId, escalation, scheduleIds, report);
      if (policy != null) {
        policies.put(id, policy);
        policyIds.put(vendorId, id);
      }
    }

    List<Route> routes = new ArrayList<>();
    for (JsonNode team : api.list("/v2/teams")) {
      String teamId = team.path("id").asText();
      List<JsonNode> rules = api.list("/v2/teams/" + encode(teamId) + "/routing-rules");
      rules.sort((a, b) -> Integer.compare(a.path("order").asInt(), b.path("order").asInt()));
      for (JsonNode rule : rules) {
        routes.addAll(routes(team, rule, policyIds, routes.size(), report));
      }
    }

    return Imported.of(people, schedules, policies, routes, vendorScheduleIds, report);
  }

  @Override
  public List<RotaCheck.Shift> rendered(String vendorScheduleId, Instant from, Instant to)
      throws ImportFailed {
    long days = Math.max(1, Duration.between(from, to).toDays());
    JsonNode timeline =
        api.one(
            "/v2/schedules/"
                + encode(vendorScheduleId)
                + "/timeline?intervalUnit=days&interval="
                + days
                + "&date="
                + encode(from.toString()));
    List<RotaCheck.Shift> shifts = new ArrayList<>();
    for (JsonNode rotation : timeline.path("finalTimeline").path("rotations")) {
      for (JsonNode period : rotation.path("periods")) {
        JsonNode recipient = period.path("recipient");
        if (!"user".equals(recipient.path("type").asText())) {
          continue;
        }
        String user = recipient.path("id").asText();
        shifts.add(
            new RotaCheck.Shift(
                personOfUser.getOrDefault(user, "?" + user),
                instant(period.path("startDate").asText(), "periods.startDate"),
                instant(period.path("endDate").asText(), "periods.endDate")));
      }
    }
    return shifts;
  }

  private Person person(JsonNode user, Slugs ids, ImportReport report) throws ImportFailed {
    String vendorId = user.path("id").asText();
    String name = user.path("fullName").asText(user.path("username").asText(vendorId));
    String id = ids.ofEmail(user.path("username").asText(null), name, vendorId);
    String path = "/v2/users/" + encode(vendorId);
    List<ContactMethod> contacts = new ArrayList<>();
    Map<String, String> contactOf = new HashMap<>(); // "sms|1-555…" -> contact id
    ContactNumbering numbering = new ContactNumbering();
    for (JsonNode contact : api.list(path + "/contacts")) {
      String method = contact.path("method").asText();
      String to = contact.path("to").asText("");
      Optional<ContactMethod> mapped =
          switch (method) {
            case "voice" -> numbering.phone(ContactType.VOICE, null, to);
            case "sms" -> numbering.phone(ContactType.SMS, null, to);
            case "email" -> numbering.email(to);
            default -> Optional.empty();
          };
      if (mapped.isEmpty()) {
        report.skipped(
            "contact",
            contact.path("id").asText(),
            name
                + "'s "
                + method
                + " contact"
                + ("mobile".equals(method) ? ": Firebell has no app; add ntfy or Pushover" : ""));
        continue;
      }
      contacts.add(mapped.get());
      contactOf.put(method + "|" + to, mapped.get().id());
    }
    List<NotificationRule> high = new ArrayList<>();
    boolean first = true;
    for (JsonNode rule : api.list(path + "/notification-rules")) {
      if (!"create-alert".equals(rule.path("actionType").asText())
          || !rule.path("enabled").asBoolean(true)) {
        continue;
      }
      if (!first) {
        report.skipped(
            "notification rule",
            rule.path("id").asText(),
            name + "'s further create-alert rule '" + rule.path("name").asText() + "'");
        continue;
      }
      first = false;
      String rulePath = path + "/notification-rules/" + encode(rule.path("id").asText()) + "/steps";
      for (JsonNode step : api.list(rulePath)) {
        if (!step.path("enabled").asBoolean(true)) {
          continue;
        }
        JsonNode contact = step.path("contact");
        String contactId =
            contactOf.get(contact.path("method").asText() + "|" + contact.path("to").asText());
        if (contactId == null) {
          report.skipped(
              "notification step",
              step.path("id").asText(),
              name + "'s step pages a contact that was not imported");
          continue;
        }
        NotificationRule mapped = new NotificationRule(contactId, delay(step.path("sendAfter")));
        if (!high.contains(mapped)) {
          high.add(mapped);
        }
      }
    }
    return new Person(
        id, name, List.copyOf(contacts), new NotificationRules(high, List.of()), null);
  }

  private Schedule schedule(
      String id, String vendorId, JsonNode schedule, Instant now, ImportReport report)
      throws ImportFailed {
    ZoneId zone;
    try {
      zone = ZoneId.of(schedule.path("timezone").asText());
    } catch (DateTimeException e) {
      report.skipped(
          "schedule",
          vendorId,
          "its timezone '" + schedule.path("timezone").asText() + "' is not an IANA zone");
      return null;
    }
    List<Rotation> rotations = new ArrayList<>();
    for (JsonNode rotation : schedule.path("rotations")) {
      Rotation mapped = rotation(id, vendorId, rotation, zone, now, report);
      if (mapped != null) {
        rotations.add(mapped);
      }
    }
    if (rotations.isEmpty()) {
      report.skipped("schedule", vendorId, "none of its rotations could be imported");
      return null;
    }
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (JsonNode override : api.list("/v2/schedules/" + encode(vendorId) + "/overrides")) {
      Instant start = instant(override.path("startDate").asText(), "overrides.startDate");
      Instant end = instant(override.path("endDate").asText(), "overrides.endDate");
      String overrideId = vendorId + "/" + override.path("alias").asText();
      String person = personOfUser.get(override.path("user").path("id").asText());
      if (!end.isAfter(now) || start.isAfter(now.plus(OVERRIDES_AHEAD))) {
        continue;
      }
      if (person == null) {
        report.skipped("override", overrideId, "it puts someone on call who was not imported");
        continue;
      }
      if (override.path("rotations").size() > 0
          && override.path("rotations").size() < schedule.path("rotations").size()) {
        report.approximated(
            "schedule:" + id,
            "override",
            overrideId,
            "an override of some of its rotations from "
                + start
                + " replaces everyone in Firebell");
      }
      overrides.add(ScheduleOverride.configured(person, start, end));
    }
    return new Schedule(id, zone, List.copyOf(rotations), List.copyOf(overrides));
  }

  private Rotation rotation(
      String scheduleId,
      String vendorId,
      JsonNode rotation,
      ZoneId zone,
      Instant now,
      ImportReport report)
      throws ImportFailed {
    String name = rotation.path("name").asText("rotation");
    String rotationId = vendorId + "/" + rotation.path("id").asText(name);
    String what = "rotation";
    Instant end =
        rotation.path("endDate").isTextual()
            ? instant(rotation.path("endDate").asText(), "endDate")
            : null;
    if (end != null && !end.isAfter(now)) {
      report.skipped(what, rotationId, "'" + name + "' ended at " + end);
      return null;
    }
    List<String> people = new ArrayList<>();
    boolean withNobody = false;
    for (JsonNode participant : rotation.path("participants")) {
      String type = participant.path("type").asText();
      String person = personOfUser.get(participant.path("id").asText());
      if ("user".equals(type) && person != null) {
        people.add(person);
      } else if ("none".equals(type)) {
        withNobody = true;
      } else {
        report.skipped(
            what,
            rotationId,
            "'" + name + "' has a " + type + " participant, which Firebell cannot put on call");
        return null;
      }
    }
    if (people.isEmpty()) {
      report.skipped(what, rotationId, "'" + name + "' has nobody to put on call");
      return null;
    }
    if (withNobody) {
      report.approximated(
          "schedule:" + scheduleId,
          what,
          rotationId,
          "'" + name + "' has turns of nobody ('none'), left out: the others' turns come sooner");
    }
    int length = Math.max(1, rotation.path("length").asInt(1));
    Duration every =
        switch (rotation.path("type").asText()) {
          case "hourly" -> Duration.ofHours(length);
          case "daily" -> Duration.ofDays(length);
          case "weekly" -> Duration.ofDays(7L * length);
          default -> null;
        };
    if (every == null) {
      report.skipped(
          what, rotationId, "'" + name + "' turns by '" + rotation.path("type").asText() + "'");
      return null;
    }
    List<ShiftWindow> windows;
    try {
      windows = OpsgenieRestrictions.windows(rotation.path("timeRestriction"));
    } catch (IllegalArgumentException e) {
      report.skipped(what, rotationId, "'" + name + "' has " + e.getMessage());
      return null;
    }
    Instant start = instant(rotation.path("startDate").asText(), "startDate");
    return new Rotation(
        LocalDateTime.ofInstant(start, zone),
        every,
        people,
        windows,
        0,
        end == null ? null : LocalDateTime.ofInstant(end, zone));
  }

  /**
   * Rules grouped by their delay from the alert, in order; each step waits until the next group's
   * delay, the last for {@code repeat.waitInterval} (at least a minute).
   */
  private EscalationPolicy policy(
      String id,
      String vendorId,
      JsonNode escalation,
      Map<String, String> scheduleIds,
      ImportReport report) {
    TreeMap<Long, Set<Target>> byDelay = new TreeMap<>();
    for (JsonNode rule : escalation.path("rules")) {
      JsonNode recipient = rule.path("recipient");
      String type = recipient.path("type").asText();
      String recipientId = recipient.path("id").asText();
      String ruleId = vendorId + "/" + recipientId;
      Target target = null;
      if ("user".equals(type) && personOfUser.containsKey(recipientId)) {
        target = new Target(Target.Kind.PERSON, personOfUser.get(recipientId));
      } else if ("schedule".equals(type) && scheduleIds.containsKey(recipientId)) {
        target = new Target(Target.Kind.SCHEDULE, scheduleIds.get(recipientId));
        String notifyType = rule.path("notifyType").asText("default");
        if (!"default".equals(notifyType)) {
          report.approximated(
              "policy:" + id,
              "escalation rule",
              ruleId,
              "notifies the "
                  + notifyType
                  + " on-call of a schedule; Firebell pages who is on call now");
        }
      }
      if (target == null) {
        report.skipped(
            "escalation rule",
            ruleId,
            "a "
                + type
                + " recipient"
                + ("team".equals(type)
                    ? ", which Firebell has no notion of"
                    : " that was not imported"));
        continue;
      }
      if ("if-not-closed".equals(rule.path("condition").asText())) {
        report.approximated(
            "policy:" + id,
            "escalation rule",
            ruleId,
            "escalates until the alert is closed in Opsgenie; Firebell stops at acknowledgement");
      }
      long minutes = delay(rule.path("delay")).toMinutes();
      byDelay.computeIfAbsent(minutes, key -> new LinkedHashSet<>()).add(target);
    }
    if (byDelay.isEmpty()) {
      report.skipped("escalation", vendorId, "none of its rules could be imported");
      return null;
    }
    if (byDelay.firstKey() > 0) {
      report.approximated(
          "policy:" + id,
          "escalation",
          vendorId,
          "its first rule waits "
              + byDelay.firstKey()
              + " minutes after the alert; Firebell pages step 1 at once");
    }
    JsonNode repeat = escalation.path("repeat");
    long lastWait = Math.max(1, repeat.path("waitInterval").asLong(0));
    List<EscalationStep> steps = new ArrayList<>();
    List<Long> delays = new ArrayList<>(byDelay.keySet());
    for (int i = 0; i < delays.size(); i++) {
      long wait = i + 1 < delays.size() ? delays.get(i + 1) - delays.get(i) : lastWait;
      steps.add(
          new EscalationStep(List.copyOf(byDelay.get(delays.get(i))), Duration.ofMinutes(wait)));
    }
    int count = repeat.path("count").asInt(0);
    return new EscalationPolicy(id, List.copyOf(steps), Math.max(0, count));
  }

  /**
   * A routing rule as routes: one route for "match all conditions" (or "match all"), one per
   * condition for "match any condition"; conditions on extra properties become label matchers.
   */
  private static List<Route> routes(
      JsonNode team, JsonNode rule, Map<String, String> policyIds, int index, ImportReport report) {
    String ruleId = team.path("id").asText() + "/" + rule.path("id").asText();
    JsonNode notify = rule.path("notify");
    String policy = policyIds.get(notify.path("id").asText());
    if (!"escalation".equals(notify.path("type").asText()) || policy == null) {
      report.skipped(
          "routing rule",
          ruleId,
          "it notifies "
              + notify.path("type").asText()
              + " '"
              + notify.path("name").asText()
              + "', not an imported escalation");
      return List.of();
    }
    JsonNode criteria = rule.path("criteria");
    String type = criteria.path("type").asText("match-all");
    List<List<LabelMatcher>> alternatives = new ArrayList<>();
    if ("match-all".equals(type)) {
      alternatives.add(List.of());
    } else {
      List<LabelMatcher> all = new ArrayList<>();
      for (JsonNode condition : criteria.path("conditions")) {
        Optional<LabelMatcher> matcher = matcher(condition);
        if (matcher.isEmpty()) {
          report.skipped(
              "routing rule",
              ruleId,
              "a condition on "
                  + condition.path("field").asText()
                  + " "
                  + condition.path("operation").asText()
                  + ", which no label matcher expresses");
          return List.of();
        }
        if ("match-any-condition".equals(type)) {
          alternatives.add(List.of(matcher.get()));
        } else {
          all.add(matcher.get());
        }
      }
      if (!"match-any-condition".equals(type)) {
        alternatives.add(List.copyOf(all));
      }
    }
    List<Route> routes = new ArrayList<>();
    for (List<LabelMatcher> matchers : alternatives) {
      report.approximated(
          "route:" + (index + routes.size()),
          "routing rule",
          ruleId,
          "team '"
              + team.path("name").asText()
              + "', rule '"
              + rule.path("name").asText()
              + "': extra properties are matched as labels");
      routes.add(new Route(Map.of(), matchers, null, policy));
    }
    return routes;
  }

  /** A condition on an extra property as a label matcher; empty for anything else. */
  static Optional<LabelMatcher> matcher(JsonNode condition) {
    String key = condition.path("key").asText("");
    if (!"extra-properties".equals(condition.path("field").asText())
        || !LABEL.matcher(key).matches()) {
      return Optional.empty();
    }
    boolean not = condition.path("not").asBoolean(false);
    String value = condition.path("expectedValue").asText("");
    String regexValue = value.replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1");
    String text =
        switch (condition.path("operation").asText()) {
          case "equals" -> key + (not ? "!=" : "=") + json(value);
          case "matches" -> key + (not ? "!~" : "=~") + json(value);
          case "contains" -> key + (not ? "!~" : "=~") + json(".*" + regexValue + ".*");
          case "starts-with" -> key + (not ? "!~" : "=~") + json(regexValue + ".*");
          case "ends-with" -> key + (not ? "!~" : "=~") + json(".*" + regexValue);
          case "is-empty" -> key + (not ? "!=" : "=") + "\"\"";
          default -> null;
        };
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LabelMatcher.parse(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String json(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** {@code {timeAmount, timeUnit}}; minutes unless the unit says otherwise. */
  static Duration delay(JsonNode delay) {
    long amount = Math.max(0, delay.path("timeAmount").asLong(0));
    return switch (delay.path("timeUnit").asText("minutes")) {
      case "seconds" -> Duration.ofSeconds(amount);
      case "hours" -> Duration.ofHours(amount);
      case "days" -> Duration.ofDays(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  static Instant instant(String text, String field) throws ImportFailed {
    return VendorValues.instant("Opsgenie", text, field);
  }

  private static String encode(String value) {
    return VendorValues.encode(value);
  }
}
