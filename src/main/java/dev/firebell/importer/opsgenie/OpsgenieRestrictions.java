package dev.firebell.importer.opsgenie;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.importer.WeekWindows;
import dev.firebell.oncall.ShiftWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rotation's {@code timeRestriction} as Firebell's shift windows covering exactly the same
 * wall-clock time. {@code time-of-day} ({@code restriction}: {@code startHour}, {@code startMin},
 * {@code endHour}, {@code endMin}) is one window on every day, across midnight when it ends before
 * it starts; {@code weekday-and-time-of-day} ({@code restrictions}, each from {@code startDay} at
 * its start to {@code endDay} at its end, a range such as Monday 09:00 → Friday 18:00) is cut at
 * each midnight ({@link WeekWindows}). Pure.
 */
final class OpsgenieRestrictions {
  private OpsgenieRestrictions() {}

  /**
   * @throws IllegalArgumentException for an unknown type, day or time, naming it
   */
  static List<ShiftWindow> windows(JsonNode restriction) {
    if (restriction == null || restriction.isMissingNode() || restriction.isNull()) {
      return List.of();
    }
    String type = restriction.path("type").asText();
    switch (type) {
      case "time-of-day" -> {
        JsonNode range = restriction.path("restriction");
        return List.of(new ShiftWindow(Set.of(), time(range, "start"), time(range, "end")));
      }
      case "weekday-and-time-of-day" -> {
        WeekWindows week = new WeekWindows();
        for (JsonNode range : restriction.path("restrictions")) {
          DayOfWeek startDay = day(range.path("startDay").asText());
          DayOfWeek endDay = day(range.path("endDay").asText());
          LocalTime start = time(range, "start");
          LocalTime end = time(range, "end");
          Duration length =
              Duration.ofDays((endDay.getValue() - startDay.getValue() + 7) % 7)
                  .plus(Duration.between(start, end));
          if (length.isNegative() || length.isZero()) {
            length = length.plus(WeekWindows.WEEK); // ends on its start day, a week later
          }
          week.add(startDay, start, length);
        }
        return week.windows();
      }
      default -> throw new IllegalArgumentException("a time restriction of type '" + type + "'");
    }
  }

  private static LocalTime time(JsonNode range, String prefix) {
    int hour = range.path(prefix + "Hour").asInt(-1);
    int minute = range.path(prefix + "Min").asInt(0);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      throw new IllegalArgumentException(
          "a time restriction " + prefix + " of " + hour + ":" + minute);
    }
    return LocalTime.of(hour, minute);
  }

  private static DayOfWeek day(String text) {
    try {
      return DayOfWeek.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a time restriction on day '" + text + "'");
    }
  }
}
