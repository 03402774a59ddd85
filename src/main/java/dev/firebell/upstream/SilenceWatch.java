package dev.firebell.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.incident.Actor;
import dev.firebell.incident.IncidentService;
import dev.firebell.incident.timeline.Timeline;
import dev.firebell.incident.timeline.TimelineKind;
import dev.firebell.outbox.DeliveryFailure;
import dev.firebell.outbox.SenderPool;
import dev.firebell.store.Repositories;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import okhttp3.HttpUrl;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alertmanager does not report silenced alerts as resolved, so while Firebell's silence is active
 * it asks the sender's alerts API ({@code GET /api/v2/alerts} with the silence's matchers) once a
 * minute, and resolves the incident itself when those alerts are gone, which in turn expires the
 * silence. A silence that ran out by itself is marked expired. Each look is claimed in the database
 * (one instance looks), and the HTTP call runs on a sender worker, never on the paging loop.
 */
public final class SilenceWatch {
  private static final Logger log = LoggerFactory.getLogger(SilenceWatch.class);
  static final Duration EVERY = Duration.ofMinutes(1);
  private static final Actor WATCH =
      new Actor("firebell", "Firebell", "its silence watch (the silenced alerts ended)");

  private final Jdbi jdbi;
  private final HttpDelivery http;
  private final UpstreamApis apis;
  private final IncidentService incidents;
  private final ObjectMapper json;
  private final Clock clock;
  private final SenderPool workers;

  SilenceWatch(
      Jdbi jdbi,
      HttpDelivery http,
      UpstreamApis apis,
      IncidentService incidents,
      ObjectMapper json,
      Clock clock,
      SenderPool workers) {
    this.jdbi = jdbi;
    this.http = http;
    this.apis = apis;
    this.incidents = incidents;
    this.json = json;
    this.clock = clock;
    this.workers = workers;
  }

  /** The scheduled pass: claims each due look and hands it to a worker; returns the looks. */
  public List<Future<?>> run() {
    Instant now = clock.instant();
    List<Future<?>> looks = new java.util.ArrayList<>();
    for (SilenceCall silence :
        Repositories.with(jdbi, SilenceRepository::new, r -> r.toWatch(now, 100))) {
      if (Repositories.with(
              jdbi, SilenceRepository::new, r -> r.watched(silence.id(), now, now.plus(EVERY)))
          == 0) {
        continue;
      }
      Optional<Future<?>> look = workers.trySubmit(() -> look(silence, now));
      if (look.isPresent()) {
        looks.add(look.get());
      } else {
        log.warn(
            "incident {}: every sender thread is busy; its silence is looked at next minute",
            silence.incidentId());
      }
    }
    return looks;
  }

  /** One look, in the caller's thread (tests call it through {@link #run} and wait). */
  void look(SilenceCall silence, Instant now) {
    try {
      if (!now.isBefore(silence.endsAt())) {
        ranOut(silence, now);
        return;
      }
      if (alerts(silence).isEmpty()) {
        log.info("incident {}: its silenced alerts ended; resolving it", silence.incidentId());
        incidents.resolve(silence.incidentId(), WATCH);
      }
    } catch (DeliveryFailure e) {
      log.warn(
          "incident {}: the silenced alerts could not be read: {}",
          silence.incidentId(),
          e.getMessage());
    } catch (JdbiException e) {
      log.error(
          "incident {}: the silence could not be updated; next look in a minute",
          silence.incidentId(),
          e);
    }
  }

  private void ranOut(SilenceCall silence, Instant now) {
    jdbi.useTransaction(
        handle -> {
          new SilenceRepository(handle).rows().finish(silence.id(), SilenceStatus.EXPIRED, null);
          Timeline.on(handle)
              .stamp(
                  silence.incidentId(),
                  now,
                  TimelineKind.SILENCE_EXPIRED,
                  "Silence " + silence.silenceId() + " ran out at " + silence.endsAt());
        });
  }

  /** The alerts the silence's matchers select, silenced or not, that the sender still has. */
  private List<JsonNode> alerts(SilenceCall silence) throws DeliveryFailure {
    HttpUrl.Builder url = HttpUrl.get(silence.apiUrl() + "/api/v2/alerts").newBuilder();
    for (JsonNode matcher : read(silence.matchers())) {
      url.addQueryParameter(
          "filter",
          matcher.get("name").asText() + "=\"" + quoted(matcher.get("value").asText()) + "\"");
    }
    url.addQueryParameter("active", "true")
        .addQueryParameter("silenced", "true")
        .addQueryParameter("inhibited", "true")
        .addQueryParameter("unprocessed", "true");
    String answer =
        http.call(
            apis.request(silence.source(), url.build().toString()).get().build(),
            silence.source() + " alerts");
    List<JsonNode> alerts = new java.util.ArrayList<>();
    read(answer).forEach(alerts::add);
    return alerts;
  }

  /** A matcher value inside double quotes: backslashes and quotes escaped. */
  static String quoted(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private JsonNode read(String text) throws DeliveryFailure {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw DeliveryFailure.permanent("an answer that is not JSON");
    }
  }
}
