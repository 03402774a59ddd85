package dev.firebell.incident;

import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Work that commits together with a new incident: paging starts the incident's escalation and
 * queues its first pages here, in the transaction that opens it, so the page is durable with the
 * incident and goes out as soon as that transaction commits.
 */
public interface IncidentHandOff {
  IncidentHandOff NONE = (handle, incidentId, routingLabels, now) -> {};

  /**
   * A triggered, non-test incident was just opened on {@code handle}.
   *
   * @param routingLabels the group's common labels completed by its first alert's
   */
  void opened(Handle handle, long incidentId, Map<String, String> routingLabels, Instant now);
}
