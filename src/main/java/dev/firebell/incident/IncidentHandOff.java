package dev.firebell.incident;

import dev.firebell.config.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Work that commits together with an incident's change: paging starts a new incident's escalation
 * and queues its first pages, or stops it and queues status updates when the incident is
 * acknowledged or resolved, in the transaction that makes the change. What it queues is durable
 * with the change and goes out as soon as that transaction is durable: a new incident's pages are
 * handed straight to a sender ({@link Queued}), the rest waits for the outbox pass it asks for.
 */
public interface IncidentHandOff {
  IncidentHandOff NONE = new IncidentHandOff() {};

  /** Several hand-offs, each told in turn, all in the same transaction. */
  static IncidentHandOff all(IncidentHandOff... handOffs) {
    return new IncidentHandOff() {
      @Override
      public Queued opened(
          Handle handle,
          long incidentId,
          Map<String, String> routingLabels,
          Urgency urgency,
          Instant now) {
        Queued queued = Queued.NOTHING;
        for (IncidentHandOff handOff : handOffs) {
          queued = queued.and(handOff.opened(handle, incidentId, routingLabels, urgency, now));
        }
        return queued;
      }

      @Override
      public void declared(
          Handle handle, long incidentId, Declaration.Target target, Urgency urgency, Instant now) {
        for (IncidentHandOff handOff : handOffs) {
          handOff.declared(handle, incidentId, target, urgency, now);
        }
      }

      @Override
      public boolean escalateNow(Handle handle, long incidentId, Actor actor, Instant now) {
        boolean escalated = false;
        for (IncidentHandOff handOff : handOffs) {
          escalated |= handOff.escalateNow(handle, incidentId, actor, now);
        }
        return escalated;
      }

      @Override
      public void reopened(Handle handle, long incidentId, Instant now) {
        for (IncidentHandOff handOff : handOffs) {
          handOff.reopened(handle, incidentId, now);
        }
      }

      @Override
      public List<String> respondersAdded(
          Handle handle, long incidentId, Responders responders, Actor actor, Instant now) {
        List<String> paged = new java.util.ArrayList<>();
        for (IncidentHandOff handOff : handOffs) {
          paged.addAll(handOff.respondersAdded(handle, incidentId, responders, actor, now));
        }
        return List.copyOf(paged);
      }

      @Override
      public void statusChanged(
          Handle handle, long incidentId, IncidentStatus status, Instant now) {
        for (IncidentHandOff handOff : handOffs) {
          handOff.statusChanged(handle, incidentId, status, now);
        }
      }
    };
  }

  /**
   * A triggered, non-test incident was just opened on {@code handle}.
   *
   * @param routingLabels the group's common labels completed by its first alert's
   * @param urgency the urgency its severity gives it (a route may change it)
   * @return what it queued, set going once the incident is durable
   */
  default Queued opened(
      Handle handle,
      long incidentId,
      Map<String, String> routingLabels,
      Urgency urgency,
      Instant now) {
    return Queued.NOTHING;
  }

  /**
   * A person just declared an incident of {@code urgency} on {@code handle}, paging {@code target}.
   */
  default void declared(
      Handle handle, long incidentId, Declaration.Target target, Urgency urgency, Instant now) {}

  /**
   * A person asked for the next escalation step now, on {@code handle}; false when no escalation is
   * running for the incident.
   */
  default boolean escalateNow(Handle handle, long incidentId, Actor actor, Instant now) {
    return false;
  }

  /** An acknowledged incident was put back to triggered by hand: its escalation resumes. */
  default void reopened(Handle handle, long incidentId, Instant now) {}

  /** A person added responders; answers the ids of the people paged. */
  default List<String> respondersAdded(
      Handle handle, long incidentId, Responders responders, Actor actor, Instant now) {
    return List.of();
  }

  /** An incident was just acknowledged or resolved on {@code handle} (by anyone or anything). */
  default void statusChanged(Handle handle, long incidentId, IncidentStatus status, Instant now) {}
}
