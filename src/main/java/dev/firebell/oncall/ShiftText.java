package dev.firebell.oncall;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How notices about shifts write times and people. */
public final class ShiftText {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private ShiftText() {}

  /** {@code Mon 30 Nov 09:00 – Mon 7 Dec 09:00 (America/Denver)}. */
  public static String window(Instant from, Instant to, ZoneId zone) {
    return WHEN.format(from.atZone(zone))
        + " – "
        + WHEN.format(to.atZone(zone))
        + " ("
        + zone
        + ")";
  }

  public static String name(OnCall oncall, String personId) {
    return oncall.person(personId).map(Person::name).orElse(personId);
  }

  public static List<String> names(OnCall oncall, List<String> personIds) {
    return personIds.stream().map(id -> name(oncall, id)).toList();
  }

  public static String joined(List<String> names) {
    return names.stream().collect(Collectors.joining(", "));
  }
}
