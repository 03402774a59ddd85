package dev.firebell.web.ui;

import dev.firebell.oncall.OnCall;
import dev.firebell.oncall.OnCallResolver;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Schedule;
import dev.firebell.oncall.Shift;
import dev.firebell.oncall.Shifts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A schedule's coming days as the on-call page shows them: one row a day in the schedule's time
 * zone, each with who is on call from when until when that day, and the rotation or override that
 * put them there.
 */
final class RotaDays {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  private RotaDays() {}

  /** The days as {@code zone} (the viewer's, else the schedule's) divides them. */
  static List<Map<String, Object>> of(
      OnCall oncall, Schedule schedule, Instant now, int days, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    Instant end = today.plusDays(days).atStartOfDay(zone).toInstant();
    List<Shift> shifts = Shifts.between(schedule, today.atStartOfDay(zone).toInstant(), end);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      LocalDate date = today.plusDays(d);
      Instant dayStart = date.atStartOfDay(zone).toInstant();
      Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
      List<Map<String, Object>> entries = new ArrayList<>();
      for (Shift shift : shifts) {
        if (shift.to().isAfter(dayStart) && shift.from().isBefore(dayEnd)) {
          entries.add(entry(oncall, schedule, shift, dayStart, dayEnd, zone));
        }
      }
      Map<String, Object> row = new HashMap<>();
      row.put("day", DAY.format(date));
      row.put("today", d == 0);
      row.put("shifts", entries);
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, Object> entry(
      OnCall oncall,
      Schedule schedule,
      Shift shift,
      Instant dayStart,
      Instant dayEnd,
      ZoneId zone) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("who", oncall.person(shift.person()).map(Person::name).orElse(shift.person()));
    entry.put("from", shift.from().isAfter(dayStart) ? hour(shift.from(), zone) : "00:00");
    entry.put("to", shift.to().isBefore(dayEnd) ? hour(shift.to(), zone) : "24:00");
    if (shift.via() != null) {
      entry.put("override", shift.via().describe());
      entry.put("overrideId", shift.via().id());
    } else if (schedule.rotations().size() > 1) {
      OnCallResolver.rotationAt(schedule, shift.person(), shift.from())
          .ifPresent(index -> entry.put("rotation", rotationName(schedule, index)));
    }
    return entry;
  }

  /** "rotation 2", with its priority when it is a layer over others: "rotation 2, priority 1". */
  private static String rotationName(Schedule schedule, int index) {
    int priority = schedule.rotations().get(index).priority();
    return "rotation " + (index + 1) + (priority == 0 ? "" : ", priority " + priority);
  }

  private static String hour(Instant at, ZoneId zone) {
    return HOUR.format(ZonedDateTime.ofInstant(at, zone));
  }
}
