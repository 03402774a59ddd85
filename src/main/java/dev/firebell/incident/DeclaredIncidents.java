package dev.firebell.incident;

import dev.firebell.config.Urgency;
import dev.firebell.incident.alert.AlertGroupSignal;
import dev.firebell.incident.alert.GroupRepository;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.incident.review.ReviewCodec;
import dev.firebell.incident.review.ReviewRepository;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.incident.timeline.TimelineRepository;
import dev.firebell.security.Hashing;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes a declared incident in the caller's transaction: a group of its own (so it dedupes
 * nothing), the incident with source {@code manual}, its summary, and {@code incident.declared} on
 * its timeline with the person who declared it.
 */
final class DeclaredIncidents {
  private final Handle handle;

  DeclaredIncidents(Handle handle) {
    this.handle = handle;
  }

  /** Returns the new incident's id. */
  long declare(Declaration declaration, Urgency urgency, Actor actor, Instant now) {
    String groupHash = Hashing.sha256Hex("declared:" + UUID.randomUUID());
    AlertGroupSignal signal =
        new AlertGroupSignal(
            Declaration.SOURCE,
            groupHash,
            "declared by " + actor.personId(),
            "",
            declaration.title(),
            declaration.severity(),
            declaration.service(),
            false,
            Map.of(),
            declaration.labels(),
            Map.of(),
            null,
            List.of(),
            0,
            now);
    long id = new IncidentRepository(handle).insertIncident(signal, now, null, urgency);
    new GroupRepository(handle).insertGroup(signal, id);
    if (declaration.summary() != null) {
      IncidentReview review =
          new IncidentReview(declaration.summary(), null, null, null, null, List.of());
      new ReviewRepository(handle)
          .updateFields(id, declaration.title(), declaration.severity(), ReviewCodec.write(review));
    }
    new TimelineRepository(handle)
        .insertTimelineEntry(
            id,
            now,
            TimelineKind.INCIDENT_DECLARED,
            "Declared by "
                + actor.name()
                + " via "
                + actor.via()
                + ", paging "
                + declaration.target(),
            actor.personId(),
            null);
    return id;
  }
}
