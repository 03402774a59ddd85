package dev.firebell.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/** The read models of incidents: lists, earlier incidents, services. Run on the caller's handle. */
public final class IncidentQueries {
  /** Earlier incidents a postmortem lists at most. */
  private static final int EARLIER = 10;

  private final Handle handle;

  public IncidentQueries(Handle handle) {
    this.handle = handle;
  }

  public Optional<Incident> findIncident(long id) {
    return handle
        .createQuery("SELECT " + IncidentColumns.COLUMNS + " FROM incident WHERE id = :id")
        .bind("id", id)
        .map(IncidentColumns.INCIDENT)
        .findOne();
  }

  /**
   * The incident list of the API and the web interface, newest first; severity and service may be
   * null. With {@code openFirst} (the web interface), open incidents come before resolved ones.
   * Each status range is one query on the (status, id) index rather than a sort of every incident
   * ever stored.
   */
  public List<Incident> list(
      IncidentFilter filter, String severity, String service, int limit, boolean openFirst) {
    if (filter == IncidentFilter.ALL && !openFirst) {
      return listQuery(
          "status IN ('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED')", severity, service, limit);
    }
    List<Incident> incidents = new ArrayList<>();
    if (filter != IncidentFilter.RESOLVED) {
      incidents.addAll(
          listQuery("status IN ('TRIGGERED', 'ACKNOWLEDGED')", severity, service, limit));
    }
    if (filter != IncidentFilter.OPEN && incidents.size() < limit) {
      incidents.addAll(
          listQuery("status = 'RESOLVED'", severity, service, limit - incidents.size()));
    }
    return incidents;
  }

  private List<Incident> listQuery(String status, String severity, String service, int limit) {
    return handle
        .createQuery(
            "SELECT "
                + IncidentColumns.COLUMNS
                + " FROM incident WHERE "
                + status
                + """
                  AND (:severity IS NULL OR severity = :severity)
                  AND (:service IS NULL OR service = :service)
                ORDER BY id DESC LIMIT :limit
                """)
        .bind("severity", severity)
        .bind("service", service)
        .bind("limit", limit)
        .map(IncidentColumns.INCIDENT)
        .list();
  }

  /**
   * Earlier incidents of the same alert group or the same alert rule, newest first: the
   * postmortem's Prevention section asks whether this happened before. The group's are found by
   * following each incident to the one its group opened before it ({@code previous_incident_id}), a
   * primary-key read each, so no index by group is written with every new incident (a random key: a
   * quarter of the bytes H2 wrote under a storm of new groups). The rule's read their own index (by
   * alert name).
   */
  public List<Incident> earlierIncidents(Incident incident, String alertName) {
    Map<Long, Incident> newestFirst = new TreeMap<>(Comparator.reverseOrder());
    Stream.concat(earlierOfGroup(incident), earlierOfRule(incident.id(), alertName).stream())
        .forEach(earlier -> newestFirst.putIfAbsent(earlier.id(), earlier));
    return newestFirst.values().stream().limit(EARLIER).toList();
  }

  /** The group's incidents before {@code incident}, newest first, without Grafana's tests. */
  private Stream<Incident> earlierOfGroup(Incident incident) {
    return Stream.iterate(before(incident), Optional::isPresent, at -> before(at.get()))
        .map(Optional::get)
        .filter(earlier -> !earlier.test())
        .limit(EARLIER);
  }

  /** The incident its group opened before {@code incident}, if any. */
  private Optional<Incident> before(Incident incident) {
    Long previous = incident.previousIncidentId();
    return previous == null ? Optional.empty() : findIncident(previous);
  }

  private List<Incident> earlierOfRule(long id, String alertName) {
    return handle
        .createQuery(
            "SELECT "
                + IncidentColumns.COLUMNS
                + """
                FROM incident WHERE alert_name = :alertName AND id < :id AND test = FALSE
                ORDER BY id DESC LIMIT :limit
                """)
        .bind("alertName", alertName)
        .bind("id", id)
        .bind("limit", EARLIER)
        .map(IncidentColumns.INCIDENT)
        .list();
  }

  public String alertName(long id) {
    return handle
        .createQuery("SELECT alert_name FROM incident WHERE id = :id")
        .bind("id", id)
        .map((row, context) -> row.getString(1))
        .findOne()
        .orElse(null);
  }

  /**
   * Every service with an incident, sorted. On the service index: H2 skips from one service to the
   * next, PostgreSQL reads the index only.
   */
  public List<String> services() {
    return handle
        .createQuery("SELECT DISTINCT service FROM incident ORDER BY service")
        .map((row, context) -> row.getString(1))
        .list();
  }
}
