package dev.firebell.web.oncall;

import dev.firebell.web.HttpProblem;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A time in a query string: ISO-8601 with an offset; a bad one is a 400 naming its field. */
final class TimeParam {
  private TimeParam() {}

  /** The time in {@code text}, or {@code fallback} when it is absent or blank. */
  static Instant parse(String text, String field, Instant fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new HttpProblem(
          400,
          field + " must be an ISO-8601 time with an offset, like 2026-12-24T09:00:00Z",
          field);
    }
  }
}
