package dev.firebell.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretDigestTest {
  private final SecretDigest secret = SecretDigest.of("s3cret-token");

  @Test
  void theSameSecretMatches() {
    assertThat(secret.matches("s3cret-token")).isTrue();
  }

  @Test
  void anythingElseDoesNot() {
    assertThat(secret.matches("s3cret-toke")).isFalse();
    assertThat(secret.matches("s3cret-token ")).isFalse();
    assertThat(secret.matches("S3CRET-TOKEN")).isFalse();
    assertThat(secret.matches("")).isFalse();
  }

  @Test
  void anEmptySecretMatchesOnlyEmptyText() {
    assertThat(SecretDigest.of("").matches("")).isTrue();
    assertThat(SecretDigest.of("").matches("x")).isFalse();
  }
}
