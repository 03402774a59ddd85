package dev.firebell.importer.grafanaoncall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.firebell.importer.WeekWindows;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.ShiftWindow;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OnCall shift ({@code rolling_users} or {@code recurrent_event}) as Firebell rotations, one
 * per position in its user groups (a group of two on call together is two rotations turning in
 * step): the shift's {@code start} is the anchor, {@code interval} × {@code frequency} the
 * hand-off, its {@code level} the priority, {@code until} the end. An event shorter than its
 * hand-off becomes windows: the {@code by_day} days (or every day) from the start's time for {@code
 * duration}; a weekly event without {@code by_day} is one span from the start's weekday. What
 * Firebell's model cannot say exactly is returned as the reason, with the closest rotations. Pure.
 */
final class ShiftMapping {
  private ShiftMapping() {}

  /** The rotations of one shift, and why they are approximate (null when exact). */
  record Mapped(List<Rotation> rotations, String approximation) {}

  /**
   * @param personOf the Firebell id of each OnCall user id
   * @throws IllegalArgumentException when the shift cannot be mapped at all, naming why
   */
  static Mapped map(JsonNode shift, Map<String, String> personOf) {
    List<List<String>> groups = groups(shift, personOf);
    LocalDateTime start = local(shift.path("start").asText(), "start");
    LocalDateTime until =
        shift.path("until").isTextual() ? local(shift.path("until").asText(), "until") : null;
    String frequency = shift.path("frequency").asText("");
    int interval = Math.max(1, shift.path("interval").asInt(1));
    Duration every =
        switch (frequency) {
          case "hourly" -> Duration.ofHours(interval);
          case "daily" -> Duration.ofDays(interval);
          case "weekly" -> Duration.ofDays(7L * interval);
          default -> throw new IllegalArgumentException("a shift repeating '" + frequency + "'");
        };
    Duration duration = Duration.ofSeconds(shift.path("duration").asLong(0));
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("a shift of " + duration.toSeconds() + " seconds");
    }
    Set<DayOfWeek> byDay = days(shift.path("by_day"));
    List<ShiftWindow> windows = new ArrayList<>();
    String approximation = null;
    if (!byDay.isEmpty() || duration.compareTo(every) < 0) {
      if (duration.compareTo(Duration.ofDays(1)) <= 0
          && (frequency.equals("weekly") || interval == 1 && frequency.equals("daily"))) {
        if (byDay.isEmpty()) {
          if (frequency.equals("weekly")) {
            windows.addAll(
                new WeekWindows()
                    .add(start.getDayOfWeek(), start.toLocalTime(), duration)
                    .windows());
          } else {
            windows.add(
                new ShiftWindow(Set.of(), start.toLocalTime(), start.toLocalTime().plus(duration)));
          }
        } else {
          windows.add(
              new ShiftWindow(byDay, start.toLocalTime(), start.toLocalTime().plus(duration)));
          if (frequency.equals("daily") && groups.size() > 1 && byDay.size() < 7) {
            approximation =
                "OnCall hands a daily shift on only on its days ("
                    + shift.path("by_day")
                    + "); Firebell hands it on every day";
          }
        }
      } else if (frequency.equals("weekly")
          && byDay.isEmpty()
          && duration.compareTo(every) < 0
          && duration.compareTo(WeekWindows.WEEK) <= 0
          && interval == 1) {
        windows.addAll(
            new WeekWindows().add(start.getDayOfWeek(), start.toLocalTime(), duration).windows());
      } else {
        approximation =
            "a "
                + frequency
                + " shift every "
                + interval
                + " lasting "
                + duration.toSeconds()
                + " s is on call for its whole turn in Firebell";
      }
    }
    int first = shift.path("start_rotation_from_user_index").asInt(0);
    int width = groups.get(0).size();
    boolean even = groups.stream().allMatch(group -> group.size() == width);
    if (!even) {
      approximation = "its user groups differ in size; each group's first member is on call";
    }
    int level = shift.path("level").asInt(0);
    List<Rotation> rotations = new ArrayList<>();
    for (int position = 0; position < (even ? width : 1); position++) {
      List<String> people = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        people.add(groups.get((g + first) % groups.size()).get(position));
      }
      rotations.add(new Rotation(start, every, people, windows, level, until));
    }
    return new Mapped(List.copyOf(rotations), approximation);
  }

  /** The user groups in turn: {@code rolling_users}, or for a recurrent event its one group. */
  private static List<List<String>> groups(JsonNode shift, Map<String, String> personOf) {
    List<List<String>> groups = new ArrayList<>();
    JsonNode rolling = shift.path("rolling_users");
    if (rolling.isArray() && !rolling.isEmpty()) {
      for (JsonNode group : rolling) {
        groups.add(people(group, personOf));
      }
    } else {
      groups.add(people(shift.path("users"), personOf));
    }
    if (groups.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a shift with an empty group of users");
    }
    return groups;
  }

  private static List<String> people(JsonNode users, Map<String, String> personOf) {
    List<String> people = new ArrayList<>();
    for (JsonNode user : users) {
      String person = personOf.get(user.asText());
      if (person == null) {
        throw new IllegalArgumentException(
            "a shift with user " + user.asText() + ", who was not imported");
      }
      people.add(person);
    }
    return people;
  }

  private static Set<DayOfWeek> days(JsonNode byDay) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (JsonNode day : byDay) {
      days.add(
          switch (day.asText()) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException("a shift on day '" + day.asText() + "'");
          });
    }
    return days.size() == 7 ? Set.of() : days;
  }

  /** OnCall writes shift times as local wall-clock times ({@code 2020-09-10T08:00:00}). */
  static LocalDateTime local(String text, String field) {
    try {
      return LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("a shift " + field + " of '" + text + "'");
    }
  }
}
