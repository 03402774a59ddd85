package dev.firebell.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.firebell.config.PagingConfig;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The retry rule every page, status update and digest follows (README "Paging"). */
class DeliveryPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");
  private final DeliveryPolicy policy = new DeliveryPolicy(PagingConfig.defaults());

  @Test
  void aServerErrorIsRetriedWithDoublingBackoff() {
    DeliveryFailure failure = DeliveryFailure.retryable("HTTP 502");
    assertThat(policy.afterFailure(1, failure, NOW))
        .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(5)));
    assertThat(policy.afterFailure(2, failure, NOW))
        .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(10)));
    assertThat(policy.afterFailure(3, failure, NOW))
        .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(20)));
  }

  @Test
  void theBackoffNeverExceedsMaxBackoff() {
    PagingConfig slow = new PagingConfig(null, 20, Duration.ofMinutes(1), null, null, null, null);
    assertThat(new DeliveryPolicy(slow).afterFailure(10, DeliveryFailure.retryable("x"), NOW))
        .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plus(Duration.ofMinutes(5))));
  }

  @Test
  void retryAfterFromTheServerIsHonouredUpToMaxBackoff() {
    DeliveryFailure in30s = new DeliveryFailure("HTTP 429", true, Duration.ofSeconds(30));
    assertThat(policy.afterFailure(1, in30s, NOW))
        .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plusSeconds(30)));
    DeliveryFailure inAnHour = new DeliveryFailure("HTTP 503", true, Duration.ofHours(1));
    assertThat(policy.afterFailure(1, inAnHour, NOW))
        .isEqualTo(new DeliveryPolicy.RetryAt(NOW.plus(Duration.ofMinutes(5))));
  }

  @Test
  void aRefusalThatWillNotChangeGivesUpAtOnce() {
    assertThat(policy.afterFailure(1, DeliveryFailure.permanent("HTTP 404"), NOW))
        .isInstanceOf(DeliveryPolicy.GiveUp.class);
  }

  @Test
  void theLastAttemptGivesUp() {
    DeliveryFailure failure = DeliveryFailure.retryable("timeout");
    assertThat(policy.afterFailure(5, failure, NOW)).isInstanceOf(DeliveryPolicy.RetryAt.class);
    assertThat(policy.afterFailure(6, failure, NOW)).isInstanceOf(DeliveryPolicy.GiveUp.class);
  }
}
