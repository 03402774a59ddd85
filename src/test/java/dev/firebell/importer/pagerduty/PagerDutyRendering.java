package dev.firebell.importer.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * PagerDuty's final schedule as its documentation describes it, computed from a schedule's layers
 * and overrides without any of Firebell's code: the recorded answer of {@code GET
 * /schedules/{id}?since=&until=} for the tests. Layers are listed top first; the first layer that
 * is active, inside a restriction and has someone decides; an override replaces them all. Hand-offs
 * of whole-day turns keep their wall-clock time; shorter turns count elapsed time.
 */
final class PagerDutyRendering {
  private static final Duration STEP = Duration.ofMinutes(30);

  private PagerDutyRendering() {}

  /** The schedule answer with {@code final_schedule.rendered_schedule_entries} filled in. */
  static JsonNode render(
      ObjectMapper json, JsonNode scheduleAnswer, JsonNode overrides, Instant from, Instant to) {
    JsonNode schedule = scheduleAnswer.path("schedule");
    ZoneId zone = ZoneId.of(schedule.path("time_zone").asText());
    ArrayNode entries = json.createArrayNode();
    String current = null;
    Instant currentStart = null;
    for (Instant at = from; at.isBefore(to); at = at.plus(STEP)) {
      String user = userAt(schedule, overrides, zone, at);
      if (!java.util.Objects.equals(user, current)) {
        if (current != null) {
          entries.add(entry(json, current, currentStart, at));
        }
        current = user;
        currentStart = at;
      }
    }
    if (current != null) {
      entries.add(entry(json, current, currentStart, to));
    }
    ObjectNode answer = scheduleAnswer.deepCopy();
    ((ObjectNode) answer.path("schedule").path("final_schedule"))
        .set("rendered_schedule_entries", entries);
    return answer;
  }

  private static String userAt(JsonNode schedule, JsonNode overrides, ZoneId zone, Instant at) {
    for (JsonNode override : overrides.path("overrides")) {
      if (!at.isBefore(time(override, "start")) && at.isBefore(time(override, "end"))) {
        return override.path("user").path("id").asText();
      }
    }
    for (JsonNode layer : schedule.path("schedule_layers")) {
      boolean started = !at.isBefore(time(layer, "start"));
      boolean ended = layer.path("end").isTextual() && !at.isBefore(time(layer, "end"));
      if (started && !ended && layer.path("users").size() > 0 && restricted(layer, zone, at)) {
        return turn(layer, zone, at);
      }
    }
    return null;
  }

  private static boolean restricted(JsonNode layer, ZoneId zone, Instant at) {
    JsonNode restrictions = layer.path("restrictions");
    if (restrictions.isEmpty()) {
      return true;
    }
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    for (JsonNode restriction : restrictions) {
      LocalTime start = LocalTime.parse(restriction.path("start_time_of_day").asText());
      long seconds = restriction.path("duration_seconds").asLong();
      boolean weekly = restriction.path("type").asText().equals("weekly_restriction");
      for (int back = weekly ? 7 : 1; back >= 0; back--) {
        LocalDate day = local.toLocalDate().minusDays(back);
        if (weekly
            && day.getDayOfWeek() != DayOfWeek.of(restriction.path("start_day_of_week").asInt())) {
          continue;
        }
        LocalDateTime begins = day.atTime(start);
        if (!local.isBefore(begins) && local.isBefore(begins.plusSeconds(seconds))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String turn(JsonNode layer, ZoneId zone, Instant at) {
    Instant virtualStart = time(layer, "rotation_virtual_start");
    long length = layer.path("rotation_turn_length_seconds").asLong();
    long turns;
    if (length % 86_400 == 0) {
      LocalDateTime anchor = LocalDateTime.ofInstant(virtualStart, zone);
      turns = 0;
      while (!anchor
          .plusDays((turns + 1) * (length / 86_400))
          .atZone(zone)
          .toInstant()
          .isAfter(at)) {
        turns++;
      }
    } else {
      turns = Duration.between(virtualStart, at).getSeconds() / length;
    }
    JsonNode users = layer.path("users");
    return users.get((int) (turns % users.size())).path("user").path("id").asText();
  }

  private static JsonNode entry(ObjectMapper json, String user, Instant start, Instant end) {
    ObjectNode entry = json.createObjectNode();
    entry.put("start", start.toString());
    entry.put("end", end.toString());
    entry.putObject("user").put("id", user).put("type", "user_reference");
    return entry;
  }

  private static Instant time(JsonNode node, String field) {
    return OffsetDateTime.parse(node.path(field).asText()).toInstant();
  }
}
