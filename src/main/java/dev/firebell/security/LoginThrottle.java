package dev.firebell.security;

import dev.firebell.store.BoundedKey;
import dev.firebell.store.UniqueViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Slows down password guessing, per user and per client address: after a number of free attempts
 * each further one must wait, twice as long each time (up to 15 minutes). An attempt is reserved
 * atomically before the password is checked (the count's row is locked), so parallel guesses cannot
 * all slip through before the first failure is recorded; a successful log-in gives its attempt back
 * and clears the user's count. Counts live in the database, so every instance enforces them. Only
 * configured usernames get a count of their own: guesses at unknown names count against the client
 * address alone and add no row.
 */
public final class LoginThrottle {
  static final int FREE_USER_ATTEMPTS = 5;
  static final int FREE_ADDRESS_ATTEMPTS = 20;
  private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  private static final Duration MAX_WAIT = Duration.ofMinutes(15);
  static final Duration FORGET_AFTER = Duration.ofHours(1);
  private static final int KEY_WIDTH = 255;

  private final Jdbi jdbi;
  private final Clock clock;

  public LoginThrottle(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Reserves one attempt for the client address and, when {@code knownUser}, for the user.
   *
   * @return how long to wait when either has used its attempts, else empty (go ahead)
   */
  public Optional<Duration> reserve(String username, boolean knownUser, String address) {
    Optional<Duration> wait = reserve(addressKey(address), FREE_ADDRESS_ATTEMPTS);
    if (wait.isPresent() || !knownUser) {
      return wait;
    }
    return reserve(userKey(username), FREE_USER_ATTEMPTS);
  }

  /** The password was right: the user's count is cleared and the address gets its attempt back. */
  public void succeeded(String username, String address) {
    jdbi.useTransaction(
        handle -> {
          LoginFailureRepository failures = new LoginFailureRepository(handle);
          failures.delete(userKey(username));
          failures.refund(addressKey(address));
        });
  }

  /** Housekeeping: forgets counts nobody added to for {@link #FORGET_AFTER}. */
  public int forgetOld() {
    return jdbi.withHandle(
        handle ->
            new LoginFailureRepository(handle)
                .deleteOlderThan(clock.instant().minus(FORGET_AFTER)));
  }

  private Optional<Duration> reserve(String key, int free) {
    Instant now = clock.instant();
    return UniqueViolation.retry(
        () ->
            jdbi.inTransaction(
                handle -> {
                  LoginFailureRepository failures = new LoginFailureRepository(handle);
                  var current = failures.lock(key);
                  if (current.isEmpty()) {
                    failures.insert(key, now);
                    return Optional.<Duration>empty();
                  }
                  boolean forgotten =
                      current.get().lastFailureAt().plus(FORGET_AFTER).isBefore(now);
                  int used = forgotten ? 0 : current.get().failures();
                  Duration wait = waitAfter(used, free, current.get().lastFailureAt(), now);
                  if (!wait.isZero()) {
                    return Optional.of(wait);
                  }
                  failures.update(key, used + 1, now);
                  return Optional.<Duration>empty();
                }));
  }

  /** Nothing while free attempts remain; then 30 s, 60 s, 120 s … after the last attempt. */
  static Duration waitAfter(int used, int free, Instant last, Instant now) {
    if (used < free) {
      return Duration.ZERO;
    }
    Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(used - free, 10));
    Duration capped = wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    Duration left = Duration.between(now, last.plus(capped));
    return left.isNegative() || left.isZero() ? Duration.ZERO : left;
  }

  private static String userKey(String username) {
    return BoundedKey.of("user:" + username.strip().toLowerCase(Locale.ROOT), KEY_WIDTH);
  }

  private static String addressKey(String address) {
    return BoundedKey.of("address:" + address, KEY_WIDTH);
  }
}
