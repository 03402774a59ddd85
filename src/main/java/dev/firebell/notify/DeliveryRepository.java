package dev.firebell.notify;

import dev.firebell.outbox.LeasedRows;
import dev.firebell.outbox.OutboxTable;
import dev.firebell.store.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for the outbox of pages and status updates. */
public final class DeliveryRepository {
  private static final List<DeliveryStatus> PENDING = List.of(DeliveryStatus.PENDING);
  private static final RowMapper<Delivery> DELIVERY =
      (row, context) ->
          new Delivery(
              row.getLong("id"),
              row.getLong("incident_id"),
              row.getString("person_id"),
              row.getString("contact_id"),
              row.getString("channel"),
              row.getString("kind"),
              row.getInt("round"),
              DeliveryStatus.valueOf(row.getString("status")),
              row.getInt("attempts"),
              Rows.instant(row, "next_attempt_at"));

  private static final RowMapper<PagedContact> PAGED_CONTACT =
      (row, context) ->
          new PagedContact(
              row.getString("person_id"), row.getString("contact_id"), row.getString("channel"));

  private static final RowMapper<PageRecord> PAGE_RECORD =
      (row, context) ->
          new PageRecord(
              row.getString("person_id"),
              row.getString("contact_id"),
              row.getString("channel"),
              row.getInt("round"),
              DeliveryStatus.valueOf(row.getString("status")),
              row.getInt("attempts"),
              Rows.instant(row, "created_at"),
              Rows.instant(row, "delivered_at"),
              row.getString("last_error"));

  private final Handle handle;

  public DeliveryRepository(Handle handle) {
    this.handle = handle;
  }

  /**
   * Queues a page or status update for one contact, due {@code after} now (a notification rule's
   * delay); answers its id.
   */
  public long insert(
      long incidentId,
      String personId,
      String contactId,
      String channel,
      String kind,
      int round,
      Duration after,
      Instant now) {
    return handle
        .createUpdate(
            """
            INSERT INTO page_delivery (incident_id, person_id, contact_id, channel, kind,
              round, after_seconds, status, attempts, next_attempt_at, created_at)
            VALUES (:incidentId, :personId, :contactId, :channel, :kind, :round, :afterSeconds,
              'PENDING', 0, :dueAt, :now)
            """)
        .bind("incidentId", incidentId)
        .bind("personId", personId)
        .bind("contactId", contactId)
        .bind("afterSeconds", after.toSeconds())
        .bind("dueAt", now.plus(after))
        .bind("channel", channel)
        .bind("kind", kind)
        .bind("round", round)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  /** Queues a page for one contact, due {@code after} now; answers it as queued. */
  public Delivery queuePage(
      long incidentId,
      String personId,
      String contactId,
      String channel,
      int round,
      Duration after,
      Instant now) {
    long id = insert(incidentId, personId, contactId, channel, Delivery.PAGE, round, after, now);
    return new Delivery(
        id,
        incidentId,
        personId,
        contactId,
        channel,
        Delivery.PAGE,
        round,
        DeliveryStatus.PENDING,
        0,
        now.plus(after));
  }

  /** Pending deliveries that are due and not held by a live lease. */
  List<Delivery> due(Instant now, int limit) {
    return rows()
        .due(
            "id, incident_id, person_id, contact_id, channel, kind, round, status, attempts,"
                + " next_attempt_at",
            PENDING,
            now,
            limit,
            DELIVERY);
  }

  /**
   * The outbox round for responders added by hand: below every round used so far (escalation rounds
   * count up from 0), so each addition pages afresh.
   */
  public int nextResponderRound(long incidentId) {
    return handle
        .createQuery(
            "SELECT LEAST(COALESCE(MIN(round), 0), 0) - 1 FROM page_delivery"
                + " WHERE incident_id = :incidentId")
        .bind("incidentId", incidentId)
        .mapTo(Integer.class)
        .one();
  }

  /** Pages not sent yet are dropped once the incident is acknowledged or resolved. */
  public int cancelPendingPages(long incidentId) {
    return handle
        .createUpdate(
            """
            UPDATE page_delivery SET status = 'CANCELLED', lease_until = NULL
            WHERE incident_id = :incidentId AND kind = 'PAGE' AND status = 'PENDING'
            """)
        .bind("incidentId", incidentId)
        .execute();
  }

  public List<PagedContact> deliveredPages(long incidentId) {
    return handle
        .createQuery(
            """
            SELECT DISTINCT person_id, contact_id, channel FROM page_delivery
            WHERE incident_id = :incidentId AND kind = 'PAGE' AND status = 'DELIVERED'
            ORDER BY person_id, contact_id
            """)
        .bind("incidentId", incidentId)
        .map(PAGED_CONTACT)
        .list();
  }

  /** Keeps what the vendor named the message a delivery sent (null: it named nothing). */
  public void keepVendorId(long id, String vendorId) {
    if (vendorId == null) {
      return;
    }
    handle
        .createUpdate("UPDATE page_delivery SET vendor_id = :vendorId WHERE id = :id")
        .bind("vendorId", vendorId)
        .bind("id", id)
        .execute();
  }

  /** The vendor ids of the pages of an incident delivered to one contact, oldest first. */
  public List<String> vendorIds(long incidentId, String personId, String contactId) {
    return handle
        .createQuery(
            """
            SELECT vendor_id FROM page_delivery
            WHERE incident_id = :incidentId AND person_id = :personId
              AND contact_id = :contactId AND kind = 'PAGE' AND vendor_id IS NOT NULL
            ORDER BY id
            """)
        .bind("incidentId", incidentId)
        .bind("personId", personId)
        .bind("contactId", contactId)
        .mapTo(String.class)
        .list();
  }

  /** The incident and person whose page a vendor named {@code vendorId}, if there was one. */
  public Optional<PagedMessage> pageOf(String vendorId) {
    return handle
        .createQuery(
            """
            SELECT incident_id, person_id FROM page_delivery
            WHERE vendor_id = :vendorId AND kind = 'PAGE'
            ORDER BY id FETCH FIRST 1 ROWS ONLY
            """)
        .bind("vendorId", vendorId)
        .map((row, ctx) -> new PagedMessage(row.getLong("incident_id"), row.getString("person_id")))
        .findOne();
  }

  /** A page a vendor named: its incident and the person it paged. */
  public record PagedMessage(long incidentId, String personId) {}

  /** Every page of an incident (not status updates), oldest first, for its postmortem. */
  public List<PageRecord> pages(long incidentId) {
    return handle
        .createQuery(
            """
            SELECT person_id, contact_id, channel, round, status, attempts, created_at,
              delivered_at, last_error
            FROM page_delivery WHERE incident_id = :incidentId AND kind = 'PAGE'
            ORDER BY created_at, id
            """)
        .bind("incidentId", incidentId)
        .map(PAGE_RECORD)
        .list();
  }

  /** The lease statements of this outbox table. */
  LeasedRows rows() {
    return new LeasedRows(handle, OutboxTable.PAGE_DELIVERY);
  }

  /**
   * The latest delivered page of an incident to a person on a channel becomes FAILED (a call that
   * was not answered); 0 rows when there is none.
   */
  public int failLatestDelivered(long incidentId, String personId, String channel, String error) {
    return handle
        .createUpdate(
            """
            UPDATE page_delivery SET status = 'FAILED', last_error = :error
            WHERE id = (SELECT MAX(id) FROM page_delivery
                        WHERE incident_id = :incidentId AND person_id = :personId
                          AND channel = :channel AND kind = 'PAGE' AND status = 'DELIVERED')
            """)
        .bind("incidentId", incidentId)
        .bind("personId", personId)
        .bind("channel", channel)
        .bind("error", error)
        .execute();
  }
}
