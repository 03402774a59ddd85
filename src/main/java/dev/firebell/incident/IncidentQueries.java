package dev.firebell.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The read models of incidents: lists, earlier incidents, services. Run on the caller's handle. */
public final class IncidentQueries {
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
   * postmortem's Prevention section asks whether this happened before. Each half reads its own
   * index (by group, by alert name): one query with OR would walk every earlier incident on H2.
   */
  public List<Incident> earlierIncidents(long id, String groupHash, String alertName) {
    return handle
        .createQuery(
            "SELECT "
                + IncidentColumns.COLUMNS
                + """
                FROM incident WHERE id IN (
                  SELECT id FROM (
                    SELECT id FROM incident WHERE group_hash = :groupHash AND id < :id
                      AND test = FALSE ORDER BY id DESC LIMIT 10) same_group
                  UNION
                  SELECT id FROM (
                    SELECT id FROM incident WHERE alert_name = :alertName AND id < :id
                      AND test = FALSE ORDER BY id DESC LIMIT 10) same_rule)
                ORDER BY id DESC LIMIT 10
                """)
        .bind("id", id)
        .bind("groupHash", groupHash)
        .bind("alertName", alertName)
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
