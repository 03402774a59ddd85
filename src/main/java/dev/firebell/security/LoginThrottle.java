package dev.firebell.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing for one username: after {@value #FREE_FAILURES} failures each
 * further attempt must wait, twice as long each time (up to 15 minutes). Counts live in the
 * database, so every instance enforces them; a success clears them.
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  private static final Duration MAX_WAIT = Duration.ofMinutes(15);
  private static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final Jdbi jdbi;
  private final Clock clock;

  public LoginThrottle(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** How long the user must still wait before the next attempt, if at all. */
  public Optional<Duration> waitFor(String username) {
    Instant now = clock.instant();
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT failures, last_failure_at FROM login_failure WHERE username = :u")
                .bind("u", key(username))
                .map(
                    (rs, ctx) -> {
                      int failures = rs.getInt("failures");
                      Instant last =
                          rs.getObject("last_failure_at", OffsetDateTime.class).toInstant();
                      if (failures < FREE_FAILURES || last.plus(FORGET_AFTER).isBefore(now)) {
                        return Duration.ZERO;
                      }
                      Duration wait =
                          FIRST_WAIT.multipliedBy(1L << Math.min(failures - FREE_FAILURES, 10));
                      Duration capped = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
                      Duration left = Duration.between(now, last.plus(capped));
                      return left.isNegative() ? Duration.ZERO : left;
                    })
                .findOne()
                .filter(wait -> !wait.isZero()));
  }

  public void failed(String username) {
    Instant now = clock.instant();
    jdbi.useTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      """
                      UPDATE login_failure SET last_failure_at = :now,
                        failures = CASE WHEN last_failure_at < :forget THEN 1 ELSE failures + 1 END
                      WHERE username = :u
                      """)
                  .bind("u", key(username))
                  .bind("now", now)
                  .bind("forget", now.minus(FORGET_AFTER))
                  .execute();
          if (updated == 0) {
            handle
                .createUpdate(
                    "INSERT INTO login_failure (username, failures, last_failure_at) VALUES (:u, 1, :now)")
                .bind("u", key(username))
                .bind("now", now)
                .execute();
          }
        });
  }

  public void succeeded(String username) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM login_failure WHERE username = :u")
                .bind("u", key(username))
                .execute());
  }

  private static String key(String username) {
    String lower = username.strip().toLowerCase(Locale.ROOT);
    return lower.length() > 255 ? lower.substring(0, 255) : lower;
  }
}
