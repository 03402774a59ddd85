package dev.firebell.incident.timeline;

import java.time.Instant;

/**
 * One line of an incident's timeline. {@code kind} says what happened ({@code alert.fired} …);
 * {@code actor} is {@code system} for automatic entries.
 */
public record TimelineEntry(
    long id, long incidentId, Instant at, TimelineKind kind, String text, String actor) {
  public static final String SYSTEM = "system";
}
