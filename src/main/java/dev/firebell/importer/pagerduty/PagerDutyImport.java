package dev.firebell.importer.pagerduty;

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
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports from PagerDuty's REST API v2. People are its users (contact methods: phone → voice, SMS →
 * sms, email → email; push and others are reported), with their notification rules by urgency and
 * delay; schedules keep each layer as a rotation anchored at its {@code rotation_virtual_start},
 * turning every {@code rotation_turn_length_seconds}, with its restrictions as shift windows and a
 * priority by its place (PagerDuty lists the top layer first); overrides of the next 90 days come
 * along; escalation policies keep their delays and {@code num_loops}; each service becomes a route
 * on the {@code service} label to its policy.
 */
public final class PagerDutyImport implements VendorImport {
  static final Duration OVERRIDES_AHEAD = Duration.ofDays(90);

  private final PagerDutyApi api;
  private final Map<String, String> personOfUser = new HashMap<>();

  public PagerDutyImport(VendorHttp http) {
    this.api = new PagerDutyApi(http);
  }

  public static Map<String, String> headers(String token) {
    return PagerDutyApi.headers(token);
  }

  @Override
  public String vendor() {
    return "PagerDuty";
  }

  @Override
  public Imported read(Instant now) throws ImportFailed {
    ImportReport report = new ImportReport();
    Map<String, Person> people = new LinkedHashMap<>();
    Slugs personIds = new Slugs();
    for (JsonNode user :
        api.all("/users?include[]=contact_methods&include[]=notification_rules", "users")) {
      Person person = person(user, personIds, report);
      people.put(person.id(), person);
      personOfUser.put(user.path("id").asText(), person.id());
    }

    Map<String, Schedule> schedules = new LinkedHashMap<>();
    Map<String, String> scheduleIds = new HashMap<>();
    Map<String, String> vendorScheduleIds = new LinkedHashMap<>();
    Slugs scheduleSlugs = new Slugs();
    for (JsonNode listed : api.all("/schedules", "schedules")) {
      String vendorId = listed.path("id").asText();
      JsonNode full = api.one("/schedules/" + encode(vendorId), "schedule");
      String id = scheduleSlugs.of(full.path("name").asText(), vendorId);
      List<ScheduleOverride> overrides = overrides(vendorId, now, report);
      Schedule schedule = schedule(id, vendorId, full, overrides, now, report);
      if (schedule != null) {
        schedules.put(id, schedule);
        scheduleIds.put(vendorId, id);
        vendorScheduleIds.put(id, vendorId);
      }
    }

    Map<String, EscalationPolicy> policies = new LinkedHashMap<>();
    Map<String, String> policyIds = new HashMap<>();
    Slugs policySlugs = new Slugs();
    for (JsonNode policy : api.all("/escalation_policies", "escalation_policies")) {
      String vendorId = policy.path("id").asText();
      String id = policySlugs.of(policy.path("name").asText(), vendorId);
      EscalationPolicy mapped = policy(id, vendorId, policy, scheduleIds, report);
      if (mapped != null) {
        policies.put(id, mapped);
        policyIds.put(vendorId, id);
      }
    }

    List<Route> routes = new ArrayList<>();
    Slugs serviceSlugs = new Slugs();
    for (JsonNode service : api.all("/services", "services")) {
      String vendorId = service.path("id").asText();
      String policyVendorId = service.path("escalation_policy").path("id").asText();
      String policy = policyIds.get(policyVendorId);
      if (policy == null) {
        report.skipped(
            "service", vendorId, "its escalation policy " + policyVendorId + " was not imported");
        continue;
      }
      String name = service.path("name").asText();
      String label = serviceSlugs.of(name, vendorId);
      report.approximated(
          "route:" + routes.size(),
          "service",
          vendorId,
          "PagerDuty service '"
              + name
              + "' ("
              + vendorId
              + "): routed by the label service=\""
              + label
              + "\"; match the labels your alerts carry");
      routes.add(
          new Route(
              Map.of(), List.of(LabelMatcher.parse("service=\"" + label + "\"")), null, policy));
    }

    return Imported.of(people, schedules, policies, routes, vendorScheduleIds, report);
  }

  @Override
  public List<RotaCheck.Shift> rendered(String vendorScheduleId, Instant from, Instant to)
      throws ImportFailed {
    JsonNode schedule =
        api.one(
            "/schedules/"
                + encode(vendorScheduleId)
                + "?since="
                + encode(from.toString())
                + "&until="
                + encode(to.toString()),
            "schedule");
    List<RotaCheck.Shift> shifts = new ArrayList<>();
    for (JsonNode entry : schedule.path("final_schedule").path("rendered_schedule_entries")) {
      String user = entry.path("user").path("id").asText();
      shifts.add(
          new RotaCheck.Shift(
              personOfUser.getOrDefault(user, "?" + user),
              instant(entry.path("start").asText(), "rendered_schedule_entries.start"),
              instant(entry.path("end").asText(), "rendered_schedule_entries.end")));
    }
    return shifts;
  }

  /** A user, their contact methods that Firebell can page, and their rules over those. */
  private static Person person(JsonNode user, Slugs ids, ImportReport report) {
    String vendorId = user.path("id").asText();
    String name = user.path("name").asText(vendorId);
    String id = ids.ofEmail(user.path("email").asText(null), name, vendorId);
    List<ContactMethod> contacts = new ArrayList<>();
    Map<String, String> contactOfMethod = new HashMap<>();
    ContactNumbering numbering = new ContactNumbering();
    for (JsonNode method : user.path("contact_methods")) {
      String methodId = method.path("id").asText();
      String type = method.path("type").asText();
      String address = method.path("address").asText("");
      String country = method.path("country_code").asText("");
      ContactMethod contact =
          switch (type.replace("_reference", "")) {
            case "phone_contact_method" ->
                numbering.phone(ContactType.VOICE, country, address).orElse(null);
            case "sms_contact_method" ->
                numbering.phone(ContactType.SMS, country, address).orElse(null);
            case "email_contact_method" -> numbering.email(address).orElse(null);
            default -> null;
          };
      if (contact == null) {
        report.skipped(
            "contact",
            methodId,
            name
                + "'s "
                + type.replace("_contact_method", "").replace("_reference", "").replace('_', ' ')
                + " contact"
                + (type.startsWith("push") ? ": Firebell has no app; add ntfy or Pushover" : "")
                + (address.isBlank() && !type.startsWith("push") ? " without an address" : ""));
        continue;
      }
      contacts.add(contact);
      contactOfMethod.put(methodId, contact.id());
    }
    List<NotificationRule> high = new ArrayList<>();
    List<NotificationRule> low = new ArrayList<>();
    for (JsonNode rule : user.path("notification_rules")) {
      String ruleId = rule.path("id").asText();
      String contact = contactOfMethod.get(rule.path("contact_method").path("id").asText());
      if (contact == null) {
        report.skipped(
            "notification rule", ruleId, name + "'s rule pages a contact that was not imported");
        continue;
      }
      NotificationRule mapped =
          new NotificationRule(
              contact, Duration.ofMinutes(rule.path("start_delay_in_minutes").asLong(0)));
      List<NotificationRule> list = "low".equals(rule.path("urgency").asText()) ? low : high;
      if (!list.contains(mapped)) {
        list.add(mapped);
      }
    }
    return new Person(id, name, List.copyOf(contacts), new NotificationRules(high, low), null);
  }

  /** The overrides of the next 90 days, each replacing everyone for its window. */
  private List<ScheduleOverride> overrides(String vendorId, Instant now, ImportReport report)
      throws ImportFailed {
    List<ScheduleOverride> overrides = new ArrayList<>();
    String path =
        "/schedules/"
            + encode(vendorId)
            + "/overrides?since="
            + encode(now.toString())
            + "&until="
            + encode(now.plus(OVERRIDES_AHEAD).toString());
    for (JsonNode override : api.list(path, "overrides")) {
      String user = override.path("user").path("id").asText();
      String person = personOfUser.get(user);
      if (person == null) {
        report.skipped(
            "override",
            vendorId + "/" + override.path("id").asText(),
            "it puts user " + user + " on call, who was not imported");
        continue;
      }
      overrides.add(
          ScheduleOverride.configured(
              person,
              instant(override.path("start").asText(), "overrides.start"),
              instant(override.path("end").asText(), "overrides.end")));
    }
    return List.copyOf(overrides);
  }

  private Schedule schedule(
      String id,
      String vendorId,
      JsonNode schedule,
      List<ScheduleOverride> overrides,
      Instant now,
      ImportReport report)
      throws ImportFailed {
    ZoneId zone;
    try {
      zone = ZoneId.of(schedule.path("time_zone").asText());
    } catch (DateTimeException e) {
      report.skipped(
          "schedule",
          vendorId,
          "its time zone '" + schedule.path("time_zone").asText() + "' is not an IANA zone");
      return null;
    }
    JsonNode layers = schedule.path("schedule_layers");
    List<Rotation> rotations = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      JsonNode layer = layers.get(i);
      // PagerDuty lists the top layer first: the first gets the highest priority.
      Rotation rotation = rotation(id, vendorId, layer, layers.size() - 1 - i, zone, now, report);
      if (rotation != null) {
        rotations.add(rotation);
      }
    }
    if (rotations.isEmpty()) {
      report.skipped("schedule", vendorId, "none of its layers could be imported");
      return null;
    }
    return new Schedule(id, zone, List.copyOf(rotations), overrides);
  }

  private Rotation rotation(
      String scheduleId,
      String vendorId,
      JsonNode layer,
      int priority,
      ZoneId zone,
      Instant now,
      ImportReport report)
      throws ImportFailed {
    String layerName = layer.path("name").asText("layer " + (priority + 1));
    String what = "schedule layer";
    String layerId = vendorId + "/" + layer.path("id").asText(layerName);
    Instant end = layer.path("end").isTextual() ? instant(layer.path("end").asText(), "end") : null;
    if (end != null && !end.isAfter(now)) {
      report.skipped(what, layerId, "'" + layerName + "' ended at " + end);
      return null;
    }
    List<String> people = new ArrayList<>();
    for (JsonNode member : layer.path("users")) {
      String user = member.path("user").path("id").asText();
      String person = personOfUser.get(user);
      if (person == null) {
        report.skipped(
            what, layerId, "'" + layerName + "' has user " + user + ", who was not imported");
        return null;
      }
      people.add(person);
    }
    if (people.isEmpty()) {
      report.skipped(what, layerId, "'" + layerName + "' has no users");
      return null;
    }
    long turnSeconds = layer.path("rotation_turn_length_seconds").asLong(0);
    if (turnSeconds < 60) {
      report.skipped(what, layerId, "'" + layerName + "' turns every " + turnSeconds + " s");
      return null;
    }
    Instant virtualStart =
        instant(layer.path("rotation_virtual_start").asText(), "rotation_virtual_start");
    Instant start = instant(layer.path("start").asText(), "start");
    if (start.isAfter(now) && start.isAfter(virtualStart)) {
      report.approximated(
          "schedule:" + scheduleId,
          what,
          layerId,
          "layer '"
              + layerName
              + "' starts at "
              + start
              + "; Firebell's rotation is on call from its anchor "
              + virtualStart);
    }
    List<ShiftWindow> windows;
    try {
      windows = PagerDutyRestrictions.windows(restrictions(layer));
    } catch (IllegalArgumentException e) {
      report.skipped(what, layerId, "'" + layerName + "' has " + e.getMessage());
      return null;
    }
    return new Rotation(
        LocalDateTime.ofInstant(virtualStart, zone),
        Duration.ofSeconds(turnSeconds),
        people,
        windows,
        priority,
        end == null ? null : LocalDateTime.ofInstant(end, zone));
  }

  private static List<PagerDutyRestrictions.Restriction> restrictions(JsonNode layer)
      throws ImportFailed {
    List<PagerDutyRestrictions.Restriction> restrictions = new ArrayList<>();
    for (JsonNode restriction : layer.path("restrictions")) {
      String time = restriction.path("start_time_of_day").asText();
      LocalTime startTime;
      try {
        startTime = LocalTime.parse(time);
      } catch (DateTimeParseException e) {
        throw new ImportFailed("a restriction's start_time_of_day '" + time + "' is not a time");
      }
      restrictions.add(
          new PagerDutyRestrictions.Restriction(
              restriction.path("type").asText(),
              startTime,
              restriction.path("duration_seconds").asLong(),
              restriction.path("start_day_of_week").asInt(0)));
    }
    return restrictions;
  }

  private EscalationPolicy policy(
      String id,
      String vendorId,
      JsonNode policy,
      Map<String, String> scheduleIds,
      ImportReport report) {
    List<EscalationStep> steps = new ArrayList<>();
    for (JsonNode rule : policy.path("escalation_rules")) {
      Set<Target> targets = new LinkedHashSet<>();
      for (JsonNode target : rule.path("targets")) {
        String targetId = target.path("id").asText();
        String type = target.path("type").asText();
        if (type.startsWith("user")) {
          String person = personOfUser.get(targetId);
          if (person != null) {
            targets.add(new Target(Target.Kind.PERSON, person));
            continue;
          }
        } else if (type.startsWith("schedule")) {
          String schedule = scheduleIds.get(targetId);
          if (schedule != null) {
            targets.add(new Target(Target.Kind.SCHEDULE, schedule));
            continue;
          }
        }
        report.skipped(
            "escalation target", vendorId + "/" + targetId, "a " + type + " that was not imported");
      }
      long minutes = rule.path("escalation_delay_in_minutes").asLong(0);
      if (minutes < 1) {
        report.approximated(
            "policy:" + id,
            "escalation rule",
            vendorId + "/" + rule.path("id").asText(),
            "a delay of " + minutes + " minutes became 1m, Firebell's shortest");
        minutes = 1;
      }
      if (targets.isEmpty()) {
        report.skipped(
            "escalation rule",
            vendorId + "/" + rule.path("id").asText(),
            "none of its targets was imported");
        continue;
      }
      steps.add(new EscalationStep(List.copyOf(targets), Duration.ofMinutes(minutes)));
    }
    if (steps.isEmpty()) {
      report.skipped("escalation policy", vendorId, "none of its rules could be imported");
      return null;
    }
    return new EscalationPolicy(
        id, List.copyOf(steps), Math.max(0, policy.path("num_loops").asInt(0)));
  }

  static Instant instant(String text, String field) throws ImportFailed {
    return VendorValues.instant("PagerDuty", text, field);
  }

  private static String encode(String value) {
    return VendorValues.encode(value);
  }
}
