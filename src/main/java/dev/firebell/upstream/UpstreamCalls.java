package dev.firebell.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.HttpDelivery;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentService;
import dev.firebell.outbox.Mailbox;
import dev.firebell.outbox.SenderPool;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Calls back into the alert sources (Alertmanager, Grafana): the silences asked for with an
 * acknowledgement, Grafana annotations, and the mailboxes the outbox sends them through. Built
 * before the incident service, which hands its changes to {@link #handOff}; the watch over silenced
 * alerts acts on incidents, so it is made afterwards by {@link #watch}.
 */
public final class UpstreamCalls {
  private final Jdbi jdbi;
  private final HttpDelivery http;
  private final UpstreamApis apis;
  private final ObjectMapper json;
  private final Clock clock;
  private final Silences silences;
  private final Annotations annotations;

  public UpstreamCalls(
      FirebellConfig config, Jdbi jdbi, HttpDelivery http, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.http = http;
    this.apis = new UpstreamApis(config);
    this.json = json;
    this.clock = clock;
    this.silences = new Silences(jdbi, config.silences(), apis, json, config.server().publicUrl());
    this.annotations =
        new Annotations(config.grafana().annotations(), apis, json, config.server().publicUrl());
  }

  /** What the incident's transactions hand to the alert sources: silences and annotations. */
  public IncidentHandOff handOff() {
    return IncidentHandOff.all(silences, annotations);
  }

  /** The silence and annotation calls, for the outbox to send. */
  public List<Mailbox<?>> mailboxes() {
    return List.of(
        new SilenceMailbox(jdbi, http, apis, json, clock),
        new AnnotationMailbox(jdbi, http, apis, json));
  }

  public Silences silences() {
    return silences;
  }

  /** The watch that resolves an incident once every silenced alert has ended. */
  public SilenceWatch watch(IncidentService incidents, SenderPool workers) {
    return new SilenceWatch(jdbi, http, apis, incidents, json, clock, workers);
  }
}
