package dev.firebell.channel.telegram;

import java.time.Instant;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;

/** SQL for the one lease that lets an instance poll Telegram, and the offset it reached. */
final class TelegramPollRepository {
  private final Handle handle;

  TelegramPollRepository(Handle handle) {
    this.handle = handle;
  }

  /**
   * Takes or renews the lease for {@code holder}; returns the offset to poll from, or empty when
   * another live instance holds it.
   */
  OptionalLong claim(String holder, Instant now, Instant leaseUntil) {
    int claimed =
        handle
            .createUpdate(
                """
                UPDATE telegram_poll SET holder = :holder, lease_until = :leaseUntil
                WHERE id = 1 AND (holder = :holder OR lease_until IS NULL OR lease_until <= :now)
                """)
            .bind("holder", holder)
            .bind("now", now)
            .bind("leaseUntil", leaseUntil)
            .execute();
    if (claimed == 0) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        handle
            .createQuery("SELECT next_offset FROM telegram_poll WHERE id = 1")
            .mapTo(Long.class)
            .one());
  }

  /** Updates before {@code offset} were handled; only the holder may move it on. */
  void handledUpTo(String holder, long offset) {
    handle
        .createUpdate(
            "UPDATE telegram_poll SET next_offset = :offset WHERE id = 1 AND holder = :holder")
        .bind("offset", offset)
        .bind("holder", holder)
        .execute();
  }
}
