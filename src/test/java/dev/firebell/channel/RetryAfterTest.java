package dev.firebell.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After as a server sends it: seconds, an HTTP date, or something unreadable. */
class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:00Z");

  @Test
  void secondsAreTakenAsTheyAre() {
    assertThat(HttpDelivery.retryAfter("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpDelivery.retryAfter(" 7 ", NOW)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void anHttpDateIsTheWaitUntilThen() {
    assertThat(HttpDelivery.retryAfter("Sat, 28 Nov 2026 16:11:30 GMT", NOW))
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void aDateInThePastOrNegativeSecondsMeanNow() {
    assertThat(HttpDelivery.retryAfter("Sat, 28 Nov 2026 16:00:00 GMT", NOW))
        .isEqualTo(Duration.ZERO);
    assertThat(HttpDelivery.retryAfter("-5", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void anAbsentOrUnreadableHeaderLeavesTheBackoffToDecide() {
    assertThat(HttpDelivery.retryAfter(null, NOW)).isNull();
    assertThat(HttpDelivery.retryAfter("  ", NOW)).isNull();
    assertThat(HttpDelivery.retryAfter("soon", NOW)).isNull();
  }
}
