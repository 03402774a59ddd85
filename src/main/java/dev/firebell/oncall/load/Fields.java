package dev.firebell.oncall.load;

import dev.firebell.config.ConfigException;
import dev.firebell.config.DurationParser;
import dev.firebell.oncall.Person;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** How oncall.yaml's values are read, each problem naming the file and the key. */
final class Fields {
  private final String file;

  Fields(String file) {
    this.file = file;
  }

  LocalTime timeOfDay(String text, String key) {
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(key, "'" + text + "' is not a time of day (write 09:00)");
    }
  }

  String knownPerson(String id, String key, Map<String, Person> people) {
    if (!people.containsKey(id)) {
      throw problem(key, "unknown person '" + id + "'");
    }
    return id;
  }

  ZoneId zone(String text, String key) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw problem(key, "'" + text + "' is not a time zone (use a name like America/Denver)");
    }
  }

  LocalDateTime localTime(String text, String key) {
    try {
      return LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw problem(key, "'" + text + "' is not a local date and time (write 2026-01-05T09:00)");
    }
  }

  Duration duration(String text, String key) {
    try {
      return DurationParser.parse(text);
    } catch (IllegalArgumentException e) {
      throw problem(key, e.getMessage());
    }
  }

  String required(String value, String key) {
    if (value == null || value.isBlank()) {
      throw problem(key, "is required");
    }
    return value.strip();
  }

  ConfigException problem(String key, String message) {
    return new ConfigException(file, key, message);
  }
}
