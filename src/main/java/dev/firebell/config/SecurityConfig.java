package dev.firebell.config;

import java.time.Duration;

/**
 * Acknowledge links are HMAC-signed with {@code linkSecret}; when it is empty a secret is generated
 * on first start and kept in the database, so every instance shares it.
 */
public record SecurityConfig(String linkSecret, Duration linkTtl, Duration sessionTtl) {
  public SecurityConfig {
    linkSecret = linkSecret == null ? "" : linkSecret;
    linkTtl = linkTtl == null ? Duration.ofHours(24) : linkTtl;
    sessionTtl = sessionTtl == null ? Duration.ofHours(12) : sessionTtl;
  }

  public static SecurityConfig defaults() {
    return new SecurityConfig(null, null, null);
  }
}
