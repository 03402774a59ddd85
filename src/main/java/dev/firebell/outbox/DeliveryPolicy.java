package dev.firebell.outbox;

import dev.firebell.config.PagingConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * What happens after a failed attempt to send a page, a status update or a digest. Pure: the same
 * rule for every kind of message, over the attempt count and {@code now}. A refusal that will not
 * change (most 4xx) gives up at once; anything else (network errors, 5xx, 429) is retried after the
 * server's Retry-After when it gave one, else after {@code initialBackoff} doubled per attempt (5
 * s, 10 s, 20 s …), never longer than {@code maxBackoff}, until {@code maxAttempts} attempts were
 * made.
 */
public final class DeliveryPolicy {
  private final PagingConfig config;

  public DeliveryPolicy(PagingConfig config) {
    this.config = config;
  }

  /** What to do next. */
  public sealed interface Next permits RetryAt, GiveUp {}

  /** Send again at {@code at}. */
  public record RetryAt(Instant at) implements Next {}

  /** Stop: the message failed for good. */
  public record GiveUp() implements Next {}

  /**
   * @param attempts the attempts made so far, the failed one included (1 after the first)
   */
  public Next afterFailure(int attempts, DeliveryFailure failure, Instant now) {
    if (!failure.retryable() || attempts >= config.maxAttempts()) {
      return new GiveUp();
    }
    Duration wait = failure.retryAfter() != null ? failure.retryAfter() : backoff(attempts);
    if (wait.compareTo(config.maxBackoff()) > 0) {
      wait = config.maxBackoff();
    }
    return new RetryAt(now.plus(wait));
  }

  private Duration backoff(int attempts) {
    return config.initialBackoff().multipliedBy(1L << Math.min(Math.max(attempts, 1) - 1, 16));
  }
}
