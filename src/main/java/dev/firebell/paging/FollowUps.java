package dev.firebell.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channels;
import dev.firebell.channel.pushover.PushoverReceipts;
import dev.firebell.channel.telegram.TelegramUpdates;
import dev.firebell.config.FirebellConfig;
import dev.firebell.incident.IncidentService;
import dev.firebell.oncall.Rota;
import dev.firebell.outbox.SenderPool;
import dev.firebell.upstream.SilenceWatch;
import dev.firebell.upstream.UpstreamCalls;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * What comes back after a page or a call went out and acts on the incident: the watch over silenced
 * alerts, Pushover's emergency receipts and Telegram's button presses. Made once the incident
 * service exists, since each acknowledges or resolves through it.
 */
public final class FollowUps implements AutoCloseable {
  private final SilenceWatch watch;
  private final PushoverReceipts receipts;
  private final TelegramUpdates telegram;

  FollowUps(
      FirebellConfig config,
      Jdbi jdbi,
      Channels channels,
      UpstreamCalls upstream,
      IncidentService incidents,
      Rota rota,
      ObjectMapper json,
      Clock clock,
      SenderPool workers) {
    this.watch = upstream.watch(incidents, workers);
    this.receipts =
        new PushoverReceipts(
            jdbi, channels.http(), config.pushover(), incidents, rota, json, clock, workers);
    this.telegram =
        new TelegramUpdates(
            jdbi, channels.telegram(), incidents, rota, json, config.server().publicUrl(), clock);
  }

  /** The watches, run on the paging loop. */
  List<Job> jobs() {
    return List.of(
        new Job("the watch over silenced alerts", Duration.ofMinutes(1), () -> watch.run()),
        new Job("the watch over Pushover receipts", Duration.ofSeconds(30), () -> receipts.run()));
  }

  public SilenceWatch watch() {
    return watch;
  }

  public PushoverReceipts receipts() {
    return receipts;
  }

  /** Button presses on Telegram pages. */
  public TelegramUpdates telegram() {
    return telegram;
  }

  @Override
  public void close() {
    telegram.close();
  }
}
