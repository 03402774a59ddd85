package dev.firebell.importer.grafanaoncall;

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
import dev.firebell.oncall.Target;
import dev.firebell.oncall.contact.ContactMethod;
import dev.firebell.oncall.contact.NotificationRule;
import dev.firebell.oncall.contact.NotificationRules;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports from Grafana OnCall's public API v1. People are its users, each with their email as a
 * contact (the API gives no phone numbers: rules that call or text are reported), and their
 * personal notification rules in order, each wait adding to the delay of the steps after it:
 * important rules serve high urgency and default rules low, or default rules both when there are no
 * important ones. Web and calendar schedules come from their on-call shifts ({@link ShiftMapping}),
 * with overrides; an iCal schedule, whose rules live in a calendar, comes as its final shifts of
 * the next 90 days. Escalation chains keep their steps: notify steps gather into one step until a
 * wait, whose duration is that step's {@code escalateAfter}. Each integration's routes become
 * routes where their Jinja2 template compares labels, and its default route a catch-all.
 */
public final class GrafanaOnCallImport implements VendorImport {
  static final Duration AHEAD = Duration.ofDays(90);
  private static final Pattern LABEL_TEST =
      Pattern.compile(
          "payload\\.(?:commonLabels|groupLabels|labels)\\.([a-zA-Z_][a-zA-Z0-9_]*)\\s*(==|!=)\\s*\"([^\"]*)\"");
  private static final Pattern CONDITION =
      Pattern.compile("^\\{\\{\\s*(.+?)\\s*}}$", Pattern.DOTALL);

  private final GrafanaOnCallApi api;
  private final Map<String, String> personOfUser = new HashMap<>();

  public GrafanaOnCallImport(VendorHttp http) {
    this.api = new GrafanaOnCallApi(http);
  }

  public static Map<String, String> headers(String key) {
    return GrafanaOnCallApi.headers(key);
  }

  @Override
  public String vendor() {
    return "Grafana OnCall";
  }

  @Override
  public Imported read(Instant now) throws ImportFailed {
    ImportReport report = new ImportReport();
    Map<String, List<JsonNode>> rulesOfUser = new HashMap<>();
    for (JsonNode rule : api.all("api/v1/personal_notification_rules/")) {
      rulesOfUser
          .computeIfAbsent(rule.path("user_id").asText(), key -> new ArrayList<>())
          .add(rule);
    }
    Map<String, Person> people = new LinkedHashMap<>();
    Slugs personIds = new Slugs();
    for (JsonNode user : api.all("api/v1/users/")) {
      String userId = user.path("id").asText();
      Person person = person(user, personIds, rulesOfUser.getOrDefault(userId, List.of()), report);
      people.put(person.id(), person);
      personOfUser.put(userId, person.id());
    }

    Map<String, JsonNode> shiftById = new HashMap<>();
    for (JsonNode shift : api.all("api/v1/on_call_shifts/")) {
      shiftById.put(shift.path("id").asText(), shift);
    }
    Map<String, Schedule> schedules = new LinkedHashMap<>();
    Map<String, String> scheduleIds = new HashMap<>();
    Map<String, String> vendorScheduleIds = new LinkedHashMap<>();
    Slugs scheduleSlugs = new Slugs();
    for (JsonNode schedule : api.all("api/v1/schedules/")) {
      String vendorId = schedule.path("id").asText();
      String id = scheduleSlugs.of(schedule.path("name").asText(), vendorId);
      List<JsonNode> shifts = new ArrayList<>();
      for (JsonNode shiftId : schedule.path("shifts")) {
        JsonNode shift = shiftById.get(shiftId.asText());
        if (shift != null) {
          shifts.add(shift);
        }
      }
      Schedule mapped =
          "ical".equals(schedule.path("type").asText())
              ? fromFinalShifts(id, vendorId, schedule, now, report)
              : fromShifts(id, vendorId, schedule, shifts, now, report);
      if (mapped != null) {
        schedules.put(id, mapped);
        scheduleIds.put(vendorId, id);
        vendorScheduleIds.put(id, vendorId);
      }
    }

    Map<String, List<JsonNode>> stepsOfChain = new HashMap<>();
    for (JsonNode step : api.all("api/v1/escalation_policies/")) {
      stepsOfChain
          .computeIfAbsent(step.path("escalation_chain_id").asText(), key -> new ArrayList<>())
          .add(step);
    }
    Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
    Map<String, String> policyIds = new HashMap<>();
    Slugs policySlugs = new Slugs();
    for (JsonNode chain : api.all("api/v1/escalation_chains/")) {
      String vendorId = chain.path("id").asText();
      String id = policySlugs.of(chain.path("name").asText(), vendorId);
      EscalationPolicy policy =
          policy(id, vendorId, stepsOfChain.getOrDefault(vendorId, List.of()), scheduleIds, report);
      if (policy != null) {
        policies.put(id, policy);
        policyIds.put(vendorId, id);
      }
    }

    Map<String, List<JsonNode>> routesOfIntegration = new HashMap<>();
    for (JsonNode route : api.all("api/v1/routes/")) {
      routesOfIntegration
          .computeIfAbsent(route.path("integration_id").asText(), key -> new ArrayList<>())
          .add(route);
    }
    List<Route> routes = new ArrayList<>();
    List<Route> catchAlls = new ArrayList<>();
    for (JsonNode integration : api.all("api/v1/integrations/")) {
      List<JsonNode> own =
          new ArrayList<>(
              routesOfIntegration.getOrDefault(integration.path("id").asText(), List.of()));
      own.sort(Comparator.comparingInt(route -> route.path("position").asInt()));
      for (JsonNode route : own) {
        if (route.path("is_the_last_route").asBoolean(false)) {
          continue; // the default route, added last
        }
        route(integration, route, policyIds, routes.size(), report).ifPresent(routes::add);
      }
      String defaultChain =
          integration.path("default_route").path("escalation_chain_id").asText(null);
      if (defaultChain != null && policyIds.containsKey(defaultChain)) {
        catchAlls.add(new Route(Map.of(), List.of(), null, policyIds.get(defaultChain)));
      }
    }
    for (int i = 0; i < catchAlls.size(); i++) {
      if (i > 0) {
        report.skipped(
            "default route",
            catchAlls.get(i).policy(),
            "only the first integration's default route can catch every incident");
        continue;
      }
      routes.add(catchAlls.get(i));
    }

    return Imported.of(people, schedules, policies, routes, vendorScheduleIds, report);
  }

  @Override
  public List<RotaCheck.Shift> rendered(String vendorScheduleId, Instant from, Instant to)
      throws ImportFailed {
    List<RotaCheck.Shift> shifts = new ArrayList<>();
    for (JsonNode shift : finalShifts(vendorScheduleId, from, to)) {
      String user = shift.path("user_pk").asText();
      shifts.add(
          new RotaCheck.Shift(
              personOfUser.getOrDefault(user, "?" + user),
              instant(shift.path("shift_start").asText(), "shift_start"),
              instant(shift.path("shift_end").asText(), "shift_end")));
    }
    return shifts;
  }

  private List<JsonNode> finalShifts(String vendorScheduleId, Instant from, Instant to)
      throws ImportFailed {
    LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate end = LocalDate.ofInstant(to, ZoneOffset.UTC).plusDays(1);
    return api.all(
        "api/v1/schedules/"
            + encode(vendorScheduleId)
            + "/final_shifts?start_date="
            + start
            + "&end_date="
            + end);
  }

  /**
   * The user's email, and their rules: each notify step after the waits before it, important ones
   * for high urgency and default ones for low (or default ones for both).
   */
  private static Person person(
      JsonNode user, Slugs ids, List<JsonNode> rules, ImportReport report) {
    String vendorId = user.path("id").asText();
    String name = user.path("username").asText(vendorId);
    String email = user.path("email").asText(null);
    String id = ids.ofEmail(email, name, vendorId);
    List<ContactMethod> contacts = new ArrayList<>();
    new ContactNumbering().email(email).ifPresent(contacts::add);
    String emailId = contacts.isEmpty() ? null : contacts.get(0).id();
    List<NotificationRule> important = steps(rules, true, emailId, name, report);
    List<NotificationRule> normal = steps(rules, false, emailId, name, report);
    NotificationRules mapped =
        important.isEmpty()
            ? new NotificationRules(normal, List.of())
            : new NotificationRules(important, normal);
    return new Person(id, name, List.copyOf(contacts), mapped, null);
  }

  private static List<NotificationRule> steps(
      List<JsonNode> rules, boolean important, String emailId, String name, ImportReport report) {
    List<JsonNode> ordered =
        rules.stream()
            .filter(rule -> rule.path("important").asBoolean(false) == important)
            .sorted(Comparator.comparingInt(rule -> rule.path("position").asInt()))
            .toList();
    List<NotificationRule> steps = new ArrayList<>();
    Duration after = Duration.ZERO;
    for (JsonNode rule : ordered) {
      String type = rule.path("type").asText();
      if ("wait".equals(type)) {
        after = after.plusSeconds(rule.path("duration").asLong(0));
      } else if ("notify_by_email".equals(type) && emailId != null) {
        NotificationRule step = new NotificationRule(emailId, after);
        if (!steps.contains(step)) {
          steps.add(step);
        }
      } else {
        report.skipped(
            "notification rule",
            rule.path("id").asText(),
            name
                + "'s "
                + type.replace('_', ' ')
                + ("notify_by_sms".equals(type) || "notify_by_phone_call".equals(type)
                    ? ": OnCall's API gives no phone numbers; add an sms or voice contact by hand"
                    : ": no such contact in Firebell"));
      }
    }
    return steps;
  }

  private Schedule fromShifts(
      String id,
      String vendorId,
      JsonNode schedule,
      List<JsonNode> shifts,
      Instant now,
      ImportReport report) {
    Set<String> zones = new LinkedHashSet<>();
    for (JsonNode shift : shifts) {
      zones.add(shift.path("time_zone").asText(schedule.path("time_zone").asText("UTC")));
    }
    String zoneName =
        zones.size() == 1 ? zones.iterator().next() : schedule.path("time_zone").asText("UTC");
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneName);
    } catch (DateTimeException e) {
      report.skipped("schedule", vendorId, "its time zone '" + zoneName + "' is not an IANA zone");
      return null;
    }
    if (zones.size() > 1) {
      report.approximated(
          "schedule:" + id,
          "schedule",
          vendorId,
          "its shifts are in several time zones " + zones + "; all are read in " + zone);
    }
    List<Rotation> rotations = new ArrayList<>();
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (JsonNode shift : shifts) {
      String shiftId = vendorId + "/" + shift.path("id").asText();
      String type = shift.path("type").asText();
      try {
        if ("override".equals(type) || "single_event".equals(type)) {
          Instant from =
              ShiftMapping.local(shift.path("start").asText(), "start").atZone(zone).toInstant();
          Instant to = from.plusSeconds(shift.path("duration").asLong(0));
          String person = firstPerson(shift);
          if (!to.isAfter(now) || from.isAfter(now.plus(AHEAD))) {
            continue;
          }
          if (person == null) {
            report.skipped("shift", shiftId, "it puts nobody who was imported on call");
            continue;
          }
          if ("single_event".equals(type)) {
            report.approximated(
                "schedule:" + id,
                "shift",
                shiftId,
                "a single event at level "
                    + shift.path("level").asInt(0)
                    + " from "
                    + from
                    + " replaces everyone");
          }
          overrides.add(ScheduleOverride.configured(person, from, to));
          continue;
        }
        ShiftMapping.Mapped mapped = ShiftMapping.map(shift, personOfUser);
        Rotation last = mapped.rotations().get(0);
        if (last.end() != null && !last.end().atZone(zone).toInstant().isAfter(now)) {
          report.skipped("shift", shiftId, "'" + shift.path("name").asText() + "' ended");
          continue;
        }
        if (mapped.approximation() != null) {
          report.approximated(
              "schedule:" + id,
              "shift",
              shiftId,
              "'" + shift.path("name").asText() + "': " + mapped.approximation());
        }
        rotations.addAll(mapped.rotations());
      } catch (IllegalArgumentException e) {
        report.skipped(
            "shift", shiftId, "'" + shift.path("name").asText() + "' is " + e.getMessage());
      }
    }
    if (rotations.isEmpty() && overrides.isEmpty()) {
      report.skipped("schedule", vendorId, "none of its shifts could be imported");
      return null;
    }
    return new Schedule(id, zone, List.copyOf(rotations), List.copyOf(overrides));
  }

  private String firstPerson(JsonNode shift) {
    for (JsonNode user : shift.path("users")) {
      String person = personOfUser.get(user.asText());
      if (person != null) {
        return person;
      }
    }
    return null;
  }

  /** An iCal schedule: its final shifts of the next 90 days, each an override. */
  private Schedule fromFinalShifts(
      String id, String vendorId, JsonNode schedule, Instant now, ImportReport report)
      throws ImportFailed {
    ZoneId zone;
    try {
      zone = ZoneId.of(schedule.path("time_zone").asText("UTC"));
    } catch (DateTimeException e) {
      zone = ZoneOffset.UTC;
    }
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (JsonNode shift : finalShifts(vendorId, now, now.plus(AHEAD))) {
      String person = personOfUser.get(shift.path("user_pk").asText());
      if (person == null) {
        continue;
      }
      overrides.add(
          ScheduleOverride.configured(
              person,
              instant(shift.path("shift_start").asText(), "shift_start"),
              instant(shift.path("shift_end").asText(), "shift_end")));
    }
    if (overrides.isEmpty()) {
      report.skipped("schedule", vendorId, "its calendar has nobody on call in the next 90 days");
      return null;
    }
    report.approximated(
        "schedule:" + id,
        "schedule",
        vendorId,
        "an iCal schedule: its final shifts until "
            + now.plus(AHEAD)
            + " came as overrides; add rotations before then");
    return new Schedule(id, zone, List.of(), List.copyOf(overrides));
  }

  /**
   * Steps in position order: notify steps gather targets into one Firebell step, a wait closes it
   * with its duration; a repeat makes the chain repeat (OnCall repeats it up to five times).
   */
  private EscalationPolicy policy(
      String id,
      String vendorId,
      List<JsonNode> steps,
      Map<String, String> scheduleIds,
      ImportReport report) {
    List<JsonNode> ordered =
        steps.stream()
            .sorted(Comparator.comparingInt(step -> step.path("position").asInt()))
            .toList();
    List<EscalationStep> mapped = new ArrayList<>();
    Set<Target> targets = new LinkedHashSet<>();
    int repeat = 0;
    for (JsonNode step : ordered) {
      String stepId = vendorId + "/" + step.path("id").asText();
      String type = step.path("type").asText();
      switch (type) {
        case "wait" -> {
          long seconds = step.path("duration").asLong(60);
          Duration wait = Duration.ofSeconds(seconds);
          if (seconds < 60) {
            report.approximated(
                "policy:" + id,
                "escalation step",
                stepId,
                "a wait of " + seconds + " s became 1m, Firebell's shortest");
            wait = Duration.ofMinutes(1);
          }
          if (targets.isEmpty()) {
            extendLast(mapped, wait);
          } else {
            mapped.add(new EscalationStep(List.copyOf(targets), wait));
            targets.clear();
          }
        }
        case "notify_persons", "notify_person_next_each_time" -> {
          String field =
              type.equals("notify_persons")
                  ? "persons_to_notify"
                  : "persons_to_notify_next_each_time";
          for (JsonNode user : step.path(field)) {
            String person = personOfUser.get(user.asText());
            if (person == null) {
              report.skipped(
                  "escalation step", stepId, "user " + user.asText() + " was not imported");
            } else {
              targets.add(new Target(Target.Kind.PERSON, person));
            }
          }
          if (type.equals("notify_person_next_each_time")) {
            report.approximated(
                "policy:" + id,
                "escalation step",
                stepId,
                "notifies one of its people in turn; Firebell pages them all");
          }
        }
        case "notify_on_call_from_schedule" -> {
          String schedule = scheduleIds.get(step.path("notify_on_call_from_schedule").asText());
          if (schedule == null) {
            report.skipped("escalation step", stepId, "its schedule was not imported");
          } else {
            targets.add(new Target(Target.Kind.SCHEDULE, schedule));
          }
        }
        case "repeat_escalation" -> repeat = 5;
        default ->
            report.skipped("escalation step", stepId, "a " + type.replace('_', ' ') + " step");
      }
    }
    if (!targets.isEmpty()) {
      mapped.add(new EscalationStep(List.copyOf(targets), Duration.ofMinutes(1)));
    }
    if (mapped.isEmpty()) {
      report.skipped(
          "escalation chain", vendorId, "none of its steps notifies anyone who was imported");
      return null;
    }
    if (repeat > 0) {
      report.approximated(
          "policy:" + id, "escalation chain", vendorId, "repeats as OnCall does, five more times");
    }
    return new EscalationPolicy(id, List.copyOf(mapped), repeat);
  }

  /** A wait with no notify step before it lengthens the last step's wait. */
  private static void extendLast(List<EscalationStep> mapped, Duration wait) {
    if (!mapped.isEmpty()) {
      EscalationStep last = mapped.remove(mapped.size() - 1);
      mapped.add(new EscalationStep(last.targets(), last.escalateAfter().plus(wait)));
    }
  }

  /** A route whose Jinja2 template compares labels, as label matchers. */
  private static Optional<Route> route(
      JsonNode integration,
      JsonNode route,
      Map<String, String> policyIds,
      int index,
      ImportReport report) {
    String routeId = route.path("id").asText();
    String policy = policyIds.get(route.path("escalation_chain_id").asText());
    if (policy == null) {
      report.skipped("route", routeId, "its escalation chain was not imported");
      return Optional.empty();
    }
    String template = route.path("routing_regex").asText("");
    List<LabelMatcher> matchers = matchers(template);
    if (!"jinja2".equals(route.path("routing_type").asText("jinja2")) || matchers.isEmpty()) {
      report.skipped(
          "route",
          routeId,
          "its "
              + route.path("routing_type").asText("jinja2")
              + " rule '"
              + template
              + "' is not a comparison of labels");
      return Optional.empty();
    }
    report.approximated(
        "route:" + index,
        "route",
        routeId,
        "integration '" + integration.path("name").asText() + "': " + template);
    return Optional.of(new Route(Map.of(), matchers, null, policy));
  }

  /**
   * {@code {{ payload.commonLabels.team == "db" and payload.labels.env != "dev" }}} as matchers;
   * empty for any other template.
   */
  static List<LabelMatcher> matchers(String template) {
    Matcher whole = CONDITION.matcher(template.strip());
    if (!whole.matches()) {
      return List.of();
    }
    List<LabelMatcher> matchers = new ArrayList<>();
    for (String part : whole.group(1).split("\\s+and\\s+")) {
      Matcher test = LABEL_TEST.matcher(part.strip());
      if (!test.matches()) {
        return List.of();
      }
      String value = test.group(3).replace("\\", "\\\\");
      matchers.add(
          LabelMatcher.parse(
              test.group(1) + (test.group(2).equals("==") ? "=" : "!=") + "\"" + value + "\""));
    }
    return List.copyOf(matchers);
  }

  static Instant instant(String text, String field) throws ImportFailed {
    return VendorValues.instant("Grafana OnCall", text, field);
  }

  private static String encode(String value) {
    return VendorValues.encode(value);
  }
}
