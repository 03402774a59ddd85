package dev.firebell.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  @Test
  void linkTokensAreCutFromLoggedPaths() {
    assertThat(ErrorMapper.loggable("/ack/djF8MXxkR1Z6YzJF.mBl0KsNeQvDZeps3abDm"))
        .isEqualTo("/ack/…");
    assertThat(ErrorMapper.loggable("/resolve/abc.def")).isEqualTo("/resolve/…");
    assertThat(ErrorMapper.loggable("/api/incidents/7")).isEqualTo("/api/incidents/7");
  }
}
