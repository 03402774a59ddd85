package dev.firebell.config;

import java.time.Duration;

/**
 * Silences back in the sender. With {@code onAck}, acknowledging an incident silences its alerts in
 * the Alertmanager (or Grafana) that sent them, for at most {@code maxDuration}; {@code
 * alertmanager} is where Alertmanager's API is (default: the notification's {@code externalURL}).
 */
public record SilencesConfig(Boolean onAck, Duration maxDuration, UpstreamApi alertmanager) {
  public SilencesConfig {
    onAck = onAck != null && onAck;
    maxDuration = maxDuration == null ? Duration.ofHours(12) : maxDuration;
    alertmanager = alertmanager == null ? UpstreamApi.NONE : alertmanager;
  }

  public static SilencesConfig defaults() {
    return new SilencesConfig(null, null, null);
  }
}
