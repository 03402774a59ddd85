package dev.firebell.incident;

import java.time.Instant;

/**
 * One line of an incident's timeline. {@code kind} is a dotted name such as {@code alert.fired};
 * {@code actor} is {@code system} for automatic entries.
 */
public record TimelineEntry(
    long id, long incidentId, Instant at, String kind, String text, String actor) {
  public static final String SYSTEM = "system";
}
