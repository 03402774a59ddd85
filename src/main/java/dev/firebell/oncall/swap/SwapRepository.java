package dev.firebell.oncall.swap;

import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL for requests for cover ({@code shift_swap}). */
final class SwapRepository {
  private static final String COLUMNS =
      "id, schedule_id, requester, from_at, to_at, reason, status, taken_by, override_id";
  private static final RowMapper<Swap> SWAP =
      (row, context) ->
          new Swap(
              row.getLong("id"),
              row.getString("schedule_id"),
              row.getString("requester"),
              Rows.instant(row, "from_at"),
              Rows.instant(row, "to_at"),
              row.getString("reason"),
              row.getString("status"),
              row.getString("taken_by"),
              Rows.nullableLong(row, "override_id"));

  private final Handle handle;

  SwapRepository(Handle handle) {
    this.handle = handle;
  }

  long insert(
      String scheduleId, String requester, Instant from, Instant to, String reason, Instant now) {
    return handle
        .createUpdate(
            """
            INSERT INTO shift_swap (schedule_id, requester, from_at, to_at, reason, status,
              created_at)
            VALUES (:schedule, :requester, :from, :to, :reason, 'OPEN', :now)
            """)
        .bind("schedule", scheduleId)
        .bind("requester", requester)
        .bind("from", from)
        .bind("to", to)
        .bind("reason", reason)
        .bind("now", now)
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one();
  }

  Optional<Swap> find(long id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM shift_swap WHERE id = :id")
        .bind("id", id)
        .map(SWAP)
        .findOne();
  }

  /** A schedule's requests still open, soonest first. */
  List<Swap> open(String scheduleId, Instant now) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM shift_swap WHERE schedule_id = :schedule AND status = 'OPEN'"
                + " AND from_at > :now ORDER BY from_at, id")
        .bind("schedule", scheduleId)
        .bind("now", now)
        .map(SWAP)
        .list();
  }

  /**
   * Takes an open request for {@code taker}; 0 rows when someone took it first or its window has
   * begun. The first of several people pressing at once wins here, and only here.
   */
  int take(long id, String taker, Instant now) {
    return handle
        .createUpdate(
            """
            UPDATE shift_swap SET status = 'TAKEN', taken_by = :taker, taken_at = :now
            WHERE id = :id AND status = 'OPEN' AND from_at > :now
            """)
        .bind("id", id)
        .bind("taker", taker)
        .bind("now", now)
        .execute();
  }

  void linkOverride(long id, long overrideId) {
    handle
        .createUpdate("UPDATE shift_swap SET override_id = :override WHERE id = :id")
        .bind("id", id)
        .bind("override", overrideId)
        .execute();
  }

  /** Open requests whose window has begun: nobody took them. */
  List<Swap> lapsed(Instant now) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM shift_swap WHERE status = 'OPEN' AND from_at <= :now ORDER BY id")
        .bind("now", now)
        .map(SWAP)
        .list();
  }

  /** Withdraws an open request of the schedule; 0 rows when it is not open (or not its). */
  int withdraw(String scheduleId, long id) {
    return handle
        .createUpdate(
            """
            UPDATE shift_swap SET status = 'WITHDRAWN'
            WHERE id = :id AND schedule_id = :schedule AND status = 'OPEN'
            """)
        .bind("id", id)
        .bind("schedule", scheduleId)
        .execute();
  }

  /** Marks a lapsed request expired; 0 rows when another instance did. */
  int expire(long id) {
    return handle
        .createUpdate("UPDATE shift_swap SET status = 'EXPIRED' WHERE id = :id AND status = 'OPEN'")
        .bind("id", id)
        .execute();
  }

  /** Removes requests no longer open that were made before {@code before}. */
  int pruneEnded(Instant before) {
    return handle
        .createUpdate("DELETE FROM shift_swap WHERE status <> 'OPEN' AND created_at < :before")
        .bind("before", before)
        .execute();
  }
}
