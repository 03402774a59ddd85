package dev.firebell.paging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the outbox of pages and status updates. */
@RegisterConstructorMapper(Delivery.class)
@RegisterConstructorMapper(PagedContact.class)
@RegisterConstructorMapper(PageRecord.class)
public interface DeliveryRepository {

  String COLUMNS =
      "id, incident_id, person_id, contact_index, channel, kind, round, status, attempts,"
          + " next_attempt_at";

  @SqlUpdate(
      """
      INSERT INTO page_delivery (incident_id, person_id, contact_index, channel, kind, round,
        status, attempts, next_attempt_at, created_at)
      VALUES (:incidentId, :personId, :contactIndex, :channel, :kind, :round, 'PENDING', 0, :now,
        :now)
      """)
  void insert(
      @Bind("incidentId") long incidentId,
      @Bind("personId") String personId,
      @Bind("contactIndex") int contactIndex,
      @Bind("channel") String channel,
      @Bind("kind") String kind,
      @Bind("round") int round,
      @Bind("now") Instant now);

  /** Pending deliveries that are due and not held by a live lease. */
  @SqlQuery(
      """
      SELECT id FROM page_delivery
      WHERE status = 'PENDING' AND next_attempt_at <= :now
        AND (lease_until IS NULL OR lease_until <= :now)
      ORDER BY next_attempt_at, id LIMIT :limit
      """)
  List<Long> due(@Bind("now") Instant now, @Bind("limit") int limit);

  /** Takes a delivery for one attempt; 0 rows when someone else holds it. */
  @SqlUpdate(
      """
      UPDATE page_delivery SET lease_until = :leaseUntil, attempts = attempts + 1
      WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
        AND (lease_until IS NULL OR lease_until <= :now)
      """)
  int claim(@Bind("id") long id, @Bind("now") Instant now, @Bind("leaseUntil") Instant leaseUntil);

  @SqlQuery("SELECT " + COLUMNS + " FROM page_delivery WHERE id = :id")
  Optional<Delivery> find(@Bind("id") long id);

  @SqlUpdate(
      """
      UPDATE page_delivery SET status = 'DELIVERED', delivered_at = :now, lease_until = NULL,
        last_error = NULL
      WHERE id = :id
      """)
  void markDelivered(@Bind("id") long id, @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE page_delivery SET next_attempt_at = :nextAttemptAt, lease_until = NULL,
        last_error = :error
      WHERE id = :id
      """)
  void reschedule(
      @Bind("id") long id,
      @Bind("nextAttemptAt") Instant nextAttemptAt,
      @Bind("error") String error);

  @SqlUpdate(
      "UPDATE page_delivery SET status = :status, lease_until = NULL, last_error = :error"
          + " WHERE id = :id")
  void finish(@Bind("id") long id, @Bind("status") String status, @Bind("error") String error);

  /** Pages not sent yet are dropped once the incident is acknowledged or resolved. */
  @SqlUpdate(
      """
      UPDATE page_delivery SET status = 'CANCELLED', lease_until = NULL
      WHERE incident_id = :incidentId AND kind = 'PAGE' AND status = 'PENDING'
      """)
  int cancelPendingPages(@Bind("incidentId") long incidentId);

  @SqlQuery(
      """
      SELECT DISTINCT person_id, contact_index, channel FROM page_delivery
      WHERE incident_id = :incidentId AND kind = 'PAGE' AND status = 'DELIVERED'
      ORDER BY person_id, contact_index
      """)
  List<PagedContact> deliveredPages(@Bind("incidentId") long incidentId);

  /** Every page of an incident (not status updates), oldest first, for its postmortem. */
  @SqlQuery(
      """
      SELECT person_id, channel, round, status, attempts, created_at, delivered_at, last_error
      FROM page_delivery WHERE incident_id = :incidentId AND kind = 'PAGE'
      ORDER BY created_at, id
      """)
  List<PageRecord> pages(@Bind("incidentId") long incidentId);
}
