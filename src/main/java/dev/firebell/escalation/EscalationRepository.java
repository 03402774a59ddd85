package dev.firebell.escalation;

import dev.firebell.incident.IncidentStatus;
import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for escalation state. Every change is a conditional UPDATE, so one instance wins it. */
final class EscalationRepository {
  private static final RowMapper<Escalation> ESCALATION =
      (row, context) ->
          new Escalation(
              row.getLong("incident_id"),
              row.getString("policy_id"),
              EscalationState.valueOf(row.getString("state")),
              row.getInt("next_step"),
              Rows.instant(row, "next_step_at"),
              IncidentStatus.valueOf(row.getString("announced_status")),
              row.getInt("restarts"));

  private static final RowMapper<StatusChange> STATUS_CHANGE =
      (row, context) ->
          new StatusChange(
              row.getLong("incident_id"),
              IncidentStatus.valueOf(row.getString("announced_status")),
              IncidentStatus.valueOf(row.getString("status")),
              EscalationState.valueOf(row.getString("state")),
              row.getInt("restarts"));

  private final Handle handle;

  EscalationRepository(Handle handle) {
    this.handle = handle;
  }

  /** Triggered, non-test incidents that paging has not looked at yet. */
  List<Long> incidentsToStart(int limit) {
    return handle
        .createQuery(
            """
            SELECT i.id FROM incident i
            WHERE i.status = 'TRIGGERED' AND i.test = FALSE
              AND NOT EXISTS (SELECT 1 FROM escalation e WHERE e.incident_id = i.id)
            ORDER BY i.id LIMIT :limit
            """)
        .bind("limit", limit)
        .map((row, context) -> row.getLong(1))
        .list();
  }

  void insert(
      long incidentId,
      String policyId,
      EscalationState state,
      int nextStep,
      Instant nextStepAt,
      Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO escalation (incident_id, policy_id, state, next_step, next_step_at,
              announced_status, started_at)
            VALUES (:incidentId, :policyId, :state, :nextStep, :nextStepAt, 'TRIGGERED', :now)
            """)
        .bind("incidentId", incidentId)
        .bind("policyId", policyId)
        .bind("state", state.name())
        .bind("nextStep", nextStep)
        .bindByType("nextStepAt", nextStepAt, Instant.class)
        .bind("now", now)
        .execute();
  }

  Optional<Escalation> find(long incidentId) {
    return handle
        .createQuery(
            """
            SELECT incident_id, policy_id, state, next_step, next_step_at, announced_status, restarts
            FROM escalation WHERE incident_id = :incidentId
            """)
        .bind("incidentId", incidentId)
        .map(ESCALATION)
        .findOne();
  }

  /**
   * The ORDER BY names {@code state}, fixed by the WHERE, and the index's {@code NULLS LAST},
   * because H2 only reads an index in order when the ORDER BY starts with the index's first column
   * and sorts nulls as the index does: ordered by time alone, every paging pass read all active
   * escalations (48,940 rows after a storm, tens of milliseconds of CPU a second on an idle server)
   * and sorted them to keep 100. PostgreSQL sorts nulls last anyway and reads both forms alike.
   */
  static final String DUE =
      """
      SELECT incident_id, policy_id, state, next_step, next_step_at, announced_status, restarts
      FROM escalation WHERE state = 'ACTIVE' AND next_step_at <= :now
      ORDER BY state, next_step_at NULLS LAST LIMIT :limit
      """;

  List<Escalation> due(Instant now, int limit) {
    return handle.createQuery(DUE).bind("now", now).bind("limit", limit).map(ESCALATION).list();
  }

  /**
   * Claims step {@code expected}: moves the escalation on, but only while the incident is still
   * triggered and nobody else has claimed the step.
   */
  int claimStep(long incidentId, int expected, Instant nextStepAt) {
    return handle
        .createUpdate(
            """
            UPDATE escalation SET next_step = :expected + 1, next_step_at = :nextStepAt
            WHERE incident_id = :incidentId AND next_step = :expected AND state = 'ACTIVE'
              AND EXISTS (SELECT 1 FROM incident i
                          WHERE i.id = :incidentId AND i.status = 'TRIGGERED')
            """)
        .bind("incidentId", incidentId)
        .bind("expected", expected)
        .bindByType("nextStepAt", nextStepAt, Instant.class)
        .execute();
  }

  /**
   * Ends a running escalation at step {@code expected} with {@code state} (exhausted, or stopped
   * because a maintenance window began); one instance wins.
   */
  int stop(long incidentId, int expected, EscalationState state) {
    return handle
        .createUpdate(
            """
            UPDATE escalation SET state = :state, next_step_at = NULL
            WHERE incident_id = :incidentId AND next_step = :expected AND state = 'ACTIVE'
            """)
        .bind("incidentId", incidentId)
        .bind("expected", expected)
        .bind("state", state.name())
        .execute();
  }

  List<StatusChange> statusChanges(int limit) {
    return handle
        .createQuery(
            """
            SELECT e.incident_id, e.announced_status, i.status, e.state, e.restarts
            FROM escalation e JOIN incident i ON i.id = e.incident_id
            WHERE i.status <> 'TRIGGERED' AND i.status <> e.announced_status
            ORDER BY e.incident_id LIMIT :limit
            """)
        .bind("limit", limit)
        .map(STATUS_CHANGE)
        .list();
  }

  /**
   * Records that a status was announced, and stops any escalation still running; {@code
   * ackExpiresAt} (null: never) is when an acknowledgement stops holding.
   */
  int announce(
      long incidentId, IncidentStatus expected, IncidentStatus status, Instant ackExpiresAt) {
    return handle
        .createUpdate(
            """
            UPDATE escalation SET announced_status = :status, next_step_at = NULL,
              state = CASE WHEN state = 'ACTIVE' THEN 'STOPPED' ELSE state END,
              ack_expires_at = :ackExpiresAt
            WHERE incident_id = :incidentId AND announced_status = :expected
            """)
        .bind("incidentId", incidentId)
        .bind("expected", expected.name())
        .bind("status", status.name())
        .bindByType("ackExpiresAt", ackExpiresAt, Instant.class)
        .execute();
  }

  /** Incidents whose acknowledgement has run out while they are still acknowledged. */
  List<Long> expiredAcknowledgements(Instant now, int limit) {
    return handle
        .createQuery(
            """
            SELECT e.incident_id FROM escalation e JOIN incident i ON i.id = e.incident_id
            WHERE e.ack_expires_at <= :now AND e.announced_status = 'ACKNOWLEDGED'
              AND i.status = 'ACKNOWLEDGED'
            ORDER BY e.ack_expires_at LIMIT :limit
            """)
        .bind("now", now)
        .bind("limit", limit)
        .mapTo(Long.class)
        .list();
  }

  /**
   * An acknowledgement taken back: the step that was running (or stopped by the acknowledgement) is
   * due again now, in a run of its own so its pages are new ones; 0 rows when the escalation had
   * ended (exhausted, unrouted, maintenance).
   */
  int resumeAfterUnacknowledge(long incidentId, Instant now) {
    return handle
        .createUpdate(
            """
            UPDATE escalation SET state = 'ACTIVE',
              next_step = CASE WHEN next_step > 0 THEN next_step - 1 ELSE 0 END,
              next_step_at = :now, announced_status = 'TRIGGERED', ack_expires_at = NULL,
              restarts = restarts + 1
            WHERE incident_id = :incidentId AND state IN ('ACTIVE', 'STOPPED')
            """)
        .bind("incidentId", incidentId)
        .bind("now", now)
        .execute();
  }

  /**
   * Claims an expired acknowledgement and starts the policy again at step 1, due now; 0 rows when
   * another instance did, or the incident moved on.
   */
  int restartAfterExpiredAck(long incidentId, Instant now) {
    return handle
        .createUpdate(
            """
            UPDATE escalation SET state = 'ACTIVE', next_step = 0, next_step_at = :now,
              announced_status = 'TRIGGERED', ack_expires_at = NULL, restarts = restarts + 1
            WHERE incident_id = :incidentId AND ack_expires_at <= :now
              AND announced_status = 'ACKNOWLEDGED'
            """)
        .bind("incidentId", incidentId)
        .bind("now", now)
        .execute();
  }
}
