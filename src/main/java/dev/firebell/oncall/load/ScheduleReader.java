package dev.firebell.oncall.load;

import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rotation;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.ScheduleOverride;
import dev.firebell.oncall.ShiftWindow;
import dev.firebell.oncall.load.OnCallFile.OverrideEntry;
import dev.firebell.oncall.load.OnCallFile.RestrictionEntry;
import dev.firebell.oncall.load.OnCallFile.RotationEntry;
import dev.firebell.oncall.load.OnCallFile.ScheduleEntry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads a schedule of oncall.yaml: its zone, rotations with their windows, and overrides. */
final class ScheduleReader {
  private final Fields fields;

  ScheduleReader(Fields fields) {
    this.fields = fields;
  }

  Schedule schedule(ScheduleEntry entry, String key, Map<String, Person> people) {
    String id = fields.required(entry.id(), key + ".id");
    ZoneId zone =
        fields.zone(fields.required(entry.timeZone(), key + ".timeZone"), key + ".timeZone");
    List<Rotation> rotations = new ArrayList<>();
    for (int i = 0; i < entry.rotations().size(); i++) {
      rotations.add(rotation(entry.rotations().get(i), key + ".rotations[" + i + "]", people));
    }
    List<ScheduleOverride> overrides = new ArrayList<>();
    for (int i = 0; i < entry.overrides().size(); i++) {
      overrides.add(
          override(entry.overrides().get(i), key + ".overrides[" + i + "]", people, zone));
    }
    if (rotations.isEmpty() && overrides.isEmpty()) {
      throw fields.problem(key + ".rotations", "a schedule needs at least one rotation");
    }
    return new Schedule(id, zone, List.copyOf(rotations), List.copyOf(overrides));
  }

  private Rotation rotation(RotationEntry entry, String key, Map<String, Person> people) {
    LocalDateTime start =
        fields.localTime(fields.required(entry.start(), key + ".start"), key + ".start");
    Duration every =
        fields.duration(fields.required(entry.every(), key + ".every"), key + ".every");
    if (every.compareTo(Duration.ofMinutes(1)) < 0) {
      throw fields.problem(key + ".every", "must be at least 1m");
    }
    if (entry.people().isEmpty()) {
      throw fields.problem(key + ".people", "a rotation needs at least one person");
    }
    for (int i = 0; i < entry.people().size(); i++) {
      fields.knownPerson(entry.people().get(i), key + ".people[" + i + "]", people);
    }
    List<ShiftWindow> windows = new ArrayList<>();
    for (int i = 0; i < entry.restrictions().size(); i++) {
      windows.add(window(entry.restrictions().get(i), key + ".restrictions[" + i + "]"));
    }
    LocalDateTime end = null;
    if (entry.end() != null) {
      end = fields.localTime(entry.end(), key + ".end");
      if (!end.isAfter(start)) {
        throw fields.problem(key + ".end", "must be after start");
      }
    }
    int priority = entry.priority() == null ? 0 : entry.priority();
    return new Rotation(start, every, List.copyOf(entry.people()), windows, priority, end);
  }

  /** A shift window: days of the week (every day when left out) and wall-clock times. */
  private ShiftWindow window(RestrictionEntry entry, String key) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int i = 0; i < entry.days().size(); i++) {
      String day = entry.days().get(i);
      DayOfWeek known = DAYS.get(day == null ? "" : day.strip().toLowerCase(Locale.ROOT));
      if (known == null) {
        throw fields.problem(
            key + ".days[" + i + "]",
            "'" + day + "' is not a day (use mon, tue, wed, thu, fri, sat or sun)");
      }
      days.add(known);
    }
    return new ShiftWindow(
        days,
        fields.timeOfDay(fields.required(entry.from(), key + ".from"), key + ".from"),
        fields.timeOfDay(fields.required(entry.to(), key + ".to"), key + ".to"));
  }

  private ScheduleOverride override(
      OverrideEntry entry, String key, Map<String, Person> people, ZoneId zone) {
    String person =
        fields.knownPerson(
            fields.required(entry.person(), key + ".person"), key + ".person", people);
    LocalDateTime from =
        fields.localTime(fields.required(entry.from(), key + ".from"), key + ".from");
    LocalDateTime to = fields.localTime(fields.required(entry.to(), key + ".to"), key + ".to");
    if (!to.isAfter(from)) {
      throw fields.problem(key + ".to", "must be after from");
    }
    return ScheduleOverride.configured(
        person, from.atZone(zone).toInstant(), to.atZone(zone).toInstant());
  }

  private static final Map<String, DayOfWeek> DAYS =
      Map.of(
          "mon", DayOfWeek.MONDAY,
          "tue", DayOfWeek.TUESDAY,
          "wed", DayOfWeek.WEDNESDAY,
          "thu", DayOfWeek.THURSDAY,
          "fri", DayOfWeek.FRIDAY,
          "sat", DayOfWeek.SATURDAY,
          "sun", DayOfWeek.SUNDAY);
}
