package dev.firebell.incident.timeline;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * The one way other packages stamp an incident's timeline, inside their own transaction: paging and
 * maintenance say what happened with a {@link TimelineKind}, and only this package writes the
 * table.
 */
public final class Timeline {
  private final TimelineRepository repository;

  private Timeline(TimelineRepository repository) {
    this.repository = repository;
  }

  /** The timeline, on the caller's transaction. */
  public static Timeline on(Handle handle) {
    return new Timeline(new TimelineRepository(handle));
  }

  /** An automatic entry (actor {@code system}). */
  public void stamp(long incidentId, Instant at, TimelineKind kind, String text) {
    repository.insertTimelineEntry(incidentId, at, kind, text, TimelineEntry.SYSTEM, null);
  }
}
