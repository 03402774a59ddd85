package dev.firebell.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channels;
import dev.firebell.channel.pushover.PushoverReceipts;
import dev.firebell.channel.telegram.TelegramUpdates;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentService;
import dev.firebell.oncall.Rota;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.jdbi.v3.core.Jdbi;

/**
 * Calls back into the senders (Alertmanager, Grafana): the silences asked for with an
 * acknowledgement and the watch over silenced alerts, Grafana annotations, and the mailboxes the
 * outbox sends them through.
 */
public final class Upstream {
  private final Silences silences;
  private final SilenceWatch watch;
  private final SilenceMailbox mailbox;
  private final Annotations annotations;
  private final AnnotationMailbox annotationMailbox;
  private final PushoverReceipts receipts;
  private final TelegramUpdates telegram;

  public Upstream(
      FirebellConfig config,
      Jdbi jdbi,
      Channels channels,
      IncidentService incidents,
      Rota rota,
      ObjectMapper json,
      Clock clock,
      ExecutorService workers) {
    UpstreamApis apis = new UpstreamApis(config);
    this.silences = new Silences(jdbi, config.silences(), apis, json, config.server().publicUrl());
    this.mailbox = new SilenceMailbox(jdbi, channels.http(), apis, json, clock);
    this.watch = new SilenceWatch(jdbi, channels.http(), apis, incidents, json, clock, workers);
    this.annotations =
        new Annotations(config.grafana().annotations(), apis, json, config.server().publicUrl());
    this.annotationMailbox = new AnnotationMailbox(jdbi, channels.http(), apis, json);
    this.receipts =
        new PushoverReceipts(
            jdbi, channels.http(), config.pushover(), incidents, rota, json, clock, workers);
    this.telegram =
        new TelegramUpdates(
            jdbi, channels.telegram(), incidents, rota, json, config.server().publicUrl(), clock);
  }

  /** Button presses on Telegram pages. */
  public TelegramUpdates telegram() {
    return telegram;
  }

  /** The watch over Pushover emergency pages' receipts. */
  public PushoverReceipts receipts() {
    return receipts;
  }

  /** What the incident's transactions hand to the senders: silences and annotations. */
  public IncidentHandOff handOff() {
    return IncidentHandOff.all(silences, annotations);
  }

  public AnnotationMailbox annotationMailbox() {
    return annotationMailbox;
  }

  public Silences silences() {
    return silences;
  }

  public SilenceWatch watch() {
    return watch;
  }

  public SilenceMailbox mailbox() {
    return mailbox;
  }
}
