package dev.firebell.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A cached meter is the one the scrape shows, one series per name and tags. */
class MeterCacheTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MeterCache meters = new MeterCache(registry);

  @Test
  void countsOfOneNameAndTagsAddUpInOneSeries() {
    for (int i = 0; i < 3; i++) {
      meters
          .counter("firebell.test", "a test", "source", "grafana", "outcome", "accepted")
          .increment();
    }
    meters
        .counter("firebell.test", "a test", "source", "grafana", "outcome", "duplicate")
        .increment();

    assertThat(registry.scrape())
        .contains("firebell_test_total{outcome=\"accepted\",source=\"grafana\"} 3.0")
        .contains("firebell_test_total{outcome=\"duplicate\",source=\"grafana\"} 1.0");
    assertThat(registry.getMeters()).hasSize(2);
  }

  @Test
  void aTimerKeepsItsBucketsAndOneWithoutHasNone() {
    Duration[] buckets = {Duration.ofSeconds(30), Duration.ofMinutes(1)};
    meters
        .timer("firebell.slow", "with buckets", buckets, "severity", "SEV-1")
        .record(Duration.ofSeconds(40));
    meters
        .timer("firebell.slow", "with buckets", buckets, "severity", "SEV-1")
        .record(Duration.ofSeconds(10));
    meters
        .timer("firebell.plain", "without", new Duration[0], "route", "/x")
        .record(Duration.ofMillis(5));

    assertThat(registry.scrape())
        .contains("firebell_slow_seconds_bucket{severity=\"SEV-1\",le=\"30.0\"} 1")
        .contains("firebell_slow_seconds_count{severity=\"SEV-1\"} 2")
        .contains("firebell_plain_seconds_count{route=\"/x\"} 1")
        .doesNotContain("firebell_plain_seconds_bucket");
  }
}
