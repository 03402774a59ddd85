package dev.firebell.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.firebell.config.DurationParser;
import dev.firebell.config.SilencesConfig;
import dev.firebell.incident.Declaration;
import dev.firebell.incident.Incident;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentNotFound;
import dev.firebell.incident.IncidentRows;
import dev.firebell.incident.IncidentStatus;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Silences in the sender. With {@code silences.onAck}, acknowledging an incident asks for a silence
 * of its group labels in the same transaction; {@link #silence} does it on demand. Resolving the
 * incident by any path asks for the silence to be expired. The calls themselves go through {@link
 * SilenceMailbox}, so a sender that is down never blocks or undoes the acknowledgement.
 */
public final class Silences implements IncidentHandOff {
  private final Jdbi jdbi;
  private final SilencesConfig config;
  private final UpstreamApis apis;
  private final ObjectMapper json;
  private final String publicUrl;

  Silences(
      Jdbi jdbi, SilencesConfig config, UpstreamApis apis, ObjectMapper json, String publicUrl) {
    this.jdbi = jdbi;
    this.config = config;
    this.apis = apis;
    this.json = json;
    this.publicUrl = publicUrl;
  }

  public Duration maxDuration() {
    return config.maxDuration();
  }

  @Override
  public void statusChanged(Handle handle, long id, IncidentStatus status, Instant now) {
    if (status == IncidentStatus.RESOLVED) {
      new SilenceRepository(handle).incidentResolved(id, now);
    } else if (status == IncidentStatus.ACKNOWLEDGED && config.onAck()) {
      Incident incident = IncidentRows.on(handle).find(id).orElseThrow();
      if (!Declaration.SOURCE.equals(incident.source())) { // a declared incident has no alerts
        request(handle, incident, who(incident), config.maxDuration(), now);
      }
    }
  }

  /** What asking for a silence did. */
  public enum Asked {
    REQUESTED,
    ALREADY_SILENCED,
    NOT_OPEN
  }

  /**
   * Whether a silence can be asked for at all: the incident came from an alert source whose API
   * Firebell knows (configured, or the notification's {@code externalURL}).
   */
  public boolean canSilence(Incident incident) {
    return !Declaration.SOURCE.equals(incident.source()) && apis.root(incident).isPresent();
  }

  /** Asks for a silence on demand ({@code POST /api/incidents/{id}/silence}, the button). */
  public Asked silence(long id, String by, Duration duration, Instant now) {
    return jdbi.inTransaction(
        handle -> {
          Incident incident =
              IncidentRows.on(handle).find(id).orElseThrow(() -> new IncidentNotFound(id));
          if (incident.status() == IncidentStatus.RESOLVED) {
            return Asked.NOT_OPEN;
          }
          if (new SilenceRepository(handle).hasLive(id)) {
            return Asked.ALREADY_SILENCED;
          }
          request(handle, incident, by, duration, now);
          return Asked.REQUESTED;
        });
  }

  private void request(
      Handle handle, Incident incident, String by, Duration duration, Instant now) {
    if (new SilenceRepository(handle).hasLive(incident.id())) {
      return;
    }
    if (Declaration.SOURCE.equals(incident.source())) {
      Timeline.on(handle)
          .stamp(
              incident.id(),
              now,
              TimelineKind.SILENCE_FAILED,
              "No silence set: a declared incident has no alerts in an alert source");
      return;
    }
    Map<String, String> labels = matchedLabels(incident);
    Optional<String> root = apis.root(incident);
    if (root.isEmpty() || labels.isEmpty()) {
      Timeline.on(handle)
          .stamp(
              incident.id(),
              now,
              TimelineKind.SILENCE_FAILED,
              root.isEmpty()
                  ? "No silence set: the sender's URL is unknown (set silences.alertmanager.url or"
                      + " grafana.url)"
                  : "No silence set: the incident has no group labels to match");
      return;
    }
    new SilenceRepository(handle)
        .insert(
            incident.id(),
            "alertmanager".equals(incident.source()) ? "alertmanager" : "grafana",
            root.get(),
            matchers(labels),
            now.plus(duration),
            "Firebell",
            "Acknowledged by "
                + by
                + " ("
                + DurationParser.format(duration)
                + "): "
                + publicUrl
                + "/incidents/"
                + incident.id(),
            now);
  }

  /** The group's labels, or its common labels when the group has none (Grafana's "{}" groups). */
  static Map<String, String> matchedLabels(Incident incident) {
    return new TreeMap<>(
        incident.groupLabels().isEmpty() ? incident.commonLabels() : incident.groupLabels());
  }

  private String matchers(Map<String, String> labels) {
    ArrayNode matchers = json.createArrayNode();
    labels.forEach(
        (name, value) ->
            matchers
                .addObject()
                .put("name", name)
                .put("value", value)
                .put("isRegex", false)
                .put("isEqual", true));
    return Json.write(json, matchers);
  }

  private static String who(Incident incident) {
    return incident.acknowledgedBy() == null ? "someone" : incident.acknowledgedBy();
  }
}
