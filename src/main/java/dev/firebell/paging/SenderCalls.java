package dev.firebell.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.IncidentService;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import org.jdbi.v3.core.Jdbi;

/**
 * Calls back into the senders (Alertmanager, Grafana): the silences asked for with an
 * acknowledgement, the mailbox the outbox sends them through, and the watch over silenced alerts.
 */
public final class SenderCalls {
  private final Silences silences;
  private final SilenceWatch watch;
  private final SilenceMailbox mailbox;

  public SenderCalls(
      FirebellConfig config,
      Jdbi jdbi,
      Channels channels,
      IncidentService incidents,
      ObjectMapper json,
      Clock clock,
      ExecutorService workers) {
    SenderApis apis = new SenderApis(config);
    this.silences = new Silences(jdbi, config.silences(), apis, json, config.server().publicUrl());
    this.mailbox = new SilenceMailbox(jdbi, channels.http(), apis, json, clock);
    this.watch = new SilenceWatch(jdbi, channels.http(), apis, incidents, json, clock, workers);
  }

  public Silences silences() {
    return silences;
  }

  public SilenceWatch watch() {
    return watch;
  }

  SilenceMailbox mailbox() {
    return mailbox;
  }
}
