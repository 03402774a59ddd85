package dev.firebell.paging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.firebell.channel.Channels;
import dev.firebell.channel.pushover.ReceiptRetention;
import dev.firebell.config.FirebellConfig;
import dev.firebell.escalation.EscalationEngine;
import dev.firebell.incident.IncidentHandOff;
import dev.firebell.incident.IncidentHooks;
import dev.firebell.incident.IncidentObserver;
import dev.firebell.incident.IncidentService;
import dev.firebell.maintenance.Maintenance;
import dev.firebell.notify.Delivery;
import dev.firebell.notify.MessageRetention;
import dev.firebell.notify.NoticeMailbox;
import dev.firebell.notify.PageComposer;
import dev.firebell.oncall.Person;
import dev.firebell.oncall.Rota;
import dev.firebell.outbox.DeliveryObserver;
import dev.firebell.outbox.Mailbox;
import dev.firebell.outbox.SenderPool;
import dev.firebell.security.LinkTokens;
import dev.firebell.store.Database;
import dev.firebell.store.Platform;
import dev.firebell.store.Pruning;
import dev.firebell.text.Templates;
import dev.firebell.upstream.UpstreamCalls;
import dev.firebell.upstream.UpstreamRetention;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paging as one module: the channels, the calls back into the alert sources, the escalation engine,
 * the outbox and the loop that runs them with every module's jobs. The incident service is built
 * with its {@link #hooks}, and what acts on incidents afterwards with {@link #followUps}.
 */
public final class PagingModule implements AutoCloseable {
  private final FirebellConfig config;
  private final Database database;
  private final Rota rota;
  private final ObjectMapper json;
  private final Clock clock;
  private static final Logger log = LoggerFactory.getLogger(PagingModule.class);

  private final SenderPool senders = SenderPool.create();
  private final Channels channels;
  private final UpstreamCalls upstream;
  private final EscalationEngine escalations;
  private final OutboxSender outbox;
  private final PagingScheduler scheduler;

  public PagingModule(
      Platform platform,
      Rota rota,
      Maintenance maintenance,
      LinkTokens tokens,
      Templates templates,
      DeliveryObserver observer) {
    this.config = platform.config();
    this.database = platform.database();
    this.rota = rota;
    this.json = platform.json();
    this.clock = platform.clock();
    this.channels = Channels.create(config, json, templates, tokens, clock);
    this.upstream = new UpstreamCalls(config, database.jdbi(), channels.http(), json, clock);
    List<Mailbox<?>> more = new ArrayList<>();
    more.add(new NoticeMailbox(database.jdbi(), rota, channels, json));
    more.addAll(upstream.mailboxes());
    this.outbox =
        new OutboxSender(
            database.jdbi(),
            database.durability(),
            rota,
            channels,
            new PageComposer(
                config.server().publicUrl(),
                tokens,
                id -> rota.current().person(id).map(Person::name).orElse(id)),
            more,
            observer,
            config.paging(),
            clock,
            senders);
    this.escalations = new EscalationEngine(database.jdbi(), rota, maintenance, this::handOver);
    this.scheduler = new PagingScheduler(escalations, outbox, clock);
    senders.onRoom(scheduler::wakeSender);
  }

  /** Through the loop, which knows whether paging has stopped. */
  private void handOver(List<Delivery> pages) {
    scheduler.handOver(pages);
  }

  /**
   * What the incident service tells paging: a change starts or stops an escalation and asks the
   * alert sources for silences and annotations in its transaction; once durable, a new incident's
   * pages are handed to senders and anything else wakes the outbox.
   */
  public IncidentHooks hooks(IncidentObserver observer) {
    return new IncidentHooks(
        IncidentHandOff.all(escalations, upstream.handOff()), observer, scheduler::wakeSender);
  }

  /** What comes back from the channels and the alert sources and acts on incidents. */
  public FollowUps followUps(IncidentService incidents) {
    return new FollowUps(
        config, database.jdbi(), channels, upstream, incidents, rota, json, clock, senders);
  }

  /** Starts the loop with {@code jobs} beside it, and Telegram's long poll when configured. */
  public void start(FollowUps followUps, List<Job> jobs) {
    scheduler.start(config.paging().pollInterval());
    scheduler.wake();
    jobs.forEach(scheduler::every);
    followUps.jobs().forEach(scheduler::every);
    if (config.telegram().isConfigured()) {
      // A long poll ends before the HTTP client's own timeout gives up on it.
      followUps
          .telegram()
          .start(Duration.ofSeconds(Math.max(0, config.paging().requestTimeout().toSeconds() - 2)));
    }
  }

  /**
   * Ended pages, notices, digests, silences, annotations and receipts, after {@code
   * keepDeliveries}.
   */
  public List<Pruning> retention() {
    Duration keep = config.paging().keepDeliveries();
    return List.of(
        new MessageRetention(keep), new UpstreamRetention(keep), new ReceiptRetention(keep));
  }

  public UpstreamCalls upstream() {
    return upstream;
  }

  /** The paging loop; tests run passes by hand with a controlled clock. */
  public PagingScheduler scheduler() {
    return scheduler;
  }

  /** The channels, for a person's test page (sent at once, outside the outbox). */
  public Channels channels() {
    return channels;
  }

  public OutboxSender outbox() {
    return outbox;
  }

  /**
   * Stops the loop, then the senders, and waits for the sends in flight to write their outcome: the
   * database closes after this, and a send still running would find it gone.
   */
  @Override
  public void close() {
    scheduler.close();
    try {
      if (!senders.stop(10, TimeUnit.SECONDS)) {
        log.warn("a send did not end within 10 s of shutdown; it is sent again after the restart");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
