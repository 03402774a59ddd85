package dev.firebell.importer.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Opsgenie's schedule timeline as its documentation describes it, computed without any of
 * Firebell's code: the recorded answer of {@code GET /v2/schedules/{id}/timeline} for the tests.
 * Every enabled rotation puts its current participant on call inside its time restriction; an
 * override takes the place of the rotations it names (all when it names none). Daily and weekly
 * turns hand off at the start's wall-clock time; hourly turns count elapsed hours.
 */
final class OpsgenieRendering {
  private static final Duration STEP = Duration.ofMinutes(30);

  private OpsgenieRendering() {}

  static JsonNode timeline(
      ObjectMapper json, JsonNode schedule, JsonNode overrides, Instant from, Instant to) {
    ZoneId zone = ZoneId.of(schedule.path("timezone").asText());
    ObjectNode answer = json.createObjectNode();
    ObjectNode data = answer.putObject("data");
    data.putObject("_parent")
        .put("id", schedule.path("id").asText())
        .put("name", schedule.path("name").asText())
        .put("enabled", true);
    data.put("startDate", from.toString()).put("endDate", to.toString());
    ArrayNode rotations = data.putObject("finalTimeline").putArray("rotations");
    int order = 0;
    for (JsonNode rotation : schedule.path("rotations")) {
      ObjectNode entry = rotations.addObject();
      entry.put("id", rotation.path("id").asText()).put("name", rotation.path("name").asText());
      entry.put("order", order++);
      ArrayNode periods = entry.putArray("periods");
      String current = null;
      Instant since = null;
      for (Instant at = from; !at.isAfter(to); at = at.plus(STEP)) {
        String user = at.equals(to) ? null : userAt(rotation, overrides, zone, at);
        if (!Objects.equals(user, current)) {
          if (current != null) {
            periods
                .addObject()
                .put("startDate", since.toString())
                .put("endDate", at.toString())
                .put("type", "default")
                .putObject("recipient")
                .put("id", current)
                .put("type", "user");
          }
          current = user;
          since = at;
        }
      }
    }
    return answer;
  }

  private static String userAt(JsonNode rotation, JsonNode overrides, ZoneId zone, Instant at) {
    Instant start = time(rotation.path("startDate"));
    boolean ended =
        rotation.path("endDate").isTextual() && !at.isBefore(time(rotation.path("endDate")));
    if (at.isBefore(start) || ended || !restricted(rotation.path("timeRestriction"), zone, at)) {
      return null;
    }
    for (JsonNode override : overrides.path("data")) {
      boolean named = override.path("rotations").isEmpty();
      for (JsonNode r : override.path("rotations")) {
        named |= r.path("id").asText().equals(rotation.path("id").asText());
      }
      if (named
          && !at.isBefore(time(override.path("startDate")))
          && at.isBefore(time(override.path("endDate")))) {
        return override.path("user").path("id").asText();
      }
    }
    long length = rotation.path("length").asLong(1);
    long turns;
    String type = rotation.path("type").asText();
    if (type.equals("hourly")) {
      turns = Duration.between(start, at).toHours() / length;
    } else {
      long days = type.equals("weekly") ? 7 * length : length;
      LocalDateTime anchor = LocalDateTime.ofInstant(start, zone);
      turns = 0;
      while (!anchor.plusDays((turns + 1) * days).atZone(zone).toInstant().isAfter(at)) {
        turns++;
      }
    }
    JsonNode participants = rotation.path("participants");
    return participants.get((int) (turns % participants.size())).path("id").asText();
  }

  private static boolean restricted(JsonNode restriction, ZoneId zone, Instant at) {
    if (restriction.isMissingNode() || restriction.isNull()) {
      return true;
    }
    LocalDateTime local = LocalDateTime.ofInstant(at, zone);
    if (restriction.path("type").asText().equals("time-of-day")) {
      JsonNode range = restriction.path("restriction");
      LocalTime from =
          LocalTime.of(range.path("startHour").asInt(), range.path("startMin").asInt());
      LocalTime to = LocalTime.of(range.path("endHour").asInt(), range.path("endMin").asInt());
      LocalTime now = local.toLocalTime();
      return from.isBefore(to)
          ? !now.isBefore(from) && now.isBefore(to)
          : !now.isBefore(from) || now.isBefore(to);
    }
    for (JsonNode range : restriction.path("restrictions")) {
      DayOfWeek startDay =
          DayOfWeek.valueOf(range.path("startDay").asText().toUpperCase(Locale.ROOT));
      DayOfWeek endDay = DayOfWeek.valueOf(range.path("endDay").asText().toUpperCase(Locale.ROOT));
      LocalTime from =
          LocalTime.of(range.path("startHour").asInt(), range.path("startMin").asInt());
      LocalTime to = LocalTime.of(range.path("endHour").asInt(), range.path("endMin").asInt());
      for (int back = 0; back <= 7; back++) {
        LocalDateTime begins = local.toLocalDate().minusDays(back).atTime(from);
        if (begins.getDayOfWeek() != startDay || begins.isAfter(local)) {
          continue;
        }
        int days = (endDay.getValue() - startDay.getValue() + 7) % 7;
        LocalDateTime ends = begins.toLocalDate().plusDays(days).atTime(to);
        if (!ends.isAfter(begins)) {
          ends = ends.plusDays(7);
        }
        if (local.isBefore(ends)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Instant time(JsonNode node) {
    return OffsetDateTime.parse(node.asText()).toInstant();
  }
}
