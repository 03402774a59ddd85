package dev.firebell.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations the way Grafana and Prometheus users write them: {@code 30s}, {@code 5m}, {@code
 * 1h30m}, {@code 1d}, {@code 1w}, {@code 500ms}; ISO-8601 ({@code PT5M}) is accepted too.
 */
public final class DurationParser {
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d|w))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

  private DurationParser() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException naming the accepted forms when the text is not a duration
   */
  public static Duration parse(String text) {
    String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (trimmed.startsWith("p")) {
      try {
        return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    if (!WHOLE.matcher(trimmed).matches()) {
      throw invalid(text);
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    while (part.find()) {
      total = total.plus(unit(Long.parseLong(part.group(1)), part.group(2)));
    }
    return total;
  }

  /** The shortest form this parser reads back: {@code 5m}, {@code 1h30m}, {@code 45s}. */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    StringBuilder text = new StringBuilder();
    long[] sizes = {604_800, 86_400, 3_600, 60, 1};
    String[] units = {"w", "d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        text.append(seconds / sizes[i]).append(units[i]);
        seconds %= sizes[i];
      }
    }
    return text.isEmpty() ? duration.toMillis() + "ms" : text.toString();
  }

  private static Duration unit(long amount, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      case "w" -> Duration.ofDays(7 * amount);
      default -> throw new IllegalStateException("unit " + unit);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration (write it like 30s, 5m, 1h30m, 1d or 1w)");
  }
}
