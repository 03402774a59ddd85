package dev.firebell.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for alert groups, incidents, their alerts and timelines. */
@RegisterConstructorMapper(AlertGroup.class)
@RegisterConstructorMapper(Incident.class)
@RegisterConstructorMapper(IncidentAlert.class)
@RegisterConstructorMapper(TimelineEntry.class)
@RegisterConstructorMapper(ReviewRow.class)
public interface IncidentRepository {

  String INCIDENT_COLUMNS =
      """
      id, group_hash, source, receiver, title, severity, service, status, test, opened_at,
      acknowledged_at, acknowledged_by, resolved_at, previous_incident_id, group_labels,
      common_labels, common_annotations, external_url, in_maintenance
      """;

  /** Locks the group's row until commit, so deliveries for one group run one at a time. */
  @SqlQuery(
      """
      SELECT group_hash, open_incident_id, last_incident_id FROM alert_group
      WHERE group_hash = :groupHash FOR UPDATE
      """)
  Optional<AlertGroup> lockGroup(@Bind("groupHash") String groupHash);

  /** The group without locking it, for the read-only check of repeats. */
  @SqlQuery(
      """
      SELECT group_hash, open_incident_id, last_incident_id FROM alert_group
      WHERE group_hash = :groupHash
      """)
  Optional<AlertGroup> findGroup(@Bind("groupHash") String groupHash);

  /** First sight of a group; a concurrent first sight fails on the primary key and retries. */
  @SqlUpdate(
      """
      INSERT INTO alert_group (group_hash, source, group_key, first_seen_at)
      VALUES (:groupHash, :source, :groupKey, :receivedAt)
      """)
  void insertGroup(@BindMethods AlertGroupSignal signal);

  @SqlUpdate(
      """
      UPDATE alert_group SET open_incident_id = :openIncidentId, last_incident_id = :lastIncidentId
      WHERE group_hash = :groupHash
      """)
  void updateGroup(
      @Bind("groupHash") String groupHash,
      @Bind("openIncidentId") Long openIncidentId,
      @Bind("lastIncidentId") Long lastIncidentId);

  @SqlUpdate(
      """
      INSERT INTO incident (group_hash, source, receiver, title, severity, service, status, test,
        opened_at, previous_incident_id, group_labels, common_labels, common_annotations,
        external_url, alert_name)
      VALUES (:groupHash, :source, :receiver, :title, :severity, :service, 'TRIGGERED', :test,
        :receivedAt, :previousIncidentId, :groupLabels, :commonLabels, :commonAnnotations,
        :externalUrl, :alertName)
      """)
  @GetGeneratedKeys("id")
  long insertIncident(
      @BindMethods AlertGroupSignal signal, @Bind("previousIncidentId") Long previousIncidentId);

  @SqlQuery("SELECT " + INCIDENT_COLUMNS + " FROM incident WHERE id = :id")
  Optional<Incident> findIncident(@Bind("id") long id);

  /** Newest first; "open" means not resolved. */
  @SqlQuery(
      "SELECT "
          + INCIDENT_COLUMNS
          + """
          FROM incident
          WHERE (:filter = 'ALL' OR (:filter = 'OPEN' AND status <> 'RESOLVED')
                 OR (:filter = 'RESOLVED' AND status = 'RESOLVED'))
          ORDER BY id DESC LIMIT :limit
          """)
  List<Incident> listIncidents(@Bind("filter") IncidentFilter filter, @Bind("limit") int limit);

  @SqlUpdate(
      """
      UPDATE incident SET status = 'RESOLVED', resolved_at = :resolvedAt
      WHERE id = :id AND status <> 'RESOLVED'
      """)
  int resolveIncident(@Bind("id") long id, @Bind("resolvedAt") Instant resolvedAt);

  @SqlQuery(
      """
      SELECT incident_id, fingerprint, status, labels, annotations, alert_values,
        value_string, starts_at, ends_at, generator_url, dashboard_url, panel_url, silence_url,
        image_url
      FROM incident_alert WHERE incident_id = :incidentId ORDER BY starts_at, fingerprint
      """)
  List<IncidentAlert> alerts(@Bind("incidentId") long incidentId);

  @SqlUpdate(
      """
      INSERT INTO incident_alert (incident_id, fingerprint, status, labels, annotations,
        alert_values, value_string, starts_at, ends_at, generator_url, dashboard_url, panel_url,
        silence_url, image_url)
      VALUES (:incidentId, :fingerprint, :status, :labels, :annotations, :values, :valueString,
        :startsAt, :endsAt, :generatorUrl, :dashboardUrl, :panelUrl, :silenceUrl, :imageUrl)
      """)
  void insertAlert(@BindMethods IncidentAlert alert);

  /** A new firing episode or a resolution replaces what the instance last reported. */
  @SqlUpdate(
      """
      UPDATE incident_alert SET status = :status, labels = :labels, annotations = :annotations,
        alert_values = :values, value_string = :valueString, starts_at = :startsAt,
        ends_at = :endsAt, generator_url = :generatorUrl, dashboard_url = :dashboardUrl,
        panel_url = :panelUrl, silence_url = :silenceUrl, image_url = :imageUrl
      WHERE incident_id = :incidentId AND fingerprint = :fingerprint
      """)
  void updateAlert(@BindMethods IncidentAlert alert);

  @SqlUpdate(
      """
      INSERT INTO timeline_entry (incident_id, occurred_at, kind, description, actor, dedup_key)
      VALUES (:incidentId, :at, :kind, :text, :actor, :dedupKey)
      """)
  void insertTimelineEntry(
      @Bind("incidentId") long incidentId,
      @Bind("at") Instant at,
      @Bind("kind") String kind,
      @Bind("text") String text,
      @Bind("actor") String actor,
      @Bind("dedupKey") String dedupKey);

  @SqlQuery(
      """
      SELECT id, incident_id, occurred_at AS at, kind, description AS text, actor
      FROM timeline_entry WHERE incident_id = :incidentId ORDER BY occurred_at, id
      """)
  List<TimelineEntry> timeline(@Bind("incidentId") long incidentId);

  /** Acknowledges a triggered incident; 0 rows when it is not triggered any more. */
  @SqlUpdate(
      """
      UPDATE incident SET status = 'ACKNOWLEDGED', acknowledged_at = :at, acknowledged_by = :by
      WHERE id = :id AND status = 'TRIGGERED'
      """)
  int acknowledge(@Bind("id") long id, @Bind("at") Instant at, @Bind("by") String by);

  /** Detaches a resolved incident from its group, so the group's next firing opens a new one. */
  @SqlUpdate(
      """
      UPDATE alert_group SET open_incident_id = NULL, last_incident_id = :id
      WHERE open_incident_id = :id
      """)
  void closeGroupOf(@Bind("id") long id);

  @SqlQuery("SELECT COUNT(*) FROM used_link_token WHERE token_hash = :tokenHash")
  int linkUses(@Bind("tokenHash") String tokenHash);

  /** A second use of the same link fails on the primary key, even on another instance. */
  @SqlUpdate(
      """
      INSERT INTO used_link_token (token_hash, incident_id, used_at)
      VALUES (:tokenHash, :incidentId, :at)
      """)
  void markLinkUsed(
      @Bind("tokenHash") String tokenHash,
      @Bind("incidentId") long incidentId,
      @Bind("at") Instant at);

  @SqlQuery(
      """
      SELECT summary, impact, root_cause, resolution, detection_notes, action_items
      FROM incident WHERE id = :id
      """)
  ReviewRow review(@Bind("id") long id);

  @SqlUpdate(
      """
      UPDATE incident SET title = :title, severity = :severity, summary = :summary,
        impact = :impact, root_cause = :rootCause, resolution = :resolution,
        detection_notes = :detectionNotes, action_items = :actionItems
      WHERE id = :id
      """)
  void updateFields(
      @Bind("id") long id,
      @Bind("title") String title,
      @Bind("severity") String severity,
      @BindMethods ReviewRow review);

  /**
   * Earlier incidents of the same alert group or the same alert rule, newest first: the
   * postmortem's Prevention section asks whether this happened before.
   */
  @SqlQuery(
      "SELECT "
          + INCIDENT_COLUMNS
          + """
          FROM incident
          WHERE id < :id AND test = FALSE
            AND (group_hash = :groupHash OR (alert_name IS NOT NULL AND alert_name = :alertName))
          ORDER BY id DESC LIMIT 10
          """)
  List<Incident> earlierIncidents(
      @Bind("id") long id,
      @Bind("groupHash") String groupHash,
      @Bind("alertName") String alertName);

  @SqlQuery("SELECT alert_name FROM incident WHERE id = :id")
  String alertName(@Bind("id") long id);

  /** A person's note; returns the new entry's id. */
  @SqlUpdate(
      """
      INSERT INTO timeline_entry (incident_id, occurred_at, kind, description, actor)
      VALUES (:incidentId, :at, 'note', :text, :actor)
      """)
  @GetGeneratedKeys("id")
  long insertNote(
      @Bind("incidentId") long incidentId,
      @Bind("at") Instant at,
      @Bind("text") String text,
      @Bind("actor") String actor);

  /** The incident list of the web interface: open incidents first, then newest first. */
  @SqlQuery(
      "SELECT "
          + INCIDENT_COLUMNS
          + """
          FROM incident
          WHERE (:filter = 'ALL' OR (:filter = 'OPEN' AND status <> 'RESOLVED')
                 OR (:filter = 'RESOLVED' AND status = 'RESOLVED'))
            AND (:severity IS NULL OR severity = :severity)
            AND (:service IS NULL OR service = :service)
          ORDER BY CASE WHEN status = 'RESOLVED' THEN 1 ELSE 0 END, id DESC LIMIT :limit
          """)
  List<Incident> browse(
      @Bind("filter") IncidentFilter filter,
      @Bind("severity") String severity,
      @Bind("service") String service,
      @Bind("limit") int limit);

  @SqlQuery("SELECT DISTINCT service FROM incident ORDER BY service")
  List<String> services();

  @SqlQuery(
      """
      SELECT COUNT(*) > 0 FROM timeline_entry
      WHERE incident_id = :incidentId AND dedup_key = :dedupKey
      """)
  boolean hasEntry(@Bind("incidentId") long incidentId, @Bind("dedupKey") String dedupKey);

  /** Who resolved an incident: a person's id, or system for auto-resolve; empty while open. */
  @SqlQuery(
      """
      SELECT actor FROM timeline_entry
      WHERE incident_id = :id AND kind = 'incident.resolved'
      ORDER BY occurred_at DESC, id DESC LIMIT 1
      """)
  Optional<String> resolvedBy(@Bind("id") long id);

  /** The labels of the incident's first alert (the one routing looks at), without the rest. */
  @SqlQuery(
      """
      SELECT labels FROM incident_alert WHERE incident_id = :incidentId
      ORDER BY starts_at, fingerprint LIMIT 1
      """)
  List<Map<String, String>> firstAlertLabels(@Bind("incidentId") long incidentId);
}
