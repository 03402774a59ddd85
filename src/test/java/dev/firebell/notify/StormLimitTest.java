package dev.firebell.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The alert-storm rule at fixed instants: five pages a minute, the rest folded to the next. */
class StormLimitTest {
  private static final Instant NOW = Instant.parse("2026-11-28T16:10:42.5Z");
  private final StormLimit limit = new StormLimit(5);

  @Test
  void pagesUpToTheLimitAreSentAndCounted() {
    assertThat(limit.decide(0, NOW)).isEqualTo(new StormLimit.Send(1));
    assertThat(limit.decide(4, NOW)).isEqualTo(new StormLimit.Send(5));
  }

  @Test
  void thePageBeyondTheLimitIsFoldedIntoTheNextMinutesDigest() {
    assertThat(limit.decide(5, NOW))
        .isEqualTo(new StormLimit.Fold(Instant.parse("2026-11-28T16:11:00Z")));
    assertThat(limit.decide(500, NOW))
        .isEqualTo(new StormLimit.Fold(Instant.parse("2026-11-28T16:11:00Z")));
  }

  @Test
  void aPageOnTheMinuteIsFoldedIntoTheFollowingOne() {
    Instant onTheMinute = Instant.parse("2026-11-28T16:11:00Z");
    assertThat(limit.decide(5, onTheMinute))
        .isEqualTo(new StormLimit.Fold(Instant.parse("2026-11-28T16:12:00Z")));
  }

  @Test
  void aLimitOfZeroFoldsEveryPage() {
    assertThat(new StormLimit(0).decide(0, NOW)).isInstanceOf(StormLimit.Fold.class);
  }

  @Test
  void countsServeForASecondAndNeverAfterTheClockWentBack() {
    assertThat(StormLimit.countsStillServe(null, NOW)).isFalse();
    assertThat(StormLimit.countsStillServe(NOW, NOW)).isTrue();
    assertThat(StormLimit.countsStillServe(NOW, NOW.plusMillis(999))).isTrue();
    assertThat(StormLimit.countsStillServe(NOW, NOW.plusSeconds(1))).isFalse();
    assertThat(StormLimit.countsStillServe(NOW, NOW.minusMillis(1))).isFalse();
  }
}
