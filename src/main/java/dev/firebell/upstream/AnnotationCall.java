package dev.firebell.upstream;

import dev.firebell.outbox.Leased;
import java.time.Instant;

/**
 * An incident's annotation in Grafana as a leased call: {@code CREATING} posts it, {@code UPDATING}
 * patches it. {@code version} counts changes, so a change made while a call is in flight is sent
 * after it.
 */
public record AnnotationCall(
    long id,
    long incidentId,
    String apiUrl,
    String dashboardUid,
    Long panelId,
    Instant startsAt,
    Instant endsAt,
    String tags,
    String text,
    Long annotationId,
    AnnotationStatus state,
    int version,
    int attempts)
    implements Leased {

  static final String KIND = "ANNOTATION";

  @Override
  public Object key() {
    return "annotation-" + incidentId;
  }

  @Override
  public String channel() {
    return "grafana";
  }

  @Override
  public String kind() {
    return KIND;
  }

  boolean creating() {
    return state == AnnotationStatus.CREATING;
  }

  AnnotationCall withAttemptCounted() {
    return new AnnotationCall(
        id,
        incidentId,
        apiUrl,
        dashboardUid,
        panelId,
        startsAt,
        endsAt,
        tags,
        text,
        annotationId,
        state,
        version,
        attempts + 1);
  }
}
