package dev.firebell.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads alert times. Grafana and Alertmanager send RFC 3339 with up to nanoseconds and any offset;
 * Go's zero time {@code 0001-01-01T00:00:00Z} means "not set". Custom payload templates can print
 * Go's {@code time.Time.String()} form ({@code 2026-05-27 15:36:00.112 +0000 UTC m=+8560.28}),
 * which is read too.
 */
final class SourceTimestamps {
  private static final Pattern GO_STRING_FORM =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?) ([+-]\\d{2})(\\d{2})"
              + "(?: [A-Za-z]+)?(?: m=[+-][0-9.]+)?");

  private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

  private SourceTimestamps() {}

  /** The instant, or null for an absent, empty or zero time. */
  static Instant parse(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    if (trimmed.equals(GO_ZERO_TIME)) { // Grafana's endsAt of every firing alert: no parse
      return null;
    }
    String iso = trimmed;
    // Only Go's form has a space after the date; RFC 3339 text is spared the expression.
    if (trimmed.length() > 10 && trimmed.charAt(10) == ' ') {
      Matcher goForm = GO_STRING_FORM.matcher(trimmed);
      if (goForm.matches()) {
        iso = goForm.group(1) + "T" + goForm.group(2) + goForm.group(3) + ":" + goForm.group(4);
      }
    }
    try {
      // Databases keep microseconds; truncating here keeps comparisons with stored times exact.
      Instant instant = OffsetDateTime.parse(iso).toInstant().truncatedTo(ChronoUnit.MICROS);
      return instant.getEpochSecond() <= ZERO_TIME_LIMIT ? null : instant;
    } catch (DateTimeParseException e) {
      throw new InvalidPayload(
          field, field + " is not a timestamp: '" + text + "' (expected RFC 3339)");
    }
  }

  /** Go's zero time is year 1; anything before year 2 means "not set". */
  private static final long ZERO_TIME_LIMIT = -62_104_060_800L;
}
