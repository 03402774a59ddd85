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

  /** Back to triggered; false when the incident was not acknowledged. */
  boolean unacknowledge(long id, Actor actor, Instant now) {
    lockedIncident(id);
    if (repository.expireAcknowledgement(id) == 0) {
      return false;
    }
    stamp(
        id,
        now,
        TimelineKind.UNACKNOWLEDGED,
        "Unacknowledged by " + actor.name() + " via " + actor.via() + ": paging resumes",
        actor);
    return true;
  }

  /** The incident, locked, when it is triggered; else a conflict naming its status. */
  Incident triggered(long id, String what) {
    Incident incident = lockedIncident(id);
    if (incident.status() != IncidentStatus.TRIGGERED) {
      throw new IncidentConflict(
          "incident " + id + " is " + incident.status().wireName() + ": nothing to " + what);
    }
    return incident;
  }

  /** The incident, locked, unless it is resolved. */
  Incident open(long id, String what) {
    Incident incident = lockedIncident(id);
    if (incident.status() == IncidentStatus.RESOLVED) {
      throw new IncidentConflict("incident " + id + " is resolved: nothing to " + what);
    }
    return incident;
  }

  void stampBy(long id, Instant at, TimelineKind kind, String text, Actor actor) {
    stamp(id, at, kind, text, actor);
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
