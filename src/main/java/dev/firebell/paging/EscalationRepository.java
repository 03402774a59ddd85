package dev.firebell.paging;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for escalation state. Every change is a conditional UPDATE, so one instance wins it. */
@RegisterConstructorMapper(Escalation.class)
@RegisterConstructorMapper(StatusChange.class)
public interface EscalationRepository {

  /** Triggered, non-test incidents that paging has not looked at yet. */
  @SqlQuery(
      """
      SELECT i.id FROM incident i
      WHERE i.status = 'TRIGGERED' AND i.test = FALSE
        AND NOT EXISTS (SELECT 1 FROM escalation e WHERE e.incident_id = i.id)
      ORDER BY i.id LIMIT :limit
      """)
  List<Long> incidentsToStart(@Bind("limit") int limit);

  @SqlUpdate(
      """
      INSERT INTO escalation (incident_id, policy_id, state, next_step, next_step_at,
        announced_status, started_at)
      VALUES (:incidentId, :policyId, :state, 0, :nextStepAt, 'TRIGGERED', :now)
      """)
  void insert(
      @Bind("incidentId") long incidentId,
      @Bind("policyId") String policyId,
      @Bind("state") String state,
      @Bind("nextStepAt") Instant nextStepAt,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT incident_id, policy_id, state, next_step, next_step_at, announced_status
      FROM escalation WHERE state = 'ACTIVE' AND next_step_at <= :now
      ORDER BY next_step_at LIMIT :limit
      """)
  List<Escalation> due(@Bind("now") Instant now, @Bind("limit") int limit);

  /**
   * Claims step {@code expected}: moves the escalation on, but only while the incident is still
   * triggered and nobody else has claimed the step.
   */
  @SqlUpdate(
      """
      UPDATE escalation SET next_step = :expected + 1, next_step_at = :nextStepAt
      WHERE incident_id = :incidentId AND next_step = :expected AND state = 'ACTIVE'
        AND EXISTS (SELECT 1 FROM incident i WHERE i.id = :incidentId AND i.status = 'TRIGGERED')
      """)
  int claimStep(
      @Bind("incidentId") long incidentId,
      @Bind("expected") int expected,
      @Bind("nextStepAt") Instant nextStepAt);

  @SqlUpdate(
      """
      UPDATE escalation SET state = 'EXHAUSTED', next_step_at = NULL
      WHERE incident_id = :incidentId AND next_step = :expected AND state = 'ACTIVE'
      """)
  int exhaust(@Bind("incidentId") long incidentId, @Bind("expected") int expected);

  @SqlQuery(
      """
      SELECT e.incident_id, e.announced_status, i.status, e.state
      FROM escalation e JOIN incident i ON i.id = e.incident_id
      WHERE i.status <> 'TRIGGERED' AND i.status <> e.announced_status
      ORDER BY e.incident_id LIMIT :limit
      """)
  List<StatusChange> statusChanges(@Bind("limit") int limit);

  /** Records that a status was announced, and stops any escalation still running. */
  @SqlUpdate(
      """
      UPDATE escalation SET announced_status = :status, next_step_at = NULL,
        state = CASE WHEN state = 'ACTIVE' THEN 'STOPPED' ELSE state END
      WHERE incident_id = :incidentId AND announced_status = :expected
      """)
  int announce(
      @Bind("incidentId") long incidentId,
      @Bind("expected") String expected,
      @Bind("status") String status);

  /** Stops a running escalation because a maintenance window began; one instance wins. */
  @SqlUpdate(
      """
      UPDATE escalation SET state = 'MAINTENANCE', next_step_at = NULL
      WHERE incident_id = :incidentId AND next_step = :expected AND state = 'ACTIVE'
      """)
  int silence(@Bind("incidentId") long incidentId, @Bind("expected") int expected);
}
