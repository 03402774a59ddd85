package dev.firebell.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void aNewlineCannotForgeASecondLogLine() {
    assertThat(LogText.safe("tessa\n2026-11-28 INFO user 'admin' logged in"))
        .doesNotContain("\n")
        .startsWith("tessa\\u000a2026");
  }

  @Test
  void longTextIsCut() {
    assertThat(LogText.safe("x".repeat(5_000))).hasSizeLessThanOrEqualTo(201);
    assertThat(LogText.safe(null)).isEmpty();
  }
}
