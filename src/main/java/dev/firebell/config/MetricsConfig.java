package dev.firebell.config;

/** {@code GET /metrics} needs {@code Authorization: Bearer <token>} when a token is set. */
public record MetricsConfig(String token) {
  public MetricsConfig {
    token = token == null ? "" : token;
  }

  public static MetricsConfig defaults() {
    return new MetricsConfig(null);
  }
}
