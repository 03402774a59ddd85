package dev.firebell.incident;

import dev.firebell.incident.alert.AlertRepository;
import dev.firebell.incident.alert.IncidentAlert;
import dev.firebell.incident.review.IncidentReview;
import dev.firebell.incident.review.ReviewCodec;
import dev.firebell.incident.review.ReviewRepository;
import dev.firebell.incident.timeline.TimelineRepository;
import dev.firebell.security.UsedLinkRepository;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads incidents back for the API, the web interface and the postmortem, each on a handle of its
 * own; {@link IncidentService} changes them.
 */
public final class IncidentReads {
  private final Jdbi jdbi;

  public IncidentReads(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The incident alone. */
  public Incident incident(long id) {
    return jdbi.withHandle(
        handle ->
            new IncidentRepository(handle)
                .findIncident(id)
                .orElseThrow(() -> new IncidentNotFound(id)));
  }

  /** The incident with every alert instance, its timeline and its review. */
  public IncidentDetails details(long id) {
    return jdbi.withHandle(handle -> details(handle, id, new AlertRepository(handle).alerts(id)));
  }

  /** The incident with its first {@code listed} alerts, their count and their rules' names. */
  public IncidentSummary summary(long id, int listed) {
    return jdbi.withHandle(
        handle -> {
          AlertRepository alerts = new AlertRepository(handle);
          List<IncidentAlert> first = alerts.firstAlerts(id, listed);
          return new IncidentSummary(
              details(handle, id, first),
              alerts.alertCount(id, first, listed),
              alerts.alertNames(id));
        });
  }

  /** The incident with {@code alerts} (all of them, or the first few), its timeline and review. */
  private static IncidentDetails details(Handle handle, long id, List<IncidentAlert> alerts) {
    Incident incident =
        new IncidentRepository(handle).findIncident(id).orElseThrow(() -> new IncidentNotFound(id));
    return new IncidentDetails(
        incident,
        alerts,
        new TimelineRepository(handle).timeline(id),
        ReviewCodec.read(new ReviewRepository(handle).review(id)));
  }

  public IncidentReview review(long id) {
    return jdbi.withHandle(
        handle -> {
          new IncidentRepository(handle)
              .findIncident(id)
              .orElseThrow(() -> new IncidentNotFound(id));
          return ReviewCodec.read(new ReviewRepository(handle).review(id));
        });
  }

  /**
   * Incidents newest first; severity and service may be null. With {@code openFirst} (the web
   * interface), open incidents come before resolved ones.
   */
  public List<Incident> list(
      IncidentFilter filter, String severity, String service, int limit, boolean openFirst) {
    return jdbi.withHandle(
        handle -> new IncidentQueries(handle).list(filter, severity, service, limit, openFirst));
  }

  public List<String> services() {
    return jdbi.withHandle(handle -> new IncidentQueries(handle).services());
  }

  /** Earlier incidents of the same alert group or alert rule, newest first. */
  public List<Incident> earlierIncidents(Incident incident) {
    return jdbi.withHandle(
        handle -> {
          IncidentQueries queries = new IncidentQueries(handle);
          return queries.earlierIncidents(incident, queries.alertName(incident.id()));
        });
  }

  /** Who resolved an incident (a person id, or system), or null while it is open. */
  public String resolvedBy(long id) {
    return jdbi.withHandle(handle -> new TimelineRepository(handle).resolvedBy(id).orElse(null));
  }

  /** Whether a one-time link was already used. */
  public boolean linkUsed(String tokenHash) {
    return jdbi.withHandle(handle -> new UsedLinkRepository(handle).uses(tokenHash) > 0);
  }
}
