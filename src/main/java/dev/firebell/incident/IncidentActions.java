package dev.firebell.incident;

import dev.firebell.incident.alert.GroupRepository;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.incident.timeline.TimelineRepository;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Acknowledge and resolve by a person, inside the caller's transaction. */
final class IncidentActions {
  private final IncidentRepository repository;
  private final TimelineRepository timeline;

  private final GroupRepository groups;

  IncidentActions(Handle handle) {
    this.repository = new IncidentRepository(handle);
    this.groups = new GroupRepository(handle);
    this.timeline = new TimelineRepository(handle);
  }

  ActionResult acknowledge(long id, Actor actor, Instant now) {
    Incident incident = lockedIncident(id);
    if (incident.status() != IncidentStatus.TRIGGERED) {
      return unchanged(incident);
    }
    repository.acknowledge(id, now, actor.personId());
    stamp(
        id,
        now,
        TimelineKind.ACKNOWLEDGED,
        "Acknowledged by " + actor.name() + " via " + actor.via(),
        actor);
    return new ActionResult(ActionOutcome.ACKNOWLEDGED, repository.findIncident(id).orElseThrow());
  }

  ActionResult resolve(long id, Actor actor, Instant now) {
    Incident incident = lockedIncident(id);
    if (incident.status() == IncidentStatus.RESOLVED) {
      return unchanged(incident);
    }
    repository.resolveIncident(id, now);
    groups.closeGroupOf(id);
    stamp(
        id,
        now,
        TimelineKind.INCIDENT_RESOLVED,
        "Resolved by " + actor.name() + " via " + actor.via(),
        actor);
    return new ActionResult(ActionOutcome.RESOLVED, repository.findIncident(id).orElseThrow());
  }

  /** Takes the group's lock first, as webhook deliveries do, so the two never interleave. */
  private Incident lockedIncident(long id) {
    Incident incident = repository.findIncident(id).orElseThrow(() -> new IncidentNotFound(id));
    groups.lockGroup(incident.groupHash());
    return repository.findIncident(id).orElseThrow();
  }

  private static ActionResult unchanged(Incident incident) {
    ActionOutcome outcome =
        incident.status() == IncidentStatus.RESOLVED
            ? ActionOutcome.ALREADY_RESOLVED
            : ActionOutcome.ALREADY_ACKNOWLEDGED;
    return new ActionResult(outcome, incident);
  }

  private void stamp(long id, Instant at, TimelineKind kind, String text, Actor actor) {
    timeline.insertTimelineEntry(id, at, kind, text, actor.personId(), null);
  }
}
