package dev.firebell.upstream;

import dev.firebell.outbox.Leased;
import java.time.Instant;

/**
 * A silence in the sender, as a leased call: {@code CREATING} posts it, {@code EXPIRING} deletes
 * it. {@code apiUrl} is the Alertmanager API root ({@code http://am:9093}, or Grafana's {@code
 * …/api/alertmanager/grafana}); {@code source} names the sender for metrics and the token.
 */
public record SilenceCall(
    long id,
    long incidentId,
    String source,
    String apiUrl,
    String matchers,
    Instant endsAt,
    String createdBy,
    String comment,
    String silenceId,
    SilenceStatus state,
    int attempts)
    implements Leased {

  static final String KIND = "SILENCE";

  @Override
  public Object key() {
    return "silence-" + id;
  }

  @Override
  public String channel() {
    return source;
  }

  @Override
  public String kind() {
    return KIND;
  }

  boolean creating() {
    return state == SilenceStatus.CREATING;
  }

  SilenceCall withAttemptCounted() {
    return new SilenceCall(
        id,
        incidentId,
        source,
        apiUrl,
        matchers,
        endsAt,
        createdBy,
        comment,
        silenceId,
        state,
        attempts + 1);
  }
}
