package dev.firebell.security;

import dev.firebell.store.Rows;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for failed log-in counts, kept per key (a user's or a client address's). */
final class LoginFailureRepository {
  private final Handle handle;

  LoginFailureRepository(Handle handle) {
    this.handle = handle;
  }

  /** The key's count, its row locked until commit so parallel attempts take turns. */
  Optional<LoginFailures> lock(String key) {
    return handle
        .createQuery(
            """
            SELECT failures, last_failure_at FROM login_failure WHERE username = :key FOR UPDATE
            """)
        .bind("key", key)
        .map(
            (row, context) ->
                new LoginFailures(row.getInt("failures"), Rows.instant(row, "last_failure_at")))
        .findOne();
  }

  /** A first attempt; a parallel first attempt fails on the key and runs again. */
  void insert(String key, Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO login_failure (username, failures, last_failure_at) VALUES (:key, 1, :now)
            """)
        .bind("key", key)
        .bind("now", now)
        .execute();
  }

  void update(String key, int failures, Instant now) {
    handle
        .createUpdate(
            """
            UPDATE login_failure SET failures = :failures, last_failure_at = :now
            WHERE username = :key
            """)
        .bind("key", key)
        .bind("failures", failures)
        .bind("now", now)
        .execute();
  }

  /** A successful log-in gives the attempt it reserved back. */
  void refund(String key) {
    handle
        .createUpdate(
            """
            UPDATE login_failure SET failures = failures - 1 WHERE username = :key AND failures > 0
            """)
        .bind("key", key)
        .execute();
  }

  void delete(String key) {
    handle
        .createUpdate("DELETE FROM login_failure WHERE username = :key")
        .bind("key", key)
        .execute();
  }

  /** Housekeeping: counts nobody added to since {@code before} are forgotten. */
  int deleteOlderThan(Instant before) {
    return handle
        .createUpdate("DELETE FROM login_failure WHERE last_failure_at < :before")
        .bind("before", before)
        .execute();
  }

  record LoginFailures(int failures, Instant lastFailureAt) {}
}
