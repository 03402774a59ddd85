package dev.firebell.incident.alert;

import dev.firebell.incident.IncidentStatus;
import dev.firebell.store.HexKey;
import dev.firebell.store.Rows;
import java.util.HashMap;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL for alert groups: the row each notification locks, and which incident is its open one. Run on
 * the caller's handle.
 */
public final class GroupRepository {
  private static final RowMapper<AlertGroup> GROUP =
      (row, context) ->
          new AlertGroup(
              HexKey.read(row, "group_hash"),
              Rows.nullableLong(row, "open_incident_id"),
              Rows.nullableLong(row, "last_incident_id"));

  /** The group, its open incident and that incident's alert instances, in one read. */
  private static final String SIGHT_SQL =
      """
      SELECT i.id, i.status, a.fingerprint, a.fingerprint_text, a.status AS alert_status,
        a.starts_at<peaks>
      FROM alert_group g LEFT JOIN incident i ON i.id = g.open_incident_id
      LEFT JOIN incident_alert a ON a.incident_id = i.id
      WHERE g.group_hash = :groupHash
      """;

  // Built once: a storm's every notification runs one of them.
  private static final String SIGHT = SIGHT_SQL.replace("<peaks>", "");
  private static final String SIGHT_WITH_PEAKS = SIGHT_SQL.replace("<peaks>", ", a.peak_values");

  private final Handle handle;

  public GroupRepository(Handle handle) {
    this.handle = handle;
  }

  /** Locks the group's row until commit, so deliveries for one group run one at a time. */
  public Optional<AlertGroup> lockGroup(String groupHash) {
    return handle
        .createQuery(
            """
            SELECT group_hash, open_incident_id, last_incident_id FROM alert_group
            WHERE group_hash = :groupHash FOR UPDATE
            """)
        .bind("groupHash", HexKey.bytes(groupHash))
        .map(GROUP)
        .findOne();
  }

  /**
   * First sight of a group, with the incident it opened (null for none); a concurrent first sight
   * fails on the primary key and retries.
   */
  public void insertGroup(AlertGroupSignal signal, Long openIncidentId) {
    handle
        .createUpdate(
            """
            INSERT INTO alert_group
              (group_hash, source, group_key, open_incident_id, last_incident_id, first_seen_at)
            VALUES (:groupHash, :source, :groupKey, :incidentId, :incidentId, :receivedAt)
            """)
        .bind("groupHash", HexKey.bytes(signal.groupHash()))
        .bind("source", signal.source())
        .bind("groupKey", signal.groupKey())
        .bind("incidentId", openIncidentId)
        .bind("receivedAt", signal.receivedAt())
        .execute();
  }

  public void updateGroup(String groupHash, Long openIncidentId, Long lastIncidentId) {
    handle
        .createUpdate(
            """
            UPDATE alert_group
            SET open_incident_id = :openIncidentId, last_incident_id = :lastIncidentId
            WHERE group_hash = :groupHash
            """)
        .bind("groupHash", HexKey.bytes(groupHash))
        .bind("openIncidentId", openIncidentId)
        .bind("lastIncidentId", lastIncidentId)
        .execute();
  }

  /**
   * What the group holds now, with what merging needs of its open incident's alert instances, in
   * one query: a storm's repeats are answered from this read alone, and a group never seen before
   * is known to be new.
   */
  public GroupSighting sight(String groupHash, boolean withPeaks) {
    return handle
        .createQuery(withPeaks ? SIGHT_WITH_PEAKS : SIGHT)
        .bind("groupHash", HexKey.bytes(groupHash))
        .reduceResultSet(
            GroupSighting.NEVER_SEEN,
            (sighting, row, context) -> {
              Long id = Rows.nullableLong(row, "id");
              if (id == null) {
                return GroupSighting.WITHOUT_OPEN_INCIDENT;
              }
              OpenIncident incident =
                  sighting.open() != null
                      ? sighting.open()
                      : new OpenIncident(
                          id, IncidentStatus.valueOf(row.getString("status")), new HashMap<>());
              if (row.getString("alert_status") != null) {
                AlertState state =
                    new AlertState(
                        AlertRepository.fingerprint(row),
                        AlertStatus.valueOf(row.getString("alert_status")),
                        Rows.instant(row, "starts_at"),
                        withPeaks ? Rows.json(row, "peak_values") : null);
                incident.alerts().put(state.fingerprint(), state);
              }
              return sighting.open() != null ? sighting : new GroupSighting(true, incident);
            });
  }

  /** Detaches a resolved incident from its group, so the group's next firing opens a new one. */
  public void closeGroupOf(long id) {
    handle
        .createUpdate(
            """
            UPDATE alert_group SET open_incident_id = NULL, last_incident_id = :id
            WHERE open_incident_id = :id
            """)
        .bind("id", id)
        .execute();
  }
}
