package dev.firebell.importer.grafanaoncall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A web or calendar schedule's final shifts as Grafana OnCall's documentation describes them,
 * computed from its on-call shifts without any of Firebell's code: the recorded answer of {@code
 * GET /api/v1/schedules/{id}/final_shifts} for the tests. Each shift repeats every {@code interval}
 * × {@code frequency} from its local {@code start} (on its {@code by_day} days within each period,
 * when it has them), lasting {@code duration} of wall-clock time; its user groups take the periods
 * in turn; the highest {@code level} on call wins; an override replaces everyone.
 */
final class GrafanaOnCallRendering {
  private static final Duration STEP = Duration.ofMinutes(30);

  private GrafanaOnCallRendering() {}

  /** One user on call in [start, end) at a level; level -1 for an override. */
  private record Event(List<String> users, Instant start, Instant end, int level) {}

  static JsonNode finalShifts(
      ObjectMapper json, JsonNode schedule, List<JsonNode> shifts, Instant from, Instant to) {
    List<Event> events = new ArrayList<>();
    for (JsonNode shift : shifts) {
      events.addAll(events(shift, schedule, from, to));
    }
    Map<String, Instant> open = new HashMap<>();
    ArrayNode results = json.createArrayNode();
    for (Instant at = from; !at.isAfter(to); at = at.plus(STEP)) {
      Set<String> now = at.equals(to) ? Set.of() : onCall(events, at);
      for (String user : new ArrayList<>(open.keySet())) {
        if (!now.contains(user)) {
          ObjectNode entry = results.addObject();
          entry.put("user_pk", user).put("user_email", user + "@example.com");
          entry.put("shift_start", open.remove(user).toString()).put("shift_end", at.toString());
        }
      }
      for (String user : now) {
        open.putIfAbsent(user, at);
      }
    }
    ObjectNode answer = json.createObjectNode();
    answer.put("count", results.size()).putNull("next").putNull("previous");
    answer.set("results", results);
    return answer;
  }

  private static Set<String> onCall(List<Event> events, Instant at) {
    Set<String> users = new TreeSet<>();
    int top = Integer.MIN_VALUE;
    for (Event event : events) {
      if (!at.isBefore(event.start()) && at.isBefore(event.end())) {
        if (event.level() == -1) {
          return new TreeSet<>(event.users());
        }
        if (event.level() > top) {
          users.clear();
          top = event.level();
        }
        if (event.level() == top) {
          users.addAll(event.users());
        }
      }
    }
    return users;
  }

  private static List<Event> events(JsonNode shift, JsonNode schedule, Instant from, Instant to) {
    ZoneId zone = ZoneId.of(shift.path("time_zone").asText(schedule.path("time_zone").asText()));
    LocalDateTime start = LocalDateTime.parse(shift.path("start").asText());
    long seconds = shift.path("duration").asLong();
    List<Event> events = new ArrayList<>();
    if (shift.path("type").asText().equals("override")) {
      Instant begins = start.atZone(zone).toInstant();
      events.add(new Event(users(shift.path("users")), begins, begins.plusSeconds(seconds), -1));
      return events;
    }
    List<List<String>> groups = new ArrayList<>();
    if (shift.path("rolling_users").isArray()) {
      shift.path("rolling_users").forEach(group -> groups.add(users(group)));
    } else {
      groups.add(users(shift.path("users")));
    }
    Instant until =
        shift.path("until").isTextual()
            ? LocalDateTime.parse(shift.path("until").asText()).atZone(zone).toInstant()
            : Instant.MAX;
    int interval = shift.path("interval").asInt(1);
    long periodDays = shift.path("frequency").asText().equals("weekly") ? 7L * interval : interval;
    Set<DayOfWeek> days = new TreeSet<>();
    for (JsonNode day : shift.path("by_day")) {
      days.add(
          switch (day.asText()) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
          });
    }
    int first = shift.path("start_rotation_from_user_index").asInt(0);
    for (long k = 0; ; k++) {
      LocalDateTime period = start.plusDays(k * periodDays);
      if (!period.atZone(zone).toInstant().isBefore(to)) {
        break;
      }
      List<String> group = groups.get((int) ((k + first) % groups.size()));
      List<LocalDateTime> starts = new ArrayList<>();
      if (days.isEmpty()) {
        starts.add(period);
      } else {
        for (int d = 0; d < periodDays; d++) {
          LocalDateTime day = period.plusDays(d);
          if (days.contains(day.getDayOfWeek())) {
            starts.add(day);
          }
        }
      }
      for (LocalDateTime begins : starts) {
        Instant eventStart = begins.atZone(zone).toInstant();
        Instant eventEnd = begins.plusSeconds(seconds).atZone(zone).toInstant();
        if (eventEnd.isAfter(until)) {
          eventEnd = until;
        }
        if (eventEnd.isAfter(from.minus(Duration.ofDays(14))) && eventStart.isBefore(eventEnd)) {
          events.add(new Event(group, eventStart, eventEnd, shift.path("level").asInt(0)));
        }
      }
    }
    return events;
  }

  private static List<String> users(JsonNode users) {
    List<String> ids = new ArrayList<>();
    users.forEach(user -> ids.add(user.asText()));
    return ids;
  }
}
