package dev.firebell.channel.pushover;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** SQL for the receipts of Pushover emergency pages. */
public final class PushoverReceiptRepository {
  private final Handle handle;

  public PushoverReceiptRepository(Handle handle) {
    this.handle = handle;
  }

  public void insert(String receipt, long incidentId, String personId, Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO pushover_receipt (receipt, incident_id, person_id, state, next_look_at,
              created_at)
            VALUES (:receipt, :incidentId, :personId, 'WATCHING', :now, :now)
            """)
        .bind("receipt", receipt)
        .bind("incidentId", incidentId)
        .bind("personId", personId)
        .bind("now", now)
        .execute();
  }

  /** Receipts due a look, with their incident's status. */
  List<Watched> due(Instant now, int limit) {
    return handle
        .createQuery(
            """
            SELECT r.receipt, r.incident_id, r.person_id, i.status
            FROM pushover_receipt r JOIN incident i ON i.id = r.incident_id
            WHERE r.state = 'WATCHING' AND r.next_look_at <= :now
            ORDER BY r.next_look_at LIMIT :limit
            """)
        .bind("now", now)
        .bind("limit", limit)
        .map(
            (row, context) ->
                new Watched(
                    row.getString("receipt"),
                    row.getLong("incident_id"),
                    row.getString("person_id"),
                    row.getString("status")))
        .list();
  }

  /** Claims one look until {@code next}; 0 rows when another instance took it. */
  int claimLook(String receipt, Instant now, Instant next) {
    return handle
        .createUpdate(
            """
            UPDATE pushover_receipt SET next_look_at = :next
            WHERE receipt = :receipt AND state = 'WATCHING' AND next_look_at <= :now
            """)
        .bind("receipt", receipt)
        .bind("now", now)
        .bind("next", next)
        .execute();
  }

  /** Ends the watch: ACKNOWLEDGED (in the app), CANCELLED (by Firebell) or EXPIRED. */
  void finish(String receipt, String state) {
    handle
        .createUpdate("UPDATE pushover_receipt SET state = :state WHERE receipt = :receipt")
        .bind("receipt", receipt)
        .bind("state", state)
        .execute();
  }

  /** A receipt under watch, and whether its incident is still triggered. */
  record Watched(String receipt, long incidentId, String personId, String incidentStatus) {}

  /** Removes receipts no longer watched that were made before {@code before}. */
  int pruneEnded(Instant before) {
    return handle
        .createUpdate(
            "DELETE FROM pushover_receipt WHERE state <> 'WATCHING' AND created_at < :before")
        .bind("before", before)
        .execute();
  }
}
