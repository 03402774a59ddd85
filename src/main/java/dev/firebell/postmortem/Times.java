package dev.firebell.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as the postmortem template writes them, always in UTC. */
final class Times {
  private static final DateTimeFormatter HEADING =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm-ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Times() {}

  static String heading(Instant at) {
    return HEADING.format(at);
  }

  /** {@code 16:07}, for lists under an "All times are UTC" line. */
  static String clock(Instant at) {
    StringBuilder text = new StringBuilder(5);
    appendClock(text, at);
    return text.toString();
  }

  /** {@link #clock} appended to {@code out}, without a formatter's garbage for each entry. */
  static void appendClock(StringBuilder out, Instant at) {
    int minuteOfDay = (int) (Math.floorMod(at.getEpochSecond(), 86_400L) / 60);
    int hour = minuteOfDay / 60;
    int minute = minuteOfDay % 60;
    out.append((char) ('0' + hour / 10)).append((char) ('0' + hour % 10)).append(':');
    out.append((char) ('0' + minute / 10)).append((char) ('0' + minute % 10));
  }

  /** {@code 16:07 UTC}. */
  static String time(Instant at) {
    return clock(at) + " UTC";
  }

  /** {@code November 28, 2026}. */
  static String date(Instant at) {
    return DATE.format(at);
  }

  /** {@code 16:07 UTC on November 28, 2026}. */
  static String at(Instant at) {
    return time(at) + " on " + date(at);
  }

  /** The same day once, else both dates. */
  static String between(Instant from, Instant to) {
    if (date(from).equals(date(to))) {
      return time(from) + " and " + time(to) + " on " + date(from);
    }
    return at(from) + " and " + at(to);
  }

  /** Whole minutes, rounded to the nearest. */
  static long minutes(Duration duration) {
    return (duration.toSeconds() + 30) / 60;
  }

  /**
   * In the largest sensible units: {@code 45 seconds}, {@code 7 minutes}, {@code 2 hours 5
   * minutes}, {@code 7 days 3 hours}.
   */
  static String words(Duration duration) {
    long seconds = Math.max(0, duration.toSeconds());
    if (seconds < 60) {
      return count(seconds, "second");
    }
    long minutes = minutes(duration);
    if (minutes < 60) {
      return count(minutes, "minute");
    }
    if (minutes < 24 * 60) {
      return count(minutes / 60, "hour")
          + (minutes % 60 == 0 ? "" : " " + count(minutes % 60, "minute"));
    }
    long hours = (minutes + 30) / 60;
    return count(hours / 24, "day") + (hours % 24 == 0 ? "" : " " + count(hours % 24, "hour"));
  }

  private static String count(long amount, String unit) {
    return amount + " " + unit + (amount == 1 ? "" : "s");
  }

  static String percent(double value) {
    return value == Math.rint(value) ? (long) value + "%" : value + "%";
  }
}
