package dev.firebell.config;

import java.time.Duration;

/**
 * How pages are delivered: how often due work is looked for, and how failed deliveries are retried
 * (exponential backoff from {@code initialBackoff}, honouring Retry-After).
 */
public record PagingConfig(
    Duration pollInterval,
    Integer maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration requestTimeout,
    Duration keepDeliveries,
    Integer maxPagesPerPersonPerMinute) {

  public PagingConfig {
    pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    maxAttempts = maxAttempts == null ? 6 : maxAttempts;
    initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    keepDeliveries = keepDeliveries == null ? Duration.ofDays(30) : keepDeliveries;
    maxPagesPerPersonPerMinute =
        maxPagesPerPersonPerMinute == null ? 5 : maxPagesPerPersonPerMinute;
  }

  public static PagingConfig defaults() {
    return new PagingConfig(null, null, null, null, null, null, null);
  }
}
